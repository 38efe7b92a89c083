import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, parseCsv, parseCsvStream, readLabelledExamples } from './csv.ts';

/** Writes rows as RFC 4180 CSV, quoting only where needed. */
const toCsv = (rows: string[][], eol = '\r\n') =>
  rows
    .map((row) =>
      row.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(','),
    )
    .join(eol);

async function* chunks(parts: (string | Buffer)[]) {
  yield* parts;
}

describe('parseCsv', () => {
  it('reads plain, quoted and empty fields', () => {
    expect(parseCsv('a,b,c\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
    expect(parseCsv('"x, y","say ""hi""",""')).toEqual([['x, y', 'say "hi"', '']]);
  });

  it('keeps line breaks inside quotes and accepts CRLF, LF and lone CR line ends', () => {
    expect(parseCsv('text,label\r\n"line one\r\nline two",a\r\n"b\nc",d')).toEqual([
      ['text', 'label'],
      ['line one\r\nline two', 'a'],
      ['b\nc', 'd'],
    ]);
    expect(parseCsv('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('drops a byte-order mark and blank lines, but keeps a row of empty fields', () => {
    expect(parseCsv('\ufeffa,b\n\n1,2\n\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n,\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(parseCsv('""\n')).toEqual([['']]);
  });

  it('is lenient with stray quotes that do not open a field', () => {
    expect(parseCsv('ab"c,"d"e\n')).toEqual([['ab"c', 'de']]);
  });

  it('fails on an unterminated quoted field, naming the line where it opened', () => {
    expect(() => parseCsv('a,b\n1,"never closed\nmore')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"never closed\nmore')).toThrow(/line 2/);
  });

  it('round-trips any table, however the input is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', 'x') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const text = toCsv(rows);
        const parser = new CsvParser();
        const out: string[][] = [];
        let from = 0;
        for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
          out.push(...parser.push(text.slice(from, cut)).map((r) => r.fields));
          from = cut;
        }
        out.push(...parser.push(text.slice(from)).map((r) => r.fields), ...parser.end().map((r) => r.fields));
        expect(out).toEqual(rows);
      }),
    );
  });
});

describe('parseCsvStream', () => {
  it('decodes UTF-8 split across byte chunks and reports record line numbers', async () => {
    const bytes = Buffer.from('text,label\n"two\nlines",é\nlast,z\n');
    const at = bytes.indexOf(0xc3) + 1; // inside the two-byte é
    const records = [];
    for await (const record of parseCsvStream(chunks([bytes.subarray(0, at), bytes.subarray(at)]))) {
      records.push(record);
    }
    expect(records).toEqual([
      { fields: ['text', 'label'], line: 1 },
      { fields: ['two\nlines', 'é'], line: 2 },
      { fields: ['last', 'z'], line: 4 },
    ]);
  });
});

describe('readLabelledExamples', () => {
  const records = (text: string) => parseCsvStream(chunks([text]));

  it('finds the columns by name in any order, ignoring others and case', async () => {
    const { examples, skipped } = await readLabelledExamples(
      records('id,Label,TEXT\n1,billing," charged twice "\n2,,no label\n3,login,\n4,login,locked out\n'),
    );
    expect(examples).toEqual([
      { text: 'charged twice', label: 'billing' },
      { text: 'locked out', label: 'login' },
    ]);
    expect(skipped).toBe(2);
  });

  it('reads other column names when asked', async () => {
    const { examples } = await readLabelledExamples(records('instruction,intent\nhi,greet\n'), {
      text: 'instruction',
      label: 'intent',
    });
    expect(examples).toEqual([{ text: 'hi', label: 'greet' }]);
  });

  it('says which columns are missing', async () => {
    await expect(readLabelledExamples(records('message,category\nhi,greet\n'))).rejects.toThrow(
      /header must name the columns text and label; found message, category/,
    );
    await expect(readLabelledExamples(records('text,intent\nhi,greet\n'))).rejects.toThrow(/columns label;/);
    await expect(readLabelledExamples(records(''))).rejects.toThrow(/empty CSV/);
  });
});
