/**
 * Postal addresses in free text: street addresses (a number and a street word), flat numbers,
 * UK postcodes and US ZIP codes. Ambiguous shapes need an address cue nearby.
 */
import type { PiiSpan } from './pii.ts';

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

const STREET_WORDS = 'street|road|avenue|lane|boulevard|highway|parkway|terrace|crescent|gardens|mews';
/** Street words that are also ordinary words or abbreviations: the street's name must be capitalised. */
const STREET_AMBIGUOUS =
  'st|rd|ave|ln|dr|blvd|ct|pl|sq|hwy|pkwy|cres|way|close|place|court|square|drive|walk|row|hill|park|rise|green|grove|circle|cir';
const ADDRESS_CUE = new RegExp(
  `\\b(?:address|post ?code|postal code|zip(?: ?code)?|live[sd]?|living|moved|deliver(?:y|ed)?|ship(?:ped|ping)?|send (?:it|them|this) to|flat|apartment|apt|suite|house|billing|mailing|postal|${STREET_WORDS}|${STREET_AMBIGUOUS})\\b`,
  'i',
);

const hasCue = (text: string, at: number, before = 80) =>
  ADDRESS_CUE.test(text.slice(Math.max(0, at - before), at));

/** UK postcodes: the spaced upper-case form is distinctive; others need an address cue. */
const UK_STRICT = /\b(?:GIR 0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2})\b/g;
const UK_LOOSE = /\b(?:gir ?0aa|[a-pr-uwyz][a-hk-y]?\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2})\b/gi;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const ZIP_RE = /\b\d{5}(?:-\d{4})?\b/g;
const ZIP_BEFORE = new RegExp(
  `(?:\\b(?:${US_STATES}),?\\s+|\\b(?:zip(?: ?code)?|postal code|post ?code)\\b(?:\\s+(?:is|was))?[\\s:#]*)$`,
);
const ZIP_CUE_I = /\b(?:zip(?: ?code)?|postal code|post ?code)\b(?:\s+(?:is|was))?[\s:#]*$/i;

export function postcodeSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  const seen = new Set<number>();
  for (const m of matches(UK_STRICT, text)) {
    seen.add(m.index);
    out.push({ kind: 'POSTCODE', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matches(UK_LOOSE, text)) {
    if (seen.has(m.index) || !/\d[a-z]{2}$/i.test(m[0]) || !hasCue(text, m.index)) continue;
    out.push({ kind: 'POSTCODE', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matches(ZIP_RE, text)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (ZIP_BEFORE.test(before) || ZIP_CUE_I.test(before))
      out.push({ kind: 'POSTCODE', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const STREET_RE = new RegExp(
  `(?<![\\w:.,/-])(\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,4}[A-Za-z]?)?),?\\s+((?:[A-Za-z][A-Za-z'.-]*\\s+){1,3})(${STREET_WORDS}|${STREET_AMBIGUOUS})\\b`,
  'gi',
);
const NOT_A_NAME = new Set(
  'a an the on in at of to for and or but my our your his her their this that these those is was are be by with from into over under more less new old big small few many some any all other same next last first second third per each every than then up down out off very just only days day hours hour minutes minute mins weeks week months month years year times time items item euros dollars pounds percent people'.split(
    ' ',
  ),
);
const CONTINENTAL_RE =
  /\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|laan|gracht|straat)\s+\d{1,4}[a-z]?\b|\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|impasse|quai|calle|avenida|via|viale|piazza)\s+(?:(?:de|du|des|la|le|l'|d'|del|di|della)\s*)*\p{Lu}[\p{L}'-]+/gu;
const FLAT_RE = /\b(?:flat|apt\.?|apartment|suite|unit)\s+#?\d{1,4}[A-Za-z]?\b/gi;

export function addressSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matches(STREET_RE, text)) {
    const words = m[2]!.trim().split(/\s+/);
    if (words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) continue;
    const ambiguous = new RegExp(`^(?:${STREET_AMBIGUOUS})$`, 'i').test(m[3]!);
    if (ambiguous && !words.every((w) => /^[A-Z]/.test(w))) continue;
    out.push({ kind: 'ADDRESS', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matches(CONTINENTAL_RE, text))
    out.push({ kind: 'ADDRESS', start: m.index, end: m.index + m[0].length });
  for (const m of matches(FLAT_RE, text)) {
    if (/^unit/i.test(m[0]) && !hasCue(text, m.index, 40)) continue;
    out.push({ kind: 'ADDRESS', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
