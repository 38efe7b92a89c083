import { describe, expect, it } from 'vitest';
import { runAudit } from './audit.ts';

async function* chunks(text: string, size = 13): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('generic adapter', () => {
  it('reads a CSV ordered by seq, with unknown teams and owners', async () => {
    const csv = [
      'case,seq,team,owner,sla_met,reopened',
      'T1,2,billing,,true,0',
      'T1,1,support,ann,true,0',
      'T1,3,?,,false,1',
      'T1,4,support,bob,false,',
      'T2,1,support,ann,TRUE,false',
    ].join('\n');
    const s = (await runAudit(chunks(csv))).summary;
    expect([s.cases, s.events, s.handoffs, s.pingPongCases, s.ownerlessHandoffs]).toEqual([2, 5, 2, 1, 1]);
    expect([s.slaMissedCases, s.reopenedCases]).toEqual([1, 1]);
  });

  it('orders rows by time when there is no seq, and accepts ticket/group/assignee names', async () => {
    const csv = [
      'ticket,at,group,assignee,status',
      'T1,2024-05-01T12:00:00Z,finance,,open',
      'T1,2024-05-01T09:00:00Z,support,ann,new',
      'T1,2024-05-01T12:45:00Z,finance,fay,open',
      'T1,2024-05-01T15:00:00Z,finance,fay,solved',
    ].join('\n');
    const report = await runAudit(chunks(csv), { format: 'generic' });
    expect(report.teamPairs).toEqual([
      { from: 'support', to: 'finance', handoffs: 1, pingPong: 0, ownerless: 0, medianPickupMinutes: 45 },
    ]);
    expect(report.summary.medianResolutionHours).toBe(6);
  });

  it('reads JSON Lines with the same fields', async () => {
    const lines = [
      { case: 'T1', seq: 1, team: 'support', owner: 'ann', sla_met: true, reopened: false },
      { case: 'T1', seq: 2, team: 'engineering', owner: null, sla_met: false, reopened: true },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const s = (await runAudit(chunks(lines))).summary;
    expect([s.handoffs, s.ownerlessHandoffs, s.slaMissedCases, s.reopenedCases]).toEqual([1, 1, 1, 1]);
  });

  it('refuses a CSV without the columns it needs', async () => {
    await expect(runAudit(chunks('case,team\nT1,a\n'), { format: 'generic' })).rejects.toThrow(
      /owner, seq or at/,
    );
  });

  it('refuses an empty input', async () => {
    await expect(runAudit(chunks(''))).rejects.toThrow(/empty/);
  });
});
