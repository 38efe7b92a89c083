/** Inline SVG charts for the weekly review: data in, accessible markup out, no external assets. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function frame(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" ` +
    `aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${body}</svg>`
  );
}

const LABEL = 230;
const PLOT = 400;
const ROW = 34;

export type PairedRow = { label: string; a: number; b: number; aText?: string; bText?: string };

/**
 * Two bars a row (for example this week and the week before), the first dark, the second light,
 * each with its value written beside it so that colour never carries the meaning alone.
 */
export function pairedBars(
  id: string,
  title: string,
  desc: string,
  rows: PairedRow[],
  legend: [string, string],
): string {
  const top = 26;
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const scale = (v: number) => ((v / max) * PLOT).toFixed(1);
  const body = rows.map((r, i) => {
    const y = top + i * ROW;
    return (
      `<text x="${LABEL - 8}" y="${y + 19}" text-anchor="end" class="label">${escapeHtml(r.label)}</text>` +
      `<rect x="${LABEL}" y="${y + 2}" width="${scale(r.a)}" height="13" class="a"/>` +
      `<text x="${LABEL + Number(scale(r.a)) + 4}" y="${y + 13}" class="value">${escapeHtml(r.aText ?? String(r.a))}</text>` +
      `<rect x="${LABEL}" y="${y + 16}" width="${scale(r.b)}" height="13" class="b"/>` +
      `<text x="${LABEL + Number(scale(r.b)) + 4}" y="${y + 27}" class="value">${escapeHtml(r.bText ?? String(r.b))}</text>`
    );
  });
  const key =
    `<rect x="${LABEL}" y="4" width="12" height="12" class="a"/><text x="${LABEL + 16}" y="14" class="label">${escapeHtml(legend[0])}</text>` +
    `<rect x="${LABEL + 130}" y="4" width="12" height="12" class="b"/><text x="${LABEL + 146}" y="14" class="label">${escapeHtml(legend[1])}</text>`;
  return frame(id, title, desc, LABEL + PLOT + 90, top + rows.length * ROW + 6, key + body.join(''));
}

export type RangeRow = { label: string; p50: number; p90: number; target: number; text: string };

/**
 * Per row a bar to the p50, a lighter bar on to the p90, and a tick at the target: where the p90 bar
 * runs past the tick, more than one clock in ten missed.
 */
export function targetRanges(id: string, title: string, desc: string, rows: RangeRow[]): string {
  const top = 26;
  const max = Math.max(1, ...rows.flatMap((r) => [r.p90, r.target])) * 1.05;
  const x = (v: number) => LABEL + (v / max) * PLOT;
  const body = rows.map((r, i) => {
    const y = top + i * ROW;
    const t = x(r.target).toFixed(1);
    return (
      `<text x="${LABEL - 8}" y="${y + 17}" text-anchor="end" class="label">${escapeHtml(r.label)}</text>` +
      `<rect x="${LABEL}" y="${y + 6}" width="${(x(r.p90) - LABEL).toFixed(1)}" height="16" class="b"/>` +
      `<rect x="${LABEL}" y="${y + 6}" width="${(x(r.p50) - LABEL).toFixed(1)}" height="16" class="a"/>` +
      `<line x1="${t}" x2="${t}" y1="${y + 1}" y2="${y + 27}" class="target"/>` +
      `<text x="${(Math.max(x(r.p90), x(r.target)) + 6).toFixed(1)}" y="${y + 18}" class="value">${escapeHtml(r.text)}</text>`
    );
  });
  const key =
    `<rect x="${LABEL}" y="4" width="12" height="12" class="a"/><text x="${LABEL + 16}" y="14" class="label">p50</text>` +
    `<rect x="${LABEL + 60}" y="4" width="12" height="12" class="b"/><text x="${LABEL + 76}" y="14" class="label">p90</text>` +
    `<line x1="${LABEL + 126}" x2="${LABEL + 126}" y1="3" y2="17" class="target"/><text x="${LABEL + 132}" y="14" class="label">target</text>`;
  return frame(id, title, desc, LABEL + PLOT + 150, top + rows.length * ROW + 6, key + body.join(''));
}
