import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAudit } from './audit.ts';

const HEADER = 'number,sys_mod_count,assignment_group,assigned_to,made_sla,reopen_count,sys_updated_at';
type Row = [string, number | string, string, string, string, number | string, string?];

/** A ServiceNow event log from rows of [number, sys_mod_count, group, assigned_to, made_sla, reopen_count, updated?]. */
function log(rows: Row[]): string {
  return `${HEADER}\n${rows.map((r) => [...r.slice(0, 6), r[6] ?? '?'].join(',')).join('\n')}\n`;
}

async function* chunks(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function audit(rows: Row[]) {
  return runAudit(chunks(log(rows)), { format: 'servicenow' });
}

const summary = async (rows: Row[]) => (await audit(rows)).summary;

describe('contract figures (servicenow)', () => {
  it('counts distinct cases and every row as an event, cases interleaved', async () => {
    const s = await summary([
      ['C1', 0, 'A', 'x', 'TRUE', 0],
      ['C2', 0, 'A', 'x', 'TRUE', 0],
      ['C1', 1, 'A', 'x', 'TRUE', 0],
    ]);
    expect([s.cases, s.events, s.handoffs]).toEqual([2, 3, 0]);
  });

  it('skips ? groups: A, ?, A is no handoff', async () => {
    const s = await summary([
      ['C1', 0, 'A', 'x', 'TRUE', 0],
      ['C1', 1, '?', 'x', 'TRUE', 0],
      ['C1', 2, 'A', 'x', 'TRUE', 0],
    ]);
    expect([s.handoffs, s.casesWithHandoff]).toEqual([0, 0]);
  });

  it('counts A, ?, B as one handoff, and a case starting with ? as none', async () => {
    const s = await summary([
      ['C1', 0, 'A', 'x', 'TRUE', 0],
      ['C1', 1, '?', 'x', 'TRUE', 0],
      ['C1', 2, 'B', 'x', 'TRUE', 0],
      ['C2', 0, '?', 'x', 'TRUE', 0],
      ['C2', 1, 'B', 'x', 'TRUE', 0],
    ]);
    expect([s.handoffs, s.casesWithHandoff, s.pingPongCases]).toEqual([1, 1, 0]);
  });

  it('finds ping-pong: A, B, A (and A, B, C, B), but not A, B, C', async () => {
    const s = await summary([
      ['P1', 0, 'A', 'x', 'TRUE', 0],
      ['P1', 1, 'B', 'x', 'TRUE', 0],
      ['P1', 2, 'A', 'x', 'TRUE', 0],
      ['P2', 0, 'A', 'x', 'TRUE', 0],
      ['P2', 1, 'B', 'x', 'TRUE', 0],
      ['P2', 2, 'C', 'x', 'TRUE', 0],
      ['P2', 3, '?', 'x', 'TRUE', 0],
      ['P2', 4, 'B', 'x', 'TRUE', 0],
      ['N1', 0, 'A', 'x', 'TRUE', 0],
      ['N1', 1, 'B', 'x', 'TRUE', 0],
      ['N1', 2, 'C', 'x', 'TRUE', 0],
    ]);
    expect([s.handoffs, s.casesWithHandoff, s.pingPongCases, s.pingPongHandoffs]).toEqual([7, 3, 2, 2]);
  });

  it('counts a handoff ownerless when assigned_to is ? from its row up to the next handoff', async () => {
    const s = await summary([
      // A -> B (row 1): ? on rows 1-2, owner on row 3, which is the next handoff's row: ownerless.
      ['C1', 0, 'A', 'x', 'TRUE', 0],
      ['C1', 1, 'B', '?', 'TRUE', 0],
      ['C1', 2, '?', '?', 'TRUE', 0],
      // B -> C (row 3) names an owner on its own row: owned.
      ['C1', 3, 'C', 'y', 'TRUE', 0],
      // C -> D (row 4): ? until the case's last row, included: ownerless.
      ['C1', 4, 'D', '?', 'TRUE', 0],
      ['C1', 5, 'D', '?', 'TRUE', 0],
    ]);
    expect([s.handoffs, s.ownerlessHandoffs]).toEqual([3, 2]);
  });

  it('counts a handoff owned when any row of its leg names an owner, even a later one', async () => {
    const s = await summary([
      ['C1', 0, 'A', 'x', 'TRUE', 0],
      ['C1', 1, 'B', '?', 'TRUE', 0],
      ['C1', 2, '?', '?', 'TRUE', 0],
      ['C1', 3, 'B', 'z', 'TRUE', 0],
      ['C2', 0, 'A', '?', 'TRUE', 0],
      ['C2', 1, 'B', '?', 'TRUE', 0],
      ['C2', 2, 'B', 'x', 'TRUE', 0],
    ]);
    expect([s.handoffs, s.ownerlessHandoffs]).toEqual([2, 0]);
  });

  it('orders rows by sys_mod_count numerically, ties in file order', async () => {
    const s = await summary([
      // numeric order 2, 9, 10: A, B, A (a text sort would give 10, 2, 9: A, A, B).
      ['C1', 10, 'A', 'x', 'TRUE', 0],
      ['C1', 2, 'A', 'x', 'TRUE', 0],
      ['C1', 9, 'B', 'x', 'TRUE', 0],
      // a tie at 1: file order keeps B then C, so A -> B -> C, no ping-pong, last row SLA false.
      ['C2', 1, 'B', 'x', 'TRUE', 0],
      ['C2', 0, 'A', 'x', 'TRUE', 0],
      ['C2', 1, 'C', 'x', 'false', 0],
    ]);
    expect([s.handoffs, s.pingPongCases, s.slaMissedCases]).toEqual([4, 1, 1]);
  });

  it('misses the SLA on the last row only, in any letter case', async () => {
    const s = await summary([
      ['S1', 0, 'A', 'x', 'TRUE', 0],
      ['S1', 1, 'A', 'x', 'FALSE', 0],
      ['S2', 0, 'A', 'x', 'False', 0],
      ['S2', 1, 'A', 'x', 'true', 0],
      ['S3', 1, 'A', 'x', 'false', 0],
      ['S3', 0, 'A', 'x', 'TRUE', 0],
      ['S4', 0, 'A', 'x', 'false', 0],
      ['S4', 1, 'A', 'x', '?', 0],
    ]);
    expect(s.slaMissedCases).toBe(2);
  });

  it('counts a case reopened when reopen_count is above 0 on any row', async () => {
    const s = await summary([
      ['R1', 0, 'A', 'x', 'TRUE', 0],
      ['R1', 1, 'A', 'x', 'TRUE', 1],
      ['R1', 2, 'A', 'x', 'TRUE', 0],
      ['R2', 0, 'A', 'x', 'TRUE', '?'],
      ['R2', 1, 'A', 'x', 'TRUE', 0],
      ['R3', 0, 'A', 'x', 'TRUE', '2'],
    ]);
    expect(s.reopenedCases).toBe(2);
  });

  it('gives the same figures for any order of rows with distinct sys_mod_counts', async () => {
    const groups = fc.constantFrom('A', 'B', 'C', '?');
    const row = fc.tuple(
      fc.constantFrom('C1', 'C2', 'C3'),
      groups,
      fc.constantFrom('x', '?'),
      fc.boolean(),
      fc.nat(2),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.nat(), async (spec, seed) => {
        const rows: Row[] = spec.map(([c, g, o, sla, r], i) => [c, i, g, o, sla ? 'TRUE' : 'FALSE', r]);
        const shuffled = rows
          .map((r, i) => ({ r, k: (i * 7919 + seed) % 104729 }))
          .sort((a, b) => a.k - b.k)
          .map(({ r }) => r);
        expect(await summary(shuffled)).toEqual(await summary(rows));
      }),
      { numRuns: 60 },
    );
  });
});

