import type { Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { signalReference } from '../notifications/notice.commands.ts';
import { adminChanges } from './admin-changes.table.ts';
import { type AdminAction, type ChangeDetail, changesNothing, changesReference } from './changes.ts';

export type AdminCtx = { orgId: string; now: Date; actorId?: string | null };

/**
 * Records one change in the caller's transaction: it commits or rolls back with the change. A
 * change to what every page reads (people, teams…) tells the open pages to read it again, unless
 * the caller tells them more precisely itself (`signalled`).
 */
export async function recordChange(
  tx: Tx,
  ctx: AdminCtx,
  action: AdminAction,
  subject: { id: string; name: string },
  detail: ChangeDetail = {},
  opts: { signalled?: boolean } = {},
) {
  if (changesNothing(action, detail)) return;
  if (changesReference(action) && !opts.signalled) await signalReference(tx, ctx.orgId, ctx.now);
  await tx.insert(adminChanges).values({
    id: newId('ac'),
    orgId: ctx.orgId,
    at: ctx.now,
    actorId: ctx.actorId ?? null,
    action,
    subject: subject.id,
    subjectName: subject.name,
    detail,
  });
}
