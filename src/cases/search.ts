// Case search over the conversation: what an agent types becomes a PostgreSQL full-text query
// (each word a prefix, all of them required), and the matching message comes back as a snippet
// with the words it matched marked. Pure: the SQL that runs it is in cases.queries.ts, the index
// it uses in cases.table.ts (`searchVector`).

/** At most this many terms of a search reach the query: enough for a phrase, bounded for the index. */
const MAX_TERMS = 8;

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * What a search term may hold: letters, digits, and the joiners of references, file names and
 * addresses (`INV-2026-10`, `invoice.pdf`, `ann@example.com`). None of them is an operator of
 * PostgreSQL's query syntax, so nothing typed can be read as one.
 */
const TERM = /[\p{L}\p{N}](?:[\p{L}\p{N}._@/-]*[\p{L}\p{N}])?/gu;
const JOINER = /[._@/-]/;

/**
 * One term of a search, every one required. `query` is a `to_tsquery` text matching it as a prefix
 * (`invo` finds "invoice" while the agent is still typing; `INV-2026-10` as the parser splits it).
 * A term with joiners also gives `whole`: the same text as one lexeme, which is how the parser keeps
 * a file name or an address (`inv-2026-10.pdf`).
 */
export type SearchTerm = { query: string; whole?: string };

/**
 * Accent folding, one letter for one: "Sørensen", "Sofía" and "Ñoño" are found by "sorensen",
 * "sofia" and "nono". The Latin letters with diacritics (U+00C0 to U+024F) and their base letters,
 * as PostgreSQL's `translate()` takes them, so the same folding runs in the index expression (which
 * must be immutable; `unaccent` is not, and needs an extension a managed database may refuse) and
 * here. One character for one keeps every offset of a folded text valid in the original.
 */
export const FOLD_FROM =
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ';
export const FOLD_TO =
  'AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy';
/** The code points FOLD_FROM's letters lie in, as a bracket range of a regular expression. */
export const FOLD_RANGE = '\u00C0-\u024F';
const folding = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO[i]!]));

/** `text` with its accented Latin letters folded to their base letters, the same length. */
export function foldAccents(text: string): string {
  let out = '';
  for (const ch of text) out += folding.get(ch) ?? ch;
  return out;
}

/**
 * A headline made from the folded text, with the message's own letters put back: the passage is an
 * exact piece of the folded message (a headline keeps the text between its words), and folding
 * keeps offsets, so each character is read back from the same place of `original`. Left folded if
 * the piece is not found (it always is; the fallback only keeps a passage on screen).
 */
export function unfoldHeadline(headline: string, original: string): string {
  const plain = headline.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
  const at = foldAccents(original).indexOf(plain);
  if (at < 0 || plain.length === 0) return headline;
  let out = '';
  let i = at;
  // By UTF-16 unit, as the offsets are: a character outside the BMP is two, in both texts.
  for (let k = 0; k < headline.length; k++) {
    const ch = headline[k]!;
    out += ch === MARK_START || ch === MARK_END ? ch : original[i++];
  }
  return out;
}

/**
 * The terms of a search, lower-cased and accent-folded (as the index is), each once, in the order
 * typed; empty when nothing is searchable.
 */
export function searchTerms(q: string): SearchTerm[] {
  const terms = [...new Set(foldAccents(q.normalize('NFKC').toLowerCase()).match(TERM) ?? [])].slice(
    0,
    MAX_TERMS,
  );
  return terms.map((t) => (JOINER.test(t) ? { query: `${t}:*`, whole: `'${t}':*` } : { query: `${t}:*` }));
}
/**
 * Marks around the matched words in `ts_headline`'s answer: characters of Unicode's private use
 * area, removed from the message text before the headline is made, so they cannot be forged.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** `ts_headline` options: one fragment of about a sentence around the best match. */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;

export type Snippet = {
  /** A short passage of the message, as plain text. */
  text: string;
  /** The matched words in `text`: `[start, end)` offsets in UTF-16 code units, in order. */
  highlights: { start: number; end: number }[];
};

/** How much of a message's start and end `snippetOf` is given, to tell whether a passage is cut. */
export const MESSAGE_EDGE = 160;

/**
 * Reads a headline with its marks into plain text and the offsets of what matched. Given the
 * message's first and last characters, a passage that starts or ends inside the message gets an
 * ellipsis there, so a reader knows it is cut.
 */
export function snippetOf(headline: string, message?: { head: string; tail: string }): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let open = -1;
  for (const ch of headline) {
    if (ch === MARK_START) {
      if (open < 0) open = text.length;
    } else if (ch === MARK_END) {
      if (open >= 0 && text.length > open) highlights.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  if (open >= 0 && text.length > open) highlights.push({ start: open, end: text.length });
  const snippet = collapseSpace({ text, highlights });
  return message ? withEllipses(snippet, message) : snippet;
}

/** The words of a text, lower-cased: what a headline keeps of it (it drops punctuation at its ends). */
const wordsOf = (text: string) => text.toLowerCase().match(WORD) ?? [];

function withEllipses(snippet: Snippet, message: { head: string; tail: string }): Snippet {
  const words = wordsOf(snippet.text);
  if (words.length === 0) return snippet;
  const edge = Math.min(3, words.length);
  const head = wordsOf(message.head).slice(0, edge);
  const tail = wordsOf(message.tail).slice(-edge);
  const cutStart = head.join(' ') !== words.slice(0, edge).join(' ');
  const cutEnd = tail.join(' ') !== words.slice(-edge).join(' ');
  const shift = cutStart ? 2 : 0;
  return {
    text: `${cutStart ? '… ' : ''}${snippet.text}${cutEnd ? ' …' : ''}`,
    highlights: snippet.highlights.map((h) => ({ start: h.start + shift, end: h.end + shift })),
  };
}

/** Collapses runs of white space (a message's line breaks) into one space, keeping the offsets right. */
function collapseSpace({ text, highlights }: Snippet): Snippet {
  let out = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      map.push(out.length);
      if (!space && out.length > 0) out += ' ';
      space = true;
    } else {
      map.push(out.length);
      out += ch;
      space = false;
    }
  }
  map.push(out.length);
  const trimmed = out.trimEnd();
  return {
    text: trimmed,
    highlights: highlights.map((h) => ({
      start: Math.min(map[h.start], trimmed.length),
      end: Math.min(map[h.end], trimmed.length),
    })),
  };
}
