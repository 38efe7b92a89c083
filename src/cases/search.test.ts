import { describe, expect, it } from 'vitest';
import { MARK_END as E, messageQuery, MARK_START as S, searchTerms, snippetOf } from './search.ts';

describe('case search terms', () => {
  it('keeps letters and digits, lower-cased, each word once, at most eight', () => {
    expect(searchTerms('Invoice #INV-4471, invoice!')).toEqual(['invoice', 'inv', '4471']);
    expect(searchTerms('Rückerstattung für Müller')).toEqual(['rückerstattung', 'für', 'müller']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('  ')).toEqual([]);
  });

  it('requires every word as a prefix, and leaves no operator a search could smuggle in', () => {
    expect(messageQuery('double charged')).toBe('double:* & charged:*');
    expect(messageQuery("x' | !y & (z) <-> w:*")).toBe('x:* & y:* & z:* & w:*');
    expect(messageQuery('?!')).toBeNull();
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
