import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, readCsv } from './csv.ts';
import { AuditInputError } from './values.ts';

function parse(chunks: string[]): string[][] {
  const reader = new CsvReader();
  const out = chunks.flatMap((chunk) => reader.push(chunk));
  return [...out, ...reader.end()];
}

function split(text: string, at: number[]): string[] {
  const cuts = [...new Set(at.map((i) => i % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(text.slice(from, cut));
    from = cut;
  }
  parts.push(text.slice(from));
  return parts;
}

function write(records: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
  return records.map((r) => r.map(cell).join(',')).join('\r\n');
}

describe('CsvReader', () => {
  it('reads plain fields and a header row', () => {
    expect(parse(['a,b,c\n1,2,3\n'])).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with escaped quotes, commas and line breaks', () => {
    const text = 'id,text\n1,"he said ""hi"", then left"\n2,"line one\nline two\r\nline three"\n';
    expect(parse([text])).toEqual([
      ['id', 'text'],
      ['1', 'he said "hi", then left'],
      ['2', 'line one\nline two\r\nline three'],
    ]);
  });

  it('accepts CRLF, CR and LF line ends, a last line without one, a BOM, and skips empty lines', () => {
    expect(parse(['\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6\n\n7,'])).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
      ['7', ''],
    ]);
  });

  it('keeps empty fields, quoted or not', () => {
    expect(parse([',"",x\n'])).toEqual([['', '', 'x']]);
  });

  it('gives the same records wherever the input is cut into chunks', () => {
    const text = 'n,"q ""x"" y",z\r\n"a\r\nb",,"c,d"\r\n"",e,"f"""\n';
    const whole = parse([text]);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) {
        expect(parse([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }
  });

  it('round-trips any records written with RFC 4180 quoting, in any chunking', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é'),
      maxLength: 6,
    });
    const records = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(records, fc.array(fc.nat(), { maxLength: 5 }), (rows, cuts) => {
        const text = write(rows);
        expect(parse(split(text, cuts))).toEqual(rows);
      }),
    );
  });

  it('reads unquoted lines like a plain split, with any line ends and chunking', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ',', ' ', 'é'), maxLength: 8 });
    const end = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
    const lines = fc.array(fc.tuple(line, end), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(lines, fc.array(fc.nat(), { maxLength: 5 }), (parts, cuts) => {
        const text = parts.map(([l, e]) => l + e).join('');
        const expected = text
          .split(/\r\n|\r|\n/)
          .filter((l) => l !== '')
          .map((l) => l.split(','));
        expect(parse(split(text, cuts))).toEqual(expected);
      }),
    );
  });

  it('keeps only the selected columns of later records, quoted or not', () => {
    const reader = new CsvReader();
    const header = reader.push('a,b,c,d\n');
    reader.select([1, 3]);
    const rows = [
      ...reader.push('1,2,3,4\r\n5,"6",7,"8,9"\n10,11'),
      ...reader.push(',12,13\n'),
      ...reader.end(),
    ];
    expect(header).toEqual([['a', 'b', 'c', 'd']]);
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ['2', '4'],
      ['6', '8,9'],
      ['11', '13'],
    ]);
    expect(rows[0]).toEqual(['', '2', '', '4']);
  });

  it('refuses an unterminated quoted field', () => {
    expect(() => parse(['a,b\n1,"open\n'])).toThrow(AuditInputError);
  });

  it('streams batches from an async source', async () => {
    async function* source() {
      yield 'a,b\n1,';
      yield '2\n3,4';
    }
    const batches: string[][][] = [];
    for await (const batch of readCsv(source())) batches.push(batch);
    expect(batches.flat()).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
