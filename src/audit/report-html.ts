import { type Bar, columns, escapeHtml as e, horizontalBars, pairedRates } from './charts.ts';
import type { AuditReport } from './report.ts';
import { DEFINITIONS, STYLE } from './report-style.ts';
import { count, percent } from './stats.ts';

const num = (value: number | null) => (value === null ? 'n/a' : count(value));
const rateCell = (value: number | null) => percent(value);

function table(
  caption: string,
  head: string[],
  rows: (string | number | null)[][],
  numeric: boolean[],
): string {
  const th = head.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${e(typeof c === 'number' ? num(c) : String(c ?? 'n/a'))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><caption>${e(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${e(title)}</h2>${body}</section>`;
}

function hopBars(report: AuditReport): Bar[] {
  const bars: Bar[] = [];
  let tail = 0;
  for (const h of report.hopsPerCase) {
    if (h.handoffs < 6) bars.push({ label: String(h.handoffs), value: h.cases });
    else tail += h.cases;
  }
  if (tail > 0) bars.push({ label: '6+', value: tail });
  return bars;
}

/** The audit as one self-contained HTML page: inline CSS and SVG, no scripts, printable. */
export function renderAuditHtml(report: AuditReport): string {
  const s = report.summary;
  const { withHandoff: w, withoutHandoff: wo } = report.comparison;
  const source = report.input.file ? `${report.input.file}, ` : '';
  const figures = table(
    'Contract figures and rates',
    ['figure', 'value', 'share'],
    [
      ['cases', num(s.cases), ''],
      ['events (rows)', num(s.events), ''],
      ['handoffs', num(s.handoffs), ''],
      ['cases with a handoff', num(s.casesWithHandoff), rateCell(s.handoffRate)],
      ['ping-pong cases', num(s.pingPongCases), `${rateCell(s.pingPongRate)} of handed-off cases`],
      ['ownerless handoffs', num(s.ownerlessHandoffs), `${rateCell(s.ownerlessRate)} of handoffs`],
      ['cases that missed the SLA', num(s.slaMissedCases), rateCell(s.slaMissRate)],
      ['reopened cases', num(s.reopenedCases), rateCell(s.reopenRate)],
    ],
    [false, true, true],
  );
  const findings = `<ul class="findings">${report.findings.map((f) => `<li>${e(f.text)}</li>`).join('')}</ul>`;
  const top = report.teamPairs.slice(0, 15);
  const pairChart =
    top.length === 0
      ? '<p>No handoffs between known teams in this export.</p>'
      : horizontalBars(
          'pairs',
          'Handoffs per team pair',
          `The ${top.length} busiest routes between teams, by number of handoffs; the dark share returned the case to a team that had held it before. ${top.map((p) => `${p.from} to ${p.to}: ${p.handoffs}`).join('; ')}.`,
          top.map((p) => ({ label: `${p.from} → ${p.to}`, value: p.handoffs, part: p.pingPong })),
          'back to an earlier team',
        );
  const hops = hopBars(report);
  const hopChart = columns(
    'hops',
    'Handoffs per case',
    `How many cases had 0, 1, 2 ... handoffs: ${hops.map((b) => `${b.label}: ${b.value}`).join('; ')}.`,
    hops,
    'handoffs in the case',
  );
  const groups = [
    { label: 'SLA missed', a: w.slaMissed.rate, b: wo.slaMissed.rate },
    { label: 'reopened', a: w.reopened.rate, b: wo.reopened.rate },
  ];
  if (w.badSatisfaction.of + wo.badSatisfaction.of > 0) {
    groups.push({ label: 'rated bad', a: w.badSatisfaction.rate, b: wo.badSatisfaction.rate });
  }
  const outcomeChart = pairedRates(
    'outcomes',
    'Outcomes with and without a handoff',
    `Share of cases with at least one handoff (${w.cases}) and without (${wo.cases}): ${groups.map((g) => `${g.label} ${percent(g.a)} against ${percent(g.b)}`).join('; ')}.`,
    groups,
    ['with a handoff', 'without a handoff'],
  );
  const pairs = table(
    'Handoffs per team pair (from → to), busiest first',
    ['from', 'to', 'handoffs', 'back to an earlier team', 'ownerless', 'median pick-up (min)'],
    report.teamPairs
      .slice(0, 40)
      .map((p) => [p.from, p.to, p.handoffs, p.pingPong, p.ownerless, p.medianPickupMinutes]),
    [false, false, true, true, true, true],
  );
  const teams = table(
    'Teams: handoffs received, ownership and SLA misses',
    [
      'team',
      'cases',
      'handoffs in',
      'handoffs out',
      'ownerless in',
      'ownerless rate',
      'SLA misses (last team)',
      'hours held',
    ],
    report.teams
      .slice(0, 40)
      .map((t) => [
        t.team,
        t.cases,
        t.handoffsIn,
        t.handoffsOut,
        t.ownerlessIn,
        rateCell(t.ownerlessRate),
        t.slaMissedCases,
        t.hoursHeld,
      ]),
    [false, true, true, true, true, true, true, true],
  );
  const loops = table(
    'Ping-pong loops: pairs of teams that sent cases back and forth',
    ['teams', 'returns', 'cases'],
    report.topPingPongPairs.map((l) => [`${l.teams[0]} ↔ ${l.teams[1]}`, l.returns, l.cases]),
    [false, true, true],
  );
  const extra = `<p>Time to pick up: ${num(s.pickupsMeasured)} handoffs measured, median ${num(s.medianPickupMinutes)} min, 90th percentile ${num(s.p90PickupMinutes)} min, ${num(s.pickupsOver48h)} over 48 hours. Median resolution: ${num(w.medianResolutionHours)} h with a handoff, ${num(wo.medianResolutionHours)} h without.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handoff audit</title><style>${STYLE}</style></head>
<body><main>
<header><h1>Handoff audit</h1><p class="meta">${e(source)}${e(report.input.format)} export: ${num(s.cases)} cases, ${num(s.events)} events, ${num(s.teams)} teams.</p></header>
${section('findings', 'What the audit found', findings)}
${section('figures', 'The figures', figures)}
${section('routes', 'Where cases move', pairChart + loops)}
${section('hops', 'How many handoffs a case takes', hopChart)}
${section('outcomes', 'Handoffs and outcomes', outcomeChart + extra)}
${section('tables', 'Team pairs and teams', pairs + teams)}
${section('definitions', 'How each figure is counted', DEFINITIONS)}
</main></body></html>
`;
}
