import type { AuditEvent, AuditFormat } from './audit.types.ts';
import { analyseCase } from './case-analysis.ts';
import { CaseStore } from './case-store.ts';
import { type ColumnAdapter, normaliseColumn, objectRow, type RowReader } from './columns.ts';
import { CsvReader } from './csv.ts';
import { generic } from './generic.ts';
import { readJson } from './json.ts';
import { AuditMetrics } from './metrics.ts';
import { type AuditReport, buildReport } from './report.ts';
import { servicenow } from './servicenow.ts';
import { AuditInputError } from './values.ts';
import { zendeskCsv, zendeskEvents } from './zendesk.ts';

export type InputKind = 'csv' | 'json';

const KINDS: Record<string, InputKind> = { csv: 'csv', json: 'json', jsonl: 'json', ndjson: 'json' };

/** CSV or JSON by the file name's extension; undefined (guessed from the content) for any other. */
export const inputKindOf = (fileName: string): InputKind | undefined =>
  KINDS[/\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''];

export type AuditOptions = {
  /** The export's format; guessed from the header row or the first JSON value when left out. */
  format?: AuditFormat;
  /** CSV or JSON (Lines); guessed from the first character when left out. */
  kind?: InputKind;
  file?: string;
  /** Called now and then with the number of rows read so far. */
  onProgress?: (rows: number) => void;
};

const COLUMN_ADAPTERS: Record<AuditFormat, ColumnAdapter> = { servicenow, zendesk: zendeskCsv, generic };
const ZENDESK_KEYS = ['audits', 'ticket_events', 'ticket_metric_events', 'audit', 'events', 'child_events'];

/** Audits an export read as a stream of text chunks. Pure over its input: no files, no clock. */
export async function runAudit(
  chunks: AsyncIterable<string>,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? '' : first.value;
  // An image, a spreadsheet or an archive read as text: NUL bytes, or bytes UTF-8 cannot read.
  const sample = head.slice(0, 4096);
  if (sample.includes('\u0000') || (sample.match(/\uFFFD/g)?.length ?? 0) > Math.max(3, sample.length / 100))
    throw new AuditInputError(
      'this is not a CSV or JSON file: it reads as binary data (an image, a spreadsheet or an archive?). Export the events as CSV, JSON or JSON Lines',
    );
  const kind = options.kind ?? (/^\uFEFF?\s*[[{]/.test(head) ? 'json' : 'csv');
  const input = (async function* () {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  const store = new CaseStore();
  let skipped = 0;
  let rows = 0;
  const add = (event: AuditEvent | null) => {
    rows++;
    if (event === null) skipped++;
    else store.add(event);
  };
  let format = options.format;
  if (kind === 'csv') {
    const csv = new CsvReader();
    let read: RowReader | null = null;
    const each = (batch: string[][]) => {
      for (const record of batch) {
        if (read === null) {
          format ??= guessCsvFormat(record);
          read = COLUMN_ADAPTERS[format].create(record);
          if (read.columns) csv.select(read.columns);
        } else add(read(record));
      }
    };
    for await (const chunk of input) {
      each(csv.push(chunk));
      options.onProgress?.(rows);
    }
    each(csv.end());
    if (read === null) throw new AuditInputError('the input is empty: no header row');
  } else {
    let each: ((value: unknown) => void) | null = null;
    for await (const value of readJson(input)) {
      format ??= guessJsonFormat(value);
      each ??=
        format === 'zendesk' ? (v) => zendeskEvents(v, add) : objectReader(COLUMN_ADAPTERS[format], add);
      each(value);
      options.onProgress?.(rows);
    }
  }
  const metrics = new AuditMetrics();
  const carrySla = format === 'zendesk';
  for (const c of store.drain()) metrics.add(analyseCase(c.rows, c.openedAt, c.resolvedAt, { carrySla }));
  return buildReport(metrics, {
    format: format ?? 'generic',
    kind,
    file: options.file,
    skippedRows: skipped,
  });
}

function guessCsvFormat(header: string[]): AuditFormat {
  const names = header.map(normaliseColumn);
  if (names.includes('sys_mod_count')) return 'servicenow';
  if (names.includes('field_name')) return 'zendesk';
  return 'generic';
}

function guessJsonFormat(value: unknown): AuditFormat {
  const item = Array.isArray(value) ? value[0] : value;
  if (typeof item !== 'object' || item === null) return 'generic';
  if (ZENDESK_KEYS.some((key) => key in item)) return 'zendesk';
  return 'sys_mod_count' in item ? 'servicenow' : 'generic';
}

/** Reads rows given as JSON objects (one a line, an array, or `{records: [...]}`), keyed like the first one. */
function objectReader(adapter: ColumnAdapter, add: (event: AuditEvent | null) => void) {
  let header: string[] | null = null;
  let read: ((record: unknown[]) => AuditEvent | null) | null = null;
  const each = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) each(item);
      return;
    }
    if (typeof value !== 'object' || value === null) {
      add(null);
      return;
    }
    const item = value as Record<string, unknown>;
    const records = item.records ?? item.result;
    if (Array.isArray(records)) {
      each(records);
      return;
    }
    if (header === null || read === null) {
      header = Object.keys(item);
      read = adapter.create(header);
    }
    add(read(objectRow(item, header)));
  };
  return each;
}
