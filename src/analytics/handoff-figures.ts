import type { HandoffView } from './derive.ts';
import { groupBy } from './facts.ts';
import { mean, type Rate, rate, round, type Spread, spread } from './stats.ts';

/** Figures over sent handoffs. Each takes the handoffs already selected for the period and filters. */

type Times = { count: number; calendar: Spread; business: Spread };

function times(calendar: number[], business: number[]): Times {
  return { count: calendar.length, calendar: spread(calendar), business: spread(business) };
}

const byCountThenName = <
  T extends { count?: number; handoffs?: number; of?: number; route?: string; team?: string },
>(
  a: T,
  b: T,
) =>
  (b.count ?? b.handoffs ?? b.of ?? 0) - (a.count ?? a.handoffs ?? a.of ?? 0) ||
  String(a.route ?? a.team).localeCompare(String(b.route ?? b.team));

function routes(list: readonly HandoffView[]) {
  return [...groupBy(list, (v) => v.route.key)].map(([key, views]) => ({
    route: key,
    from: views[0]!.route.from,
    to: views[0]!.route.to,
    views,
  }));
}

/** Time from send to accept, per route (calendar and business time of the receiving side). */
export function pickupTimes(list: readonly HandoffView[]) {
  const accepted = list.filter((v) => v.pickupMs !== null);
  const of = (vs: readonly HandoffView[]) =>
    times(
      vs.map((v) => v.pickupMs!),
      vs.filter((v) => v.pickupBusinessMs !== null).map((v) => v.pickupBusinessMs!),
    );
  return {
    overall: of(accepted),
    byRoute: routes(accepted)
      .map((r) => ({ route: r.route, from: r.from, to: r.to, ...of(r.views) }))
      .sort(byCountThenName),
  };
}

/** Bounces and ping-pong per team pair (the route), with the bounce reasons. */
export function teamPairs(list: readonly HandoffView[]) {
  return {
    bounce: rate(list.filter((v) => v.bounced).length, list.length),
    pingPong: rate(list.filter((v) => v.pingPong).length, list.length),
    byPair: routes(list)
      .map((r) => {
        const bounced = r.views.filter((v) => v.bounced);
        const reasons: Record<string, number> = {};
        for (const v of bounced) reasons[v.h.bounceReason!] = (reasons[v.h.bounceReason!] ?? 0) + 1;
        const pingPong = r.views.filter((v) => v.pingPong).length;
        return {
          route: r.route,
          from: r.from,
          to: r.to,
          handoffs: r.views.length,
          bounced: bounced.length,
          bounceRate: rate(bounced.length, r.views.length).rate,
          bounceReasons: reasons,
          pingPong,
          pingPongRate: rate(pingPong, r.views.length).rate,
        };
      })
      .sort(byCountThenName),
  };
}

/** First handoffs of their chain whose packet was complete and not bounced for missing context. */
export function contextCompleteRate(list: readonly HandoffView[]): Rate {
  const starts = list.filter((v) => v.chainStart);
  return rate(starts.filter((v) => v.contextComplete).length, starts.length);
}

export function lostEscalations(list: readonly HandoffView[]): Rate {
  return rate(list.filter((v) => v.lost).length, list.length);
}

/** Handoffs after which the customer explained again, of those the customer wrote after. */
export function reExplanationRate(list: readonly HandoffView[]): Rate {
  const wrote = list.filter((v) => v.messagesAfter > 0);
  return rate(wrote.filter((v) => v.repeated).length, wrote.length);
}

/** Finished clocks (met or breached) that were met: overall, per route, per receiving team, per clock. */
export function slaAttainment(list: readonly HandoffView[]) {
  const clocks = list.flatMap((v) =>
    v.clocks
      .filter((c) => c.state === 'met' || c.state === 'breached')
      .map((c) => ({ route: v.route, team: v.route.to, name: c.name, met: c.state === 'met' })),
  );
  const of = (cs: typeof clocks) => rate(cs.filter((c) => c.met).length, cs.length);
  return {
    overall: of(clocks),
    byRoute: [...groupBy(clocks, (c) => c.route.key)]
      .map(([route, cs]) => ({ route, from: cs[0]!.route.from, to: cs[0]!.route.to, ...of(cs) }))
      .sort(byCountThenName),
    byTeam: [...groupBy(clocks, (c) => c.team)]
      .map(([team, cs]) => ({ team, ...of(cs) }))
      .sort(byCountThenName),
    byClock: [...groupBy(clocks, (c) => c.name)]
      .map(([clock, cs]) => ({ clock, ...of(cs) }))
      .sort((a, b) => a.clock.localeCompare(b.clock)),
  };
}

/** The mean automatic quality score (0-100) of the handoffs. */
export function averageQuality(list: readonly HandoffView[]) {
  const m = mean(list.map((v) => v.quality));
  return { count: list.length, mean: m === null ? null : round(m, 2) };
}
