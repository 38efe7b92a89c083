import type { AuditEvent } from './audit.types.ts';

/** Reads one row; `columns` lists the cells it looks at (a CSV reader may leave the others out). */
export type RowReader = ((record: unknown[]) => AuditEvent | null) & { columns?: readonly number[] };

/**
 * A format read as rows of named columns (a CSV with a header row, or JSON objects with those
 * keys): `create` gets the header and returns the reader of one row.
 */
export type ColumnAdapter = {
  create(header: string[]): RowReader;
};

/** A row reader that names the columns it reads (absent columns, -1, are dropped). */
export function readsColumns(columns: number[], read: (record: unknown[]) => AuditEvent | null): RowReader {
  return Object.assign(read, { columns: columns.filter((column) => column >= 0) });
}

/** A header name normalised for lookup: trimmed, lower case, spaces and dashes as `_`. */
export function normaliseColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Index of the first of `names` found in the header, or -1. */
export function columnIndex(header: string[]): (...names: string[]) => number {
  const normalised = header.map(normaliseColumn);
  return (...names: string[]) => {
    for (const name of names) {
      const index = normalised.indexOf(name);
      if (index >= 0) return index;
    }
    return -1;
  };
}

/** A JSON object as a row of the given columns. */
export function objectRow(item: Record<string, unknown>, columns: string[]): unknown[] {
  return columns.map((name) => item[name]);
}
