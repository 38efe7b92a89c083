import type { AuditEvent } from './audit.types.ts';

/**
 * A format read as rows of named columns (a CSV with a header row, or JSON objects with those
 * keys): `create` gets the header and returns the reader of one row.
 */
export type ColumnAdapter = {
  create(header: string[]): (record: unknown[]) => AuditEvent | null;
};

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
