/**
 * PII redaction for everything that leaves the process: each piece of personal data becomes a
 * typed placeholder (`[EMAIL_1]`, `[PHONE_2]`), the same value always the same placeholder, and
 * the map back stays here so that an answer from outside can be re-personalised locally.
 */
import { detectors, type PiiKind, type PiiSpan } from './pii.ts';

export type { PiiKind } from './pii.ts';

/** A value known to be personal (the customer's name on file), redacted wherever it appears. */
export interface KnownValue {
  kind: PiiKind;
  value: string;
  /** Match the case exactly: for a name part such as "May" or "Will" that is also a word. */
  matchCase?: boolean;
}

export interface Redactor {
  /** The text with every piece of personal data replaced by its placeholder. */
  redact(text: string): string;
  /** The text with every known placeholder replaced by the original value. */
  restore(text: string): string;
  /** Placeholder -> original value, in the order they were given out. */
  readonly map: ReadonlyMap<string, string>;
}

const NUMERIC: ReadonlySet<PiiKind> = new Set(['CARD', 'IBAN', 'PHONE', 'IP', 'ACCOUNT', 'ID']);
const PLACEHOLDER_RE = /\[([A-Za-z]+)_(\d+)\]/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function knownSpans(text: string, known: readonly KnownValue[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const k of known) {
    const value = k.value.trim();
    if (value.length < 2) continue;
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRe(value)}(?![\\p{L}\\p{N}])`,
      k.matchCase ? 'gu' : 'giu',
    );
    for (const m of text.matchAll(re)) out.push({ kind: k.kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** All spans of personal data in `text`, without overlaps, in text order. */
export function findPii(text: string, known: readonly KnownValue[] = []): PiiSpan[] {
  const ranked = [knownSpans(text, known), ...detectors.map((d) => d(text))].flatMap((spans, rank) =>
    spans.map((s) => ({ ...s, rank })),
  );
  ranked.sort((a, b) => a.rank - b.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: PiiSpan[] = [];
  for (const s of ranked) {
    if (s.end <= s.start || taken.some((t) => s.start < t.end && t.start < s.end)) continue;
    taken.push({ kind: s.kind, start: s.start, end: s.end });
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** A redactor whose placeholders stay stable across all the texts it is given. */
export function createRedactor(options: { known?: readonly KnownValue[] } = {}): Redactor {
  const known = options.known ?? [];
  const map = new Map<string, string>();
  const byValue = new Map<string, string>();
  const counts = new Map<PiiKind, number>();
  const placeholderFor = (kind: PiiKind, value: string) => {
    const key = `${kind}:${NUMERIC.has(kind) ? value.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase() : value}`;
    let placeholder = byValue.get(key);
    if (!placeholder) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      placeholder = `[${kind}_${n}]`;
      byValue.set(key, placeholder);
      map.set(placeholder, value);
    }
    return placeholder;
  };
  return {
    map,
    redact(text) {
      let out = '';
      let at = 0;
      for (const s of findPii(text, known)) {
        out += text.slice(at, s.start) + placeholderFor(s.kind, text.slice(s.start, s.end));
        at = s.end;
      }
      return out + text.slice(at);
    },
    restore(text) {
      return text.replace(
        PLACEHOLDER_RE,
        (m, kind: string, n: string) => map.get(`[${kind.toUpperCase()}_${n}]`) ?? m,
      );
    },
  };
}

/** A person's name on file (whole, and each part of three letters or more, case kept) and email. */
export function personKnownValues(name?: string | null, email?: string | null): KnownValue[] {
  const out: KnownValue[] = [];
  const full = name?.trim() ?? '';
  if (full.length >= 2) out.push({ kind: 'NAME', value: full });
  for (const part of full.split(/\s+/)) {
    if (part.length >= 3 && part !== full) out.push({ kind: 'NAME', value: part, matchCase: true });
  }
  if (email?.trim()) out.push({ kind: 'EMAIL', value: email.trim() });
  return out;
}

/** Redacts one text: the redacted text and the map from placeholders back to the originals. */
export function redactText(text: string, known: readonly KnownValue[] = []) {
  const redactor = createRedactor({ known });
  return { text: redactor.redact(text), map: Object.fromEntries(redactor.map) as Record<string, string> };
}

/** Puts the originals back in place of the placeholders of `map`; unknown placeholders stay. */
export function restoreText(text: string, map: Readonly<Record<string, string>>): string {
  return text.replace(
    PLACEHOLDER_RE,
    (m, kind: string, n: string) => map[`[${kind.toUpperCase()}_${n}]`] ?? m,
  );
}
