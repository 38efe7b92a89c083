import { and, eq, ne, or } from 'drizzle-orm';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { people } from '../people/people.table.ts';
import { holdTeams, ownerChanges } from './ownership.commands.ts';

/**
 * The lost-escalation sweeper: a sent handoff owned by someone away, offline or gone is handed to
 * the next eligible owner, so nothing waits on a person who cannot act. Rows are claimed with
 * SKIP LOCKED, so several processes sweep without stepping on each other.
 */
export async function sweepLostEscalations(services: Pick<Services, 'database' | 'clock'>): Promise<number> {
  return services.database.db.transaction(async (tx) => {
    const stuck = await tx
      .select({ h: handoffs })
      .from(handoffs)
      .innerJoin(people, eq(people.id, handoffs.ownerId))
      .where(
        and(eq(handoffs.state, 'sent'), or(ne(people.availability, 'available'), eq(people.active, 'no'))),
      )
      .limit(100)
      .for('update', { of: handoffs, skipLocked: true });
    const now = services.clock();
    await holdTeams(
      tx,
      stuck.map(({ h }) => h),
    );
    const changes = ownerChanges(tx, now, null);
    for (const { h } of stuck) await changes.toNext(h, 'its owner was away, offline or gone');
    await changes.write();
    return stuck.length;
  });
}

export function sweeperJob(services: Pick<Services, 'database' | 'clock'>): Job {
  return {
    id: 'ownership.sweep',
    every: 30_000,
    run: async () => void (await sweepLostEscalations(services)),
  };
}
