/**
 * Detectors of personal data in free text, for redaction before anything leaves the process.
 * Each returns spans; `redact.ts` resolves overlaps and swaps them for placeholders. Checksums
 * (Luhn, IBAN mod 97) and context cues keep ordinary numbers ("3 days", "PT4H", "$89.00") out.
 */
import { addressSpans, postcodeSpans } from './pii-address.ts';

export type PiiKind =
  | 'NAME'
  | 'URL'
  | 'EMAIL'
  | 'IBAN'
  | 'CARD'
  | 'IP'
  | 'DOB'
  | 'ID'
  | 'ACCOUNT'
  | 'PHONE'
  | 'POSTCODE'
  | 'ADDRESS';

export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

const span = (kind: PiiKind, start: number, end: number): PiiSpan => ({ kind, start, end });

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}

/** Luhn's check digit test, as card numbers carry. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The IBAN check: country, two check digits, then mod 97 of the rearranged number is 1. */
export function ibanValid(compact: string): boolean {
  const s = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  let rest = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rest = (v > 9 ? rest * 100 + v : rest * 10 + v) % 97;
  }
  return rest === 1;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

/** URLs that carry a secret or an identifier: a query, a fragment, credentials, or a token-like segment. */
function urlSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matches(URL_RE, text)) {
    const url = m[0].replace(/[.,;:!?)\]}]+$/, '');
    const rest = url.replace(/^(?:https?:\/\/)?/i, '');
    const segments = rest.split(/[/?#&=]/).slice(1);
    const tokenish =
      /[?#]./.test(rest) ||
      /^[^/]*@/.test(rest) ||
      segments.some((s) => /\d{5}/.test(s) || (s.length >= 16 && /\d/.test(s) && /[a-z]/i.test(s)));
    if (tokenish) out.push(span('URL', m.index, m.index + url.length));
  }
  return out;
}

const EMAIL_RE = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const EMAIL_SPELT_RE =
  /(?<![\w.%+-])[\w.%+-]+\s*[[(]\s*at\s*[\])]\s*[A-Za-z0-9-]+(?:\s*(?:[[(]\s*dot\s*[\])]|\.)\s*[A-Za-z0-9-]+)+/gi;

function emailSpans(text: string): PiiSpan[] {
  return [EMAIL_RE, EMAIL_SPELT_RE].flatMap((re) =>
    [...matches(re, text)].map((m) => span('EMAIL', m.index, m.index + m[0].length)),
  );
}

/**
 * Runs of groups split by single separators (`4111 1111 1111 1111`, `GB82 WEST 1234 ...`): every
 * window of whole groups up to `max` characters is tried, the longest accepted one wins.
 */
function groupWindows(
  text: string,
  kind: PiiKind,
  run: RegExp,
  group: RegExp,
  max: number,
  accept: (compact: string) => boolean,
): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matches(run, text)) {
    const groups = [...matches(group, m[0])].map((g) => ({ start: m.index + g.index, text: g[0] }));
    let from = 0;
    while (from < groups.length) {
      let compact = '';
      let found = -1;
      for (let to = from; to < groups.length && compact.length + groups[to]!.text.length <= max; to++) {
        compact += groups[to]!.text;
        if (accept(compact)) found = to;
      }
      if (found < 0) {
        from++;
        continue;
      }
      const last = groups[found]!;
      out.push(span(kind, groups[from]!.start, last.start + last.text.length));
      from = found + 1;
    }
  }
  return out;
}

function cardSpans(text: string): PiiSpan[] {
  const accept = (d: string) => d.length >= 13 && /^[2-6]/.test(d) && !/^(\d)\1+$/.test(d) && luhnValid(d);
  return groupWindows(text, 'CARD', /(?<![\w.,-])\d+(?:[ -]\d+)*/g, /\d+/g, 19, accept);
}

function ibanSpans(text: string): PiiSpan[] {
  const run = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9])+/gi;
  const accept = (c: string) => c.length >= 15 && ibanValid(c);
  return groupWindows(text, 'IBAN', run, /[A-Z0-9]+/gi, 34, accept);
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
const IPV6_RE = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;

