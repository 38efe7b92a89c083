import { rateFigures } from './headline-figures.ts';
import type { WeeklyReview } from './review.ts';
import { escapeHtml as e, pairedBars, targetRanges } from './review-charts.ts';
import { duration, FITS, percent, SIGNALS, STYLE } from './review-style.ts';
import { satisfactionSignalLabels, signedGap } from './satisfaction-labels.ts';

type Headline = WeeklyReview['headline'][number];

const TIMES = new Set(['pickupP50', 'resolutionP50']);

function value(figure: string, v: number | null): string {
  if (v === null) return 'n/a';
  if (rateFigures.has(figure)) return percent(v);
  if (TIMES.has(figure)) return duration(v);
  return String(Math.round(v * 100) / 100);
}

function change(h: Headline): string {
  if (h.thisWeek === null || h.previousWeek === null || h.thisWeek === h.previousWeek) return '—';
  const up = h.thisWeek > h.previousWeek;
  const word = up ? 'up' : 'down';
  if (h.better === null) return word;
  const good = up === (h.better === 'higher');
  return `<span class="${good ? 'better' : 'worse'}">${word} (${good ? 'better' : 'worse'})</span>`;
}

const table = (caption: string, head: string[], rows: string[][], numeric: number[] = []) =>
  rows.length === 0
    ? `<p class="empty">${e(caption)}: none this week.</p>`
    : `<table><caption>${e(caption)}</caption><thead><tr>${head
        .map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="n"' : ''}>${e(h)}</th>`)
        .join('')}</tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;

function headline(r: WeeklyReview): string {
  return table(
    `This week (${r.week.id}) against the week before (${r.week.previous})`,
    ['Figure', 'This week', 'Week before', 'Change'],
    r.headline.map((h) => [
      e(h.label),
      value(h.figure, h.thisWeek),
      value(h.figure, h.previousWeek),
      change(h),
    ]),
    [1, 2],
  );
}

function calibration(r: WeeklyReview): string {
  const rows = r.slaCalibration;
  const measured = rows.filter((x) => x.p90Ms !== null);
  const chart = measured.length
    ? targetRanges(
        'cal',
        'SLA calibration: actual business time against each target',
        `For each scenario clock, the median and 90th percentile of business time to stop, and the target. ${measured
          .map(
            (x) =>
              `${x.scenario} ${x.clock}: p50 ${duration(x.p50Ms)}, p90 ${duration(x.p90Ms)}, target ${x.target}`,
          )
          .join('; ')}.`,
        measured.map((x) => ({
          label: `${x.scenario} · ${x.clock}`,
          p50: x.p50Ms!,
          p90: x.p90Ms!,
          target: x.budgetMs,
          text: `p90 ${duration(x.p90Ms)} / ${x.target}`,
        })),
      )
    : '';
  return (
    chart +
    table(
      'SLA calibration',
      [
        'Scenario',
        'Clock',
        'Target',
        'Finished',
        'Open',
        'Met (of decided)',
        'p50',
        'p90',
        'Fit',
        'Suggested target',
      ],
      rows.map((x) => [
        e(x.scenario),
        e(x.clock),
        e(x.target),
        String(x.finished),
        String(x.open),
        // Decided: met or breached, a breached clock still running included (its time unknown yet).
        x.attainment.of === 0
          ? '—'
          : `${percent(x.attainment.rate)} (${x.attainment.count} of ${x.attainment.of})`,
        duration(x.p50Ms),
        duration(x.p90Ms),
        e(FITS[x.fit] ?? x.fit),
        e(x.suggestedTarget ?? '—'),
      ]),
      [3, 4, 5, 6, 7],
    )
  );
}

/**
 * What the customers who rated said of the week: CSAT with and without each thing a handoff went
 * through, and the weakest handoff of the journeys they judged, satisfied against not.
 */
function customers(r: WeeklyReview): string {
  const m = r.metrics;
  if (m.satisfaction.of === 0) return '<p class="empty">No customer rated a case opened this week.</p>';
  const j = m.satisfactionBy.journey;
  const journey =
    j.gap === null
      ? '<p class="empty">The weakest-handoff reading needs rated cases on both sides, each handed off before the rating.</p>'
      : `<p>The journeys the customers judged, by their weakest handoff before the rating: <strong>${j.satisfied.weakestQuality}</strong> of 100 on average for the ${j.satisfied.cases} satisfied, <strong>${j.notSatisfied.weakestQuality}</strong> for the ${j.notSatisfied.cases} not satisfied (${signedGap(j.gap, 'points')}).</p>`;
  const compared = m.satisfactionBy.signal.filter((s) => s.gap !== null);
  const chart = compared.length
    ? pairedBars(
        'csat',
        'CSAT with and without each, in percent',
        compared
          .map(
            (s) =>
              `${satisfactionSignalLabels[s.signal] ?? s.signal}: ${percent(s.with.rate)} with, ${percent(s.without.rate)} without`,
          )
          .join('; '),
        compared.map((s) => ({
          label: satisfactionSignalLabels[s.signal] ?? s.signal,
          a: Math.round((s.with.rate ?? 0) * 100),
          b: Math.round((s.without.rate ?? 0) * 100),
          aText: percent(s.with.rate),
          bText: percent(s.without.rate),
        })),
        ['with it', 'without it'],
      )
    : '';
  return `<p>CSAT ${percent(m.satisfaction.rate)}: ${m.satisfaction.count} of ${m.satisfaction.of} rated cases satisfied.</p>${journey}${chart}${table(
    'What handoffs cost in satisfaction',
    ['The case', 'CSAT with it', 'CSAT without it', 'Gap'],
    m.satisfactionBy.signal.map((s) => [
      e(satisfactionSignalLabels[s.signal] ?? s.signal),
      `${percent(s.with.rate)} of ${s.with.of}`,
      `${percent(s.without.rate)} of ${s.without.of}`,
      signedGap(s.gap, 'pts'),
    ]),
    [1, 2, 3],
  )}`;
}

