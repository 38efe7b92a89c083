import { isValidTimeZone } from '../sla/sla.types.ts';
import { type CsvError, parseCsv } from '../vocabulary/csv.ts';
import type { CustomerProfile, ImportIssue } from './customers.types.ts';

/** The columns a customer CSV may hold; `external_id` is required, the rest optional. */
export const importColumns = [
  'external_id',
  'name',
  'email',
  'customer_since',
  'annual_value',
  'tier',
  'timezone',
  'language',
] as const;
type Column = (typeof importColumns)[number];

const dateOk = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/**
 * Reads a customer CSV (RFC 4180, header row) into profiles, or every problem it has, each with its
 * line and column. Blank cells leave a value as it is; nothing is half-read.
 */
export function parseCustomerCsv(
  text: string,
  today: string,
): { rows: CustomerProfile[]; issues: ImportIssue[] } {
  let table: string[][];
  try {
    table = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  } catch (error) {
    const e = error as CsvError;
    return { rows: [], issues: [{ line: e.line ?? 1, message: e.message }] };
  }
  const [header, ...body] = table;
  if (!header)
    return { rows: [], issues: [{ line: 1, message: 'the file is empty: expected a header row' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const issues: ImportIssue[] = [];
  names.forEach((n, i) => {
    if (!(importColumns as readonly string[]).includes(n))
      issues.push({
        line: 1,
        column: n || `#${i + 1}`,
        message: `unknown column; use ${importColumns.join(', ')}`,
      });
  });
  if (!names.includes('external_id'))
    issues.push({ line: 1, column: 'external_id', message: 'the required column external_id is missing' });
  if (body.length === 0) issues.push({ line: 2, message: 'no customer rows after the header' });
  if (issues.length) return { rows: [], issues };

  const rows: CustomerProfile[] = [];
  const seen = new Map<string, number>();
  body.forEach((fields, i) => {
    const line = i + 2;
    const cell = (c: Column) => {
      const at = names.indexOf(c);
      return at < 0 ? undefined : (fields[at] ?? '').trim() || undefined;
    };
    const bad = (column: Column, message: string) => {
      issues.push({ line, column, message });
    };
    if (fields.length > names.length)
      issues.push({ line, message: `${fields.length} cells for ${names.length} columns` });
    const externalId = cell('external_id');
    if (!externalId) {
      bad('external_id', 'required');
      return;
    }
    if (seen.has(externalId)) bad('external_id', `appears again (first on line ${seen.get(externalId)})`);
    seen.set(externalId, line);
    const since = cell('customer_since');
    if (since !== undefined && !dateOk(since)) bad('customer_since', `"${since}" is not a date YYYY-MM-DD`);
    else if (since !== undefined && since > today) bad('customer_since', `${since} is in the future`);
    const rawValue = cell('annual_value');
    const value = rawValue === undefined ? undefined : Number(rawValue.replace(/[,_\s]/g, ''));
    if (rawValue !== undefined && (!Number.isFinite(value) || value! < 0))
      bad('annual_value', `"${rawValue}" is not an amount of 0 or more`);
    const email = cell('email');
    if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      bad('email', `"${email}" is not an e-mail address`);
    const timezone = cell('timezone');
    if (timezone !== undefined && !isValidTimeZone(timezone))
      bad('timezone', `"${timezone}" is not an IANA time zone such as Europe/Berlin`);
    const language = cell('language');
    if (language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language))
      bad('language', `"${language}" is not a language tag such as en or pt-BR`);
    for (const c of ['name', 'tier'] as const)
      if ((cell(c)?.length ?? 0) > 200) bad(c, 'longer than 200 characters');
    rows.push({
      line,
      externalId,
      name: cell('name'),
      email,
      customerSince: since,
      annualValue: value,
      tier: cell('tier')?.toLowerCase(),
      timezone,
      language,
    });
  });
  return issues.length ? { rows: [], issues } : { rows, issues };
}
