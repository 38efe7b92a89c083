/** Static parts of the HTML audit report: its style sheet and the definitions of its figures. */

export const STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bar:#8fb3de;--part:#1f4e8c}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:1.8rem;margin:0 0 4px}h2{font-size:1.25rem;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.meta{color:var(--muted);margin:0}
.findings li{margin:6px 0}
table{border-collapse:collapse;width:100%;margin:12px 0 20px;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0 16px}
svg .bar{fill:var(--bar)}svg .part{fill:var(--part)}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}svg .value{fill:var(--muted)}
dt{font-weight:600;margin-top:8px}dd{margin:0 0 0 16px}
@media print{
  body{font-size:10pt}main{max-width:none;padding:0}
  section{break-inside:avoid-page}table,svg{break-inside:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;

const TERMS: [string, string][] = [
  ['cases', 'distinct case numbers in the export.'],
  ['events', 'rows (updates) read for those cases.'],
  [
    'handoff',
    "a change of a case's team (assignment group) from one known team to another, taking the case's rows in order; rows whose team is unknown are skipped, the next known team is compared with the last known one.",
  ],
  ['cases with a handoff', 'cases with at least one handoff.'],
  ['ping-pong case', 'a case in which some handoff goes back to a team that had held the case before.'],
  [
    'ownerless handoff',
    "a handoff after which nobody is named as owner on any row from the handoff's own row up to the next handoff (or to the case's last row).",
  ],
  ['SLA missed', "the case's last row says the SLA was not met."],
  ['reopened', 'some row of the case says it was reopened.'],
  [
    'time to pick up',
    "from the handoff's row to the first row of its leg with a named owner (0 when the handoff itself names one); ownerless handoffs and rows without a time are left out.",
  ],
  ['hours held', 'the time between consecutive timed rows, counted to the team holding the case.'],
  [
    'SLA misses (last team)',
    'SLA-missed cases counted to the team that held the case on its last known row.',
  ],
  ['resolution time', "from the case's opening to its last resolution time, for cases that have both."],
];

export const DEFINITIONS = `<dl>${TERMS.map(([term, text]) => `<dt>${term}</dt><dd>${text}</dd>`).join('')}</dl>`;
