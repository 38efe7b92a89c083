// The admin change log as rows of a spreadsheet: one row per field changed (a change of no field,
// such as giving access back, is one row with the field empty), so a filter on `field` works.

import type { CsvValue } from './csv.ts';

type Change = {
  id: string;
  at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  subject: string;
  subjectName: string;
  detail: unknown;
};

export const adminChangesExportHeader = [
  'change_id',
  'at',
  'actor_id',
  'actor',
  'action',
  'subject',
  'subject_name',
  'field',
  'from',
  'to',
] as const;

/** A value as a cell: text and numbers as they are, anything else (lists, objects) as JSON. */
const cell = (v: unknown): CsvValue =>
  v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? v
    : JSON.stringify(v);

export function adminChangeRows(c: Change): CsvValue[][] {
  const head = [
    c.id,
    c.at,
    c.actor?.id,
    c.actor?.name ?? (c.actor ? c.actor.id : 'API token'),
    c.action,
    c.subject,
    c.subjectName,
  ];
  const fields = Object.entries((c.detail ?? {}) as Record<string, { from?: unknown; to?: unknown }>);
  if (fields.length === 0) return [[...head, null, null, null]];
  return fields.map(([field, { from, to }]) => [...head, field, cell(from), cell(to)]);
}
