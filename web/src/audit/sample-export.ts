// A made-up export in the generic format (docs/audit.md), for a lead without one at hand to see
// what the audit shows: a month of a home-services helpdesk where some cases bounce between
// groups, wait without an owner, miss their SLA and come back. Seeded, so every run is the same.

import { seededRandom } from '../../../src/vocabulary/random.ts';

export const SAMPLE_EXPORT_NAME = 'sample-helpdesk-export.csv';

type Team = 'service_desk' | 'billing' | 'finance' | 'tier2' | 'engineering';

const PEOPLE: Record<Team, string[]> = {
  service_desk: ['ann', 'ben', 'cara', 'dev'],
  billing: ['eli', 'fay'],
  finance: ['gus', 'hana'],
  tier2: ['ivo', 'jade', 'kai'],
  engineering: ['lena', 'milo'],
};
/** Where a case goes from the service desk, and where it may go after that. */
const FIRST: Team[] = ['billing', 'billing', 'tier2', 'tier2', 'tier2'];
const NEXT: Partial<Record<Team, Team>> = { billing: 'finance', tier2: 'engineering' };

const HOUR = 3_600_000;

type Row = { team: Team; owner: string; at: number; slaMet: boolean };

/** The sample's CSV: `cases` cases opened over the four weeks before `until`. */
export function sampleExport(until: Date = new Date('2026-11-30T00:00:00Z'), cases = 300, seed = 7): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const start = until.getTime() - 28 * 24 * HOUR;
  const lines = ['case,seq,at,team,owner,sla_met,reopened,status,satisfaction'];
  for (let i = 0; i < cases; i++) {
    let at = start + Math.floor((i / cases) * 27 * 24 * HOUR + rnd() * 4 * HOUR);
    const rows: Row[] = [{ team: 'service_desk', owner: pick(PEOPLE.service_desk), at, slaMet: true }];
    let trouble = 0;
    /** The case moves to `team`: taken at once, picked up after a wait, or left with nobody. */
    const move = (team: Team, pickup: 'at once' | 'later' | 'nobody') => {
      at += Math.floor((0.5 + rnd() * 6) * HOUR);
      if (pickup !== 'at once') {
        rows.push({ team, owner: '', at, slaMet: true });
        const wait = pickup === 'nobody' ? 8 + rnd() * 30 : 0.2 + rnd() * (rnd() < 0.2 ? 30 : 5);
        at += Math.floor(wait * HOUR);
        if (wait > 12) trouble++;
        if (pickup === 'nobody') return;
      }
      rows.push({
        team,
        owner: pick(PEOPLE[team]),
        at,
        slaMet: rnd() > (at - rows[rows.length - 1]!.at) / (40 * HOUR),
      });
    };
    const pickup = () => {
      const r = rnd();
      return r < 0.25 ? 'at once' : r < 0.92 ? 'later' : 'nobody';
    };
    if (rnd() < 0.45) {
      const first = pick(FIRST);
      const firstPickup = pickup();
      move(first, firstPickup);
      if (firstPickup === 'nobody' || rnd() < 0.18) {
        // Ping-pong: back to the service desk (nobody took it, or it was not theirs), then over again.
        move('service_desk', 'later');
        move(first, pickup() === 'nobody' ? 'later' : 'at once');
        trouble++;
      }
      const next = NEXT[first];
      if (next && rnd() < 0.3) move(next, pickup());
    }
    const reopened = rnd() < 0.05 + 0.12 * trouble;
    const last = rows[rows.length - 1]!;
    at += Math.floor((1 + rnd() * 30) * HOUR);
    const rated = rnd() < 0.35;
    const bad = rnd() < 0.12 + 0.25 * trouble + (reopened ? 0.2 : 0);
    rows.push({ ...last, at, slaMet: last.slaMet && rnd() > 0.06 * (1 + trouble) });
    rows.forEach((r, n) => {
      const final = n === rows.length - 1;
      lines.push(
        [
          `HD-${String(10_001 + i)}`,
          n + 1,
          new Date(Math.floor(r.at / 60_000) * 60_000).toISOString(),
          r.team,
          r.owner,
          r.slaMet,
          final && reopened ? 1 : 0,
          final ? 'solved' : 'open',
          final && rated ? (bad ? 'bad' : 'good') : '',
        ].join(','),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
