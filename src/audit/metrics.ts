import type { CaseResult, CohortStats, Handoff, TeamPairRow, TeamRow } from './audit.types.ts';
import { HOUR, MINUTE, quantileIn, rate, ratio, round } from './stats.ts';

type Pair = {
  from: string;
  to: string;
  handoffs: number;
  pingPong: number;
  ownerless: number;
  waits: number[];
};
type Team = Omit<TeamRow, 'ownerlessRate' | 'medianPickupMinutes' | 'hoursHeld'> & {
  waits: number[];
  heldMs: number;
};
type Cohort = {
  cases: number;
  sla: number;
  reopened: number;
  rated: number;
  bad: number;
  resolutions: number[];
};

const cohort = (): Cohort => ({ cases: 0, sla: 0, reopened: 0, rated: 0, bad: 0, resolutions: [] });
const PAIR = '\u0000';

/** Adds up case results into the audit's summary and tables. Pure: no I/O, no clock. */
export class AuditMetrics {
  cases = 0;
  events = 0;
  handoffs = 0;
  casesWithHandoff = 0;
  pingPongCases = 0;
  pingPongHandoffs = 0;
  ownerlessHandoffs = 0;
  slaMissedCases = 0;
  slaKnownCases = 0;
  reopenedCases = 0;
  maxHandoffs = 0;
  readonly waits: number[] = [];
  readonly hops = new Map<number, number>();
  /** Routes by sending team, then receiving team (nested maps: no key string built per handoff). */
  readonly pairs = new Map<string, Map<string, Pair>>();
  readonly teams = new Map<string, Team>();
  readonly loops = new Map<string, { teams: [string, string]; returns: number; cases: number }>();
  readonly withHandoff = cohort();
  readonly withoutHandoff = cohort();

  add(result: CaseResult): void {
    const n = result.handoffs.length;
    this.cases++;
    this.events += result.events;
    this.handoffs += n;
    if (n > 0) this.casesWithHandoff++;
    if (n > this.maxHandoffs) this.maxHandoffs = n;
    if (result.slaMissed) this.slaMissedCases++;
    if (result.slaKnown) this.slaKnownCases++;
    if (result.reopened) this.reopenedCases++;
    this.hops.set(n, (this.hops.get(n) ?? 0) + 1);
    const c = n > 0 ? this.withHandoff : this.withoutHandoff;
    c.cases++;
    if (result.slaMissed) c.sla++;
    if (result.reopened) c.reopened++;
    if (result.satisfaction !== null) c.rated++;
    if (result.satisfaction === 'bad') c.bad++;
    if (!Number.isNaN(result.resolutionMs)) c.resolutions.push(result.resolutionMs);
    for (const group of result.groups) this.team(group).cases++;
    if (result.slaMissed && result.lastGroup !== null) this.team(result.lastGroup).slaMissedCases++;
    for (const [group, ms] of result.held) this.team(group).heldMs += ms;
    const loops = new Set<string>();
    for (const handoff of result.handoffs) this.addHandoff(handoff, loops);
    if (loops.size > 0) this.pingPongCases++;
    for (const key of loops) this.loops.get(key)!.cases++;
  }

  private addHandoff(h: Handoff, loops: Set<string>): void {
    let from = this.pairs.get(h.from);
    if (from === undefined) {
      from = new Map();
      this.pairs.set(h.from, from);
    }
    let pair = from.get(h.to);
    if (pair === undefined) {
      pair = { from: h.from, to: h.to, handoffs: 0, pingPong: 0, ownerless: 0, waits: [] };
      from.set(h.to, pair);
    }
    const to = this.team(h.to);
    pair.handoffs++;
    to.handoffsIn++;
    this.team(h.from).handoffsOut++;
    if (h.ownerless) {
      this.ownerlessHandoffs++;
      pair.ownerless++;
      to.ownerlessIn++;
    }
    if (!Number.isNaN(h.pickupMs)) {
      pair.waits.push(h.pickupMs);
      to.waits.push(h.pickupMs);
      this.waits.push(h.pickupMs);
    }
    if (!h.pingPong) return;
    this.pingPongHandoffs++;
    pair.pingPong++;
    to.pingPongIn++;
    const teams: [string, string] = h.from < h.to ? [h.from, h.to] : [h.to, h.from];
    const loopKey = teams.join(PAIR);
    const loop = this.loops.get(loopKey) ?? { teams, returns: 0, cases: 0 };
    loop.returns++;
    this.loops.set(loopKey, loop);
    loops.add(loopKey);
  }

  private team(name: string): Team {
    let team = this.teams.get(name);
    if (team === undefined) {
      const counts = {
        cases: 0,
        handoffsIn: 0,
        handoffsOut: 0,
        ownerlessIn: 0,
        pingPongIn: 0,
        slaMissedCases: 0,
      };
      team = { team: name, ...counts, waits: [], heldMs: 0 };
      this.teams.set(name, team);
    }
    return team;
  }

  teamPairs(): TeamPairRow[] {
    return [...this.pairs.values()]
      .flatMap((to) => [...to.values()])
      .map(({ waits, ...pair }) => ({ ...pair, medianPickupMinutes: quantileIn(waits, 0.5, MINUTE) }))
      .sort((a, b) => b.handoffs - a.handoffs || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  }

  teamRows(): TeamRow[] {
    return [...this.teams.values()]
      .map(({ waits, heldMs, ...team }) => ({
        ...team,
        ownerlessRate: ratio(team.ownerlessIn, team.handoffsIn),
        medianPickupMinutes: quantileIn(waits, 0.5, MINUTE),
        hoursHeld: round(heldMs / HOUR, 1),
      }))
      .sort((a, b) => b.handoffsIn - a.handoffsIn || b.cases - a.cases || a.team.localeCompare(b.team));
  }

  cohort(which: 'with' | 'without'): CohortStats {
    const c = which === 'with' ? this.withHandoff : this.withoutHandoff;
    return {
      cases: c.cases,
      slaMissed: rate(c.sla, c.cases),
      reopened: rate(c.reopened, c.cases),
      badSatisfaction: rate(c.bad, c.rated),
      medianResolutionHours: quantileIn(c.resolutions, 0.5, HOUR),
    };
  }
}
