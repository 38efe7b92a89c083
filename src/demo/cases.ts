import type { Db } from '../db/database.ts';
import { demoConversations } from './conversations.ts';
import { playCase } from './player.ts';
import { timerReplay } from './replay.ts';

export type DemoOrg = { orgId: string; personIds: Map<string, string>; teamIds: Map<string, string> };

/**
 * Northwind's last three weeks of support (`conversations/`), played through the same commands
 * the API runs, each step as the person who took it, at the instant it happened; the SLA timers
 * of that past fire at their own instants on the way. One transaction: a running scheduler sees
 * the history only once it is whole, and a failed load leaves no half-told story behind.
 */
export async function loadDemoCases(db: Db, org: DemoOrg, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const replay = timerReplay(tx);
    // Timers already overdue (other organisations') fire now, not back in the demo's past.
    await replay.flush(now);
    for (const c of demoConversations) await playCase(tx, org, c, now, replay);
    await replay.fireUntil(now);
  });
}
