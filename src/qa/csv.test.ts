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
  it('writes a header row and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