describe('beyond the contract', () => {
  it('tables team pairs, teams, hops, and times the pick-up after a handoff', async () => {
    const report = await audit([
      ['C1', 0, 'A', 'x', 'TRUE', 0, '01-03-2016 09:00'],
      ['C1', 1, 'B', '?', 'TRUE', 0, '01-03-2016 10:00'],
      ['C1', 2, 'B', 'y', 'TRUE', 0, '01-03-2016 12:30'],
      ['C1', 3, 'A', '?', 'FALSE', 0, '01-03-2016 13:00'],
      ['C2', 0, 'A', 'x', 'TRUE', 0, '02-03-2016 09:00'],
    ]);
    const pairs = report.teamPairs.map((p) => [
      p.from,
      p.to,
      p.handoffs,
      p.pingPong,
      p.ownerless,
      p.medianPickupMinutes,
    ]);
    expect(pairs).toEqual([
      ['A', 'B', 1, 0, 0, 150],
      ['B', 'A', 1, 1, 1, null],
    ]);
    expect(report.hopsPerCase).toEqual([
      { handoffs: 0, cases: 1 },
      { handoffs: 2, cases: 1 },
    ]);
    const a = report.teams.find((t) => t.team === 'A');
    expect(a).toMatchObject({
      cases: 2,
      handoffsIn: 1,
      ownerlessIn: 1,
      ownerlessRate: 1,
      slaMissedCases: 1,
      hoursHeld: 1,
    });
    expect(report.comparison.withHandoff.slaMissed).toEqual({ count: 1, of: 1, rate: 1 });
    expect(report.comparison.withoutHandoff.slaMissed).toEqual({ count: 0, of: 1, rate: 0 });
    expect(report.topPingPongPairs).toEqual([{ teams: ['A', 'B'], returns: 1, cases: 1 }]);
    expect(report.summary.medianPickupMinutes).toBe(150);
    expect(report.findings.map((f) => f.id)).toContain('no_ownership');
  });

  it('refuses a ServiceNow export without the contract columns', async () => {
    await expect(
      runAudit(chunks('number,assignment_group\nC1,A\n'), { format: 'servicenow' }),
    ).rejects.toThrow(/missing column\(s\) sys_mod_count/);
  });
});
