/** The colours and the percent scale the analytics charts share. */

// The palette of styles.css (SVG presentation attributes do not read CSS variables).
export const ACCENT = '#3046c5';
export const SOFT = '#8fa0ec';
export const BAD = '#d9363e';
export const WARN = '#e7a325';
export const GOOD = '#19603a';
export const SLATE = '#5b6477';

/** An axis tick in percent. */
export const pct = (v: number) => `${Math.round(v)} %`;
/** A rate (0..1) as a bar's length in percent, one decimal; null draws no bar. */
export const toPct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** A bar's value beside it in percent. */
export const barLabel = (v: unknown) => (typeof v === 'number' ? `${v} %` : '');
/** A 0 % bar drawn as a sliver: otherwise nobody satisfied would look the same as nobody rated. */
export const sliver = (v: number | null | undefined) => (v === 0 ? 2 : 0);
