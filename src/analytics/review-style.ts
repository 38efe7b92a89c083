/** The weekly review page's style sheet and value formats. */

export const STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4d5660;--line:#d0d7de;--a:#1f4e8c;--b:#9cbbe0;--bad:#a4262c;--good:#1a6b32}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:1.8rem;margin:0 0 4px}h2{font-size:1.25rem;margin:32px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:1.05rem;margin:18px 0 6px}
.meta{color:var(--muted);margin:0}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
table{border-collapse:collapse;width:100%;margin:10px 0 18px;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.better{color:var(--good)}.worse{color:var(--bad)}
.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 5px;margin:1px 2px;font-size:.85rem}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0 16px}
svg .a{fill:var(--a)}svg .b{fill:var(--b)}svg .target{stroke:var(--bad);stroke-width:3}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}svg .value{fill:var(--muted)}
.empty{color:var(--muted);font-style:italic}
@media print{body{font-size:10pt}main{max-width:none;padding:0}section{break-inside:avoid-page}}`;

/** A share for people: `38%`, `0.4%`, `n/a`. */
export function percent(rate: number | null): string {
  if (rate === null) return 'n/a';
  const pct = rate * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : Math.round(pct * 10) / 10}%`;
}

/** A duration for people: `35 min`, `5.2 h`, `3.1 days`. */
export function duration(ms: number | null): string {
  if (ms === null) return 'n/a';
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

export { SIGNALS } from './signal-words.ts';

export const FITS: Record<string, string> = {
  over: 'p90 over target',
  under: 'p90 within half the target',
  fits: 'fits',
  'no data': 'no finished clocks',
};