function issues(r: WeeklyReview): string {
  const p = r.issuePatterns;
  const chart = p.types.length
    ? pairedBars(
        'types',
        'Cases per issue type, this week and the week before',
        p.types
          .map((t) => `${t.issueType}: ${t.thisWeek} this week, ${t.previousWeek} the week before`)
          .join('; '),
        p.types.slice(0, 15).map((t) => ({ label: t.issueType, a: t.thisWeek, b: t.previousWeek })),
        ['this week', 'week before'],
      )
    : '';
  const rising = p.rising.length
    ? `<p>Rising: ${p.rising.map((t) => `<strong>${e(t.issueType)}</strong> (${t.previousWeek} → ${t.thisWeek})`).join(', ')}.</p>`
    : '<p class="empty">No issue type is rising.</p>';
  const clusters = table(
    `Cases without an issue type (${p.untagged.count}), grouped by shared words in their subjects`,
    ['Shared words', 'Cases', 'Subjects'],
    [
      ...p.untagged.clusters.map((c) => [
        c.keywords.map((k) => `<span class="tag">${e(k)}</span>`).join(''),
        String(c.cases.length),
        c.cases.map((x) => e(x.subject)).join('<br>'),
      ]),
      ...(p.untagged.unclustered.length
        ? [
            [
              '(no shared words)',
              String(p.untagged.unclustered.length),
              p.untagged.unclustered.map((x) => e(x.subject)).join('<br>'),
            ],
          ]
        : []),
    ],
    [1],
  );
  return chart + rising + clusters;
}

function vocabulary(r: WeeklyReview): string {
  const v = r.vocabulary;
  const items = [
    `<li>${percent(v.untagged.rate)} of the week's cases have no issue type (${v.untagged.count} of ${v.untagged.of}; the week before ${percent(v.previousWeekUntagged.rate)}).</li>`,
    v.unknownTerms.length
      ? `<li>Terms no scenario knows: ${v.unknownTerms.map((t) => `<span class="tag">${e(t.term)}</span> (${t.cases})`).join(', ')}.</li>`
      : '',
    v.variants.length
      ? `<li>Spellings of one term: ${v.variants.map((g) => g.map((t) => `<span class="tag">${e(t)}</span>`).join(' = ')).join('; ')}.</li>`
      : '',
  ];
  return `<ul>${items.join('')}</ul>`;
}

function templates(r: WeeklyReview): string {
  return table(
    'Packet templates not reviewed for over 180 days',
    ['Scenario', 'Template version', 'Last reviewed', 'Age (days)'],
    r.staleTemplates.map((t) => [
      e(t.scenario),
      String(t.templateVersion),
      e(t.lastReviewed),
      String(t.ageDays),
    ]),
    [1, 3],
  );
}

function pairs(r: WeeklyReview): string {
  return table(
    'Team pairs that pass work back and forth',
    ['Teams', 'Handoffs →', 'Handoffs ←', 'Bounces', 'Back to a team that had it', 'Cases'],
    r.bouncingPairs.map((p) => [
      `${e(p.teams[0])} ⇄ ${e(p.teams[1])}`,
      `${p.forth} <span class="meta">(${e(p.teams[0])} → ${e(p.teams[1])})</span>`,
      `${p.back} <span class="meta">(${e(p.teams[1])} → ${e(p.teams[0])})</span>`,
      String(p.bounces),
      String(p.pingPongs),
      String(p.cases),
    ]),
    [1, 2, 3, 4, 5],
  );
}

function notable(r: WeeklyReview): string {
  return table(
    'Cases to discuss',
    ['Case', 'Subject', 'Teams', 'Signals'],
    r.notableCases.map((c) => [
      `<code>${e(c.caseId)}</code>`,
      e(c.subject),
      e(c.teams.join(', ')),
      c.signals.map((s) => `<span class="tag">${e(SIGNALS[s] ?? s)}</span>`).join(''),
    ]),
  );
}

/** The weekly review as one self-contained, printable, accessible HTML page. */
export function renderReviewHtml(r: WeeklyReview, organisation?: string): string {
  const title = `Weekly handoff review ${r.week.id}`;
  const sections: [string, string, string][] = [
    ['numbers', 'The week in numbers', headline(r)],
    ['sla', 'SLA calibration', calibration(r)],
    ['issues', 'Issue patterns', issues(r)],
    ['vocabulary', 'Vocabulary health', vocabulary(r)],
    ['templates', 'Stale packet templates', templates(r)],
    ['pairs', 'Teams that bounce work', pairs(r)],
    ['customers', 'What customers said', customers(r)],
    ['notable', 'Notable cases', notable(r)],
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to the review</a><main id="main">
<header><h1>${e(title)}</h1>
<p class="meta">${organisation ? `${e(organisation)} · ` : ''}${e(r.week.firstDay)} to ${e(r.week.lastDay)} (${e(r.week.timezone)})</p></header>
<nav aria-label="Sections"><ul>${sections.map(([id, h]) => `<li><a href="#${id}">${e(h)}</a></li>`).join('')}</ul></nav>
${sections.map(([id, h, body]) => `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(h)}</h2>${body}</section>`).join('\n')}
<footer><p class="meta">Every figure is defined in docs/analytics.md. Cases count in the week they were opened, handoffs in the week they were sent.</p></footer>
</main></body></html>
`;
}
