// CSV as spreadsheets read it: RFC 4180 quoting, and text that a spreadsheet would run as a formula
// defused, because exports carry what customers wrote (a case subject "=HYPERLINK(...)").

export type CsvValue = string | number | boolean | null | undefined;

/** A text a spreadsheet reads as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One field, quoted as RFC 4180 says: when it holds a comma, a double quote, CR or LF. A text that
 * would start a formula is prefixed with `'`, which spreadsheets show as text; numbers stay numbers.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: fields joined by commas, ended by CRLF. */
export const csvLine = (fields: readonly CsvValue[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** RFC 4180: records end with CRLF, the first record is the header. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}
