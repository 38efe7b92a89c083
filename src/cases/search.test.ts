import { describe, expect, it } from 'vitest';
import {
  MARK_END as E,
  FOLD_FROM,
  FOLD_TO,
  foldAccents,
  MARK_END,
  MARK_START,
  MARK_START as S,
  searchTerms,
  snippetOf,
  unfoldHeadline,
} from './search.ts';

describe('case search terms', () => {
  const queries = (q: string) => searchTerms(q).map((t) => t.query);

  it('keeps words, lower-cased, each once, at most eight, each a prefix', () => {
    expect(queries('Refund refund overdue!')).toEqual(['refund:*', 'overdue:*']);
    expect(queries('Rückerstattung für Müller')).toEqual(['ruckerstattung:*', 'fur:*', 'muller:*']);
    expect(queries('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('  ?! ')).toEqual([]);
  });

  it('keeps references, file names and addresses whole as well as split', () => {
    expect(searchTerms('#INV-2026-10 invoice.pdf, ann@example.com')).toEqual([
      { query: 'inv-2026-10:*', whole: "'inv-2026-10':*" },
      { query: 'invoice.pdf:*', whole: "'invoice.pdf':*" },
      { query: 'ann@example.com:*', whole: "'ann@example.com':*" },
    ]);
    // Joiners at the ends are not part of a term.
    expect(queries('-refund- ...late.')).toEqual(['refund:*', 'late:*']);
  });

  it('leaves no operator a search could smuggle in', () => {
    const all = searchTerms("x' | !y & (z) <-> w:* \\v")
      .flatMap((t) => [t.query, t.whole ?? ''])
      .join(' ');
    expect(queries("x' | !y & (z) <-> w:* \\v")).toEqual(['x:*', 'y:*', 'z:*', 'w:*', 'v:*']);
    // Only the quotes this module adds around a whole term, and the prefix marks.
    expect(all.replace(/'[^']*':\*/g, '').replace(/:\*/g, '')).not.toMatch(/['&|!()<>:*\\]/);
  });
});

describe('a matched message as a snippet', () => {
  it('turns the headline marks into offsets of plain text', () => {
    const s = snippetOf(`I was ${S}charged${E} twice for ${S}order${E} 4471`);
    expect(s.text).toBe('I was charged twice for order 4471');
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['charged', 'order']);
  });

  it('folds line breaks and runs of spaces into one space without moving the marks', () => {
    const s = snippetOf(`  Hello,\n\n  my ${S}refund${E}\tis   ${S}late${E}  \n`);
    expect(s.text).toBe('Hello, my refund is late');
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['refund', 'late']);
  });

  it('drops empty and unclosed marks without losing text', () => {
    expect(snippetOf(`a ${S}${E}b`)).toEqual({ text: 'a b', highlights: [] });
    const s = snippetOf(`see ${S}attached`);
    expect(s.text).toBe('see attached');
    expect(s.highlights).toEqual([{ start: 4, end: 12 }]);
  });

  it('marks a passage cut inside its message with an ellipsis at the cut, moving the marks along', () => {
    const text =
      'Good afternoon, we manage 14 properties. Three invoices this month charge the standard rate. Thanks!';
    const edges = { head: text.slice(0, 160), tail: text.slice(-160) };
    const cut = snippetOf(`afternoon, we manage 14 properties. Three ${S}invoices${E} this month`, edges);
    expect(cut.text).toBe('… afternoon, we manage 14 properties. Three invoices this month …');
    expect(cut.highlights.map((h) => cut.text.slice(h.start, h.end))).toEqual(['invoices']);
    // The whole message: no ellipsis, though the headline dropped the final punctuation.
    const whole = snippetOf(
      `Good afternoon, we manage 14 properties. Three ${S}invoices${E} this month charge the standard rate. Thanks`,
      edges,
    );
    expect(whole.text).toBe(
      'Good afternoon, we manage 14 properties. Three invoices this month charge the standard rate. Thanks',
    );
    const tailOnly = snippetOf(`Three ${S}invoices${E} this month charge the standard rate. Thanks`, edges);
    expect(tailOnly.text).toBe('… Three invoices this month charge the standard rate. Thanks');
  });
});

describe('accent folding', () => {
  it('folds accented Latin letters one for one, in the same table as the SQL', () => {
    expect(foldAccents('Åse Sørensen-Ibáñez, Zürich, façade, Łódź, İstanbul')).toBe(
      'Ase Sorensen-Ibanez, Zurich, facade, Lodz, Istanbul',
    );
    expect([...FOLD_FROM].length).toBe([...FOLD_TO].length);
    expect(FOLD_FROM).not.toMatch(/'/);
    const text = 'naïve café 🙂 ß æ 中文';
    expect(foldAccents(text).length).toBe(text.length);
    expect(foldAccents(text)).toBe('naive cafe 🙂 ß æ 中文');
  });

  it("puts the message's own letters back into a headline made from the folded text", () => {
    const original = 'Hej 🙂 Søren, the façade kit';
    const headline = `Hej 🙂 ${MARK_START}Soren${MARK_END}, the ${MARK_START}facade${MARK_END} kit`;
    expect(unfoldHeadline(headline, original)).toBe(
      `Hej 🙂 ${MARK_START}Søren${MARK_END}, the ${MARK_START}façade${MARK_END} kit`,
    );
    // A passage from the middle of the message.
    expect(unfoldHeadline(`${MARK_START}facade${MARK_END} kit`, original)).toBe(
      `${MARK_START}façade${MARK_END} kit`,
    );
    // Not a piece of the message (never from ts_headline): left as it came.
    expect(unfoldHeadline('something else', original)).toBe('something else');
  });
});