function ipv6Valid(s: string): boolean {
  if (!/[0-9a-f]/i.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

function ipSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matches(IPV4_RE, text)) {
    if (/\b(?:v|version|ver\.?)\s*$/i.test(text.slice(Math.max(0, m.index - 9), m.index))) continue;
    out.push(span('IP', m.index, m.index + m[0].length));
  }
  for (const m of matches(IPV6_RE, text))
    if (ipv6Valid(m[0])) out.push(span('IP', m.index, m.index + m[0].length));
  return out;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DOB_RE = new RegExp(
  '\\b(?:date of birth|d\\.?o\\.?b\\.?|born(?: on)?|birth ?day|birth ?date)(?:\\s+(?:is|was))?[\\s:,-]*' +
    `(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+\\d{4})?|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?)\\b`,
  'gi',
);

function dobSpans(text: string): PiiSpan[] {
  return [...matches(DOB_RE, text)].map((m) => {
    const end = m.index + m[0].length;
    return span('DOB', end - m[1]!.length, end);
  });
}

/** Government identifiers with a fixed shape: US social security, UK national insurance. */
const ID_RE =
  /\b(?!000|666)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b|\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;

function idSpans(text: string): PiiSpan[] {
  return [...matches(ID_RE, text)].map((m) => span('ID', m.index, m.index + m[0].length));
}

const ACCOUNT_CUE =
  /\b(?:account|acct|a\/c|order|customer|client|member(?:ship)?|booking|reservation|confirmation|reference|ref|invoice|policy|tracking|subscription|contract|loyalty|card ending(?: in)?|sort code|routing|passport|driver'?s licen[cs]e|licen[cs]e|social security|ssn|national insurance|tax id|tax number|vat number|serial|imei|meter)s?\b(?:\s+(?:number|num|no\.?|nr\.?|#|id|code|ref(?:erence)?))?(?:\s+(?:is|was))?\s*[:=#]?\s*#?\s*/gi;
const ACCOUNT_TOKEN = /(?=[A-Z-]*\d)[A-Z0-9]+(?:(?:[-/.]|\s(?=[A-Z]*\d[A-Z]*\d))[A-Z0-9]+)*/iy;
const AMOUNT = /^\d{1,3}(?:[.,]\d{3})*[.,]\d{2}$/;
const ACCOUNT_MORE = /\s*(?:,|and|&|or|\/)\s*#?\s*/iy;

function accountSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const cue of matches(ACCOUNT_CUE, text)) {
    let at = cue.index + cue[0].length;
    for (;;) {
      ACCOUNT_TOKEN.lastIndex = at;
      const t = ACCOUNT_TOKEN.exec(text);
      if (!t || t[0].length < 4 || (t[0].match(/\d/g)?.length ?? 0) < 2 || AMOUNT.test(t[0])) break;
      out.push(span('ACCOUNT', at, at + t[0].length));
      ACCOUNT_MORE.lastIndex = at + t[0].length;
      const more = ACCOUNT_MORE.exec(text);
      if (!more) break;
      at = ACCOUNT_MORE.lastIndex;
    }
  }
  return out;
}

const PHONE_RE = /(?<![\w.+/:-])(?:\+|00)?\(?\d[\d ().-]{4,22}\d(?![\w/:]|[.,-]\d)/g;
const PHONE_CUE =
  /\b(?:phone|tel|telno|telephone|mobile|cell|call(?: me)?|text me|ring me|whatsapp|reach me|contact me)(?:\s*(?:number|no\.?|#))?(?:\s+(?:is|on|at))?\s*[:=]?\s*$/i;

function phoneSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matches(PHONE_RE, text)) {
    const raw = m[0];
    if (/[ ().-]{2,}/.test(raw.replace(/\) /g, ')').replace(/ \(/g, '('))) continue;
    if (raw.split('(').length !== raw.split(')').length) continue;
    const digits = raw.replace(/\D/g, '');
    if (/^(\d)\1+$/.test(digits)) continue;
    const cue = PHONE_CUE.test(text.slice(Math.max(0, m.index - 30), m.index));
    const ok =
      (cue && digits.length >= 7 && digits.length <= 15) ||
      (/^(?:\+|00)[1-9]/.test(raw) && digits.length >= 9 && digits.length <= 17) ||
      (/^\(\d{2,5}\)/.test(raw) && digits.length >= 9 && digits.length <= 12) ||
      (/^0\d/.test(raw) && /[\s-]/.test(raw) && digits.length >= 10 && digits.length <= 12) ||
      (/^0\d{9,10}$/.test(raw) && digits.length >= 10) ||
      /^(?:1[ .-]?)?\d{3}[ .-]\d{3}[ .-]\d{4}$/.test(raw);
    if (ok) out.push(span('PHONE', m.index, m.index + raw.length));
  }
  return out;
}

/** A name after a cue: "my name is Gemma Vanstone", "Name: ...", a sign-off "Regards, Maria". */
const NAME_CUE =
  /\b(?:(my name is|my name's|name\s*:|name is)|(?:kind |best )?regards,?|sincerely,?|thanks,|cheers,)\s+/giu;
const NAME_WORD = /\p{Lu}[\p{L}'-]+|\p{Ll}[\p{L}'-]+/uy;
const NOT_NAME = new Set(
  'a an the and or but is was not no yes i me my we our you your on in at to for of with from and please thanks thank hi hello regarding about again still here there just also so very'.split(
    ' ',
  ),
);

function nameSpans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const cue of matches(NAME_CUE, text)) {
    const anyCase = cue[1] !== undefined;
    let at = cue.index + cue[0].length;
    let end = -1;
    for (let n = 0; n < 3; n++) {
      NAME_WORD.lastIndex = at;
      const w = NAME_WORD.exec(text);
      if (!w || NOT_NAME.has(w[0].toLowerCase()) || (!anyCase && !/^\p{Lu}/u.test(w[0]))) break;
      end = at + w[0].length;
      at = end;
      while (text[at] === ' ') at++;
    }
    if (end > 0) out.push(span('NAME', cue.index + cue[0].length, end));
  }
  return out;
}

/** The detectors in priority order: where two spans overlap, the earlier detector wins. */
export const detectors: readonly ((text: string) => PiiSpan[])[] = [
  urlSpans,
  emailSpans,
  ibanSpans,
  cardSpans,
  ipSpans,
  dobSpans,
  idSpans,
  accountSpans,
  phoneSpans,
  postcodeSpans,
  addressSpans,
  nameSpans,
];
