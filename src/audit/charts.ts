/** Inline SVG charts for the audit report: pure, data in, markup out, no external assets. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type Bar = { label: string; value: number; part?: number; text?: string };

function frame(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  const t = escapeHtml(title);
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" ` +
    `aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${t}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${body}</svg>`
  );
}

/**
 * Horizontal bars, one a row, longest first as given; `part` draws a darker share of the bar (for
 * example the ping-pong returns among a pair's handoffs).
 */
export function horizontalBars(
  id: string,
  title: string,
  desc: string,
  bars: Bar[],
  partLabel?: string,
): string {
  const labelWidth = 260;
  const barWidth = 380;
  const row = 22;
  const top = partLabel ? 26 : 6;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const y = top + i * row;
    const w = (b.value / max) * barWidth;
    const part = b.part ? (b.part / max) * barWidth : 0;
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" class="label">${escapeHtml(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 6}" class="bar"/>` +
      (part > 0
        ? `<rect x="${labelWidth}" y="${y + 3}" width="${part.toFixed(1)}" height="${row - 6}" class="part"/>`
        : '') +
      `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 15}" class="value">${escapeHtml(b.text ?? String(b.value))}</text>`
    );
  });
  const legend = partLabel
    ? `<rect x="${labelWidth}" y="4" width="12" height="12" class="bar"/><text x="${labelWidth + 16}" y="14" class="label">all</text>` +
      `<rect x="${labelWidth + 50}" y="4" width="12" height="12" class="part"/>` +
      `<text x="${labelWidth + 66}" y="14" class="label">${escapeHtml(partLabel)}</text>`
    : '';
  const height = top + bars.length * row + 6;
  return frame(id, title, desc, labelWidth + barWidth + 70, height, legend + rows.join(''));
}

/** Vertical columns with a label under each (a histogram when the labels are ordered buckets). */
export function columns(id: string, title: string, desc: string, bars: Bar[], axisLabel: string): string {
  const col = Math.max(28, Math.min(64, Math.floor(600 / Math.max(1, bars.length))));
  const plot = 180;
  const top = 18;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const body = bars.map((b, i) => {
    const x = 10 + i * col;
    const h = (b.value / max) * plot;
    const y = top + plot - h;
    return (
      `<rect x="${x + 4}" y="${y.toFixed(1)}" width="${col - 8}" height="${h.toFixed(1)}" class="bar"/>` +
      `<text x="${x + col / 2}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="value">${escapeHtml(b.text ?? String(b.value))}</text>` +
      `<text x="${x + col / 2}" y="${top + plot + 16}" text-anchor="middle" class="label">${escapeHtml(b.label)}</text>`
    );
  });
  const width = 20 + bars.length * col;
  const axis = `<text x="${width / 2}" y="${top + plot + 36}" text-anchor="middle" class="label">${escapeHtml(axisLabel)}</text>`;
  return frame(id, title, desc, Math.max(width, 200), top + plot + 44, body.join('') + axis);
}

/** Side-by-side rates (0..1) for groups of two: one group a measure, one bar a cohort. */
export function pairedRates(
  id: string,
  title: string,
  desc: string,
  groups: { label: string; a: number | null; b: number | null }[],
  names: [string, string],
): string {
  const plot = 160;
  const top = 30;
  const group = 170;
  const max = Math.max(0.01, ...groups.flatMap((g) => [g.a ?? 0, g.b ?? 0]));
  const bar = (x: number, value: number | null, cls: string) => {
    const h = ((value ?? 0) / max) * plot;
    const y = top + plot - h;
    const text = value === null ? 'n/a' : `${Math.round(value * 1000) / 10}%`;
    return (
      `<rect x="${x}" y="${y.toFixed(1)}" width="56" height="${h.toFixed(1)}" class="${cls}"/>` +
      `<text x="${x + 28}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="value">${text}</text>`
    );
  };
  const body = groups.map((g, i) => {
    const x = 20 + i * group;
    return (
      bar(x, g.a, 'part') +
      bar(x + 64, g.b, 'bar') +
      `<text x="${x + 60}" y="${top + plot + 18}" text-anchor="middle" class="label">${escapeHtml(g.label)}</text>`
    );
  });
  const legend =
    `<rect x="20" y="4" width="12" height="12" class="part"/><text x="36" y="14" class="label">${escapeHtml(names[0])}</text>` +
    `<rect x="200" y="4" width="12" height="12" class="bar"/><text x="216" y="14" class="label">${escapeHtml(names[1])}</text>`;
  return frame(id, title, desc, 40 + groups.length * group, top + plot + 28, legend + body.join(''));
}
