import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('RFC 4180 CSV', () => {
  it('quotes only fields that need it, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Liu, Grace')).toBe('"Liu, Grace"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(67.5)).toBe('67.5');
  });
  it('defuses text a spreadsheet would run as a formula, leaving numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x.example","click")')).toBe(
      '"\'=HYPERLINK(""http://x.example"",""click"")"',
    );
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('-refund')).toBe("'-refund");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a = b')).toBe('a = b');
  });
  it('writes a header row and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
