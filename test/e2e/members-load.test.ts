import { and, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { handoffs } from '../../src/handoffs/handoffs.table.ts';
import { membersWithLoad } from '../../src/teams/teams.queries.ts';
import { teamMembers } from '../../src/teams/teams.table.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// A member's load (open handoffs they own, in any team) is counted up to their largest capacity in
// any team, which keeps it exact wherever ownership compares it (teams.queries.ts).

describeOnDatabases("members' load for ownership", (h) => {
  it('is exact below the largest capacity the person has in any team, and stops there', async () => {
    const { orgId, teamIds, personIds } = h().org;
    const [finance, tier2, noah] = [teamIds.get('finance')!, teamIds.get('tier2')!, personIds.get('noah')!];
    const db = h().database.db;
    const sent: string[] = [];
    for (let i = 0; i < 8; i++) {
      const c = await h().request('POST', '/api/v1/cases', newCase({ subject: `Load ${i}` }));
      const s = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      sent.push(s.body.id);
    }
    // Noah joins finance (capacity 3) once its handoffs are out, and may hold 6 in tier 2.
    await db.insert(teamMembers).values({ orgId, teamId: finance, personId: noah, capacity: 3 });
    await db
      .update(teamMembers)
      .set({ capacity: 6 })
      .where(and(eq(teamMembers.teamId, tier2), eq(teamMembers.personId, noah)));
    const loadsOfNoah = async () =>
      (await membersWithLoad(db, orgId, [finance, tier2])).filter((m) => m.id === noah).map((m) => m.load);
    expect(await loadsOfNoah()).toEqual([0, 0]);
    const own = (ids: string[]) =>
      db.update(handoffs).set({ ownerId: noah }).where(inArray(handoffs.id, ids));
    await own(sent.slice(0, 4));
    // Four open: over his finance capacity (3), under his tier-2 one (6); the same count in both rows.
    expect(await loadsOfNoah()).toEqual([4, 4]);
    await db.update(handoffs).set({ state: 'resolved' }).where(eq(handoffs.id, sent[0]!));
    expect(await loadsOfNoah()).toEqual([3, 3]);
    await own(sent.slice(4));
    expect(await loadsOfNoah()).toEqual([6, 6]);
  });
});
