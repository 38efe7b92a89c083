import type { Db } from '../db/database.ts';

export type DemoOrg = { orgId: string; personIds: Map<string, string>; teamIds: Map<string, string> };

// Replaced by the demo conversations.
export async function loadDemoCases(_db: Db, _org: DemoOrg, _now: Date): Promise<void> {}
