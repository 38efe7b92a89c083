import type { AuditEvent } from './audit.types.ts';
import { type ColumnAdapter, columnIndex, readsColumns } from './columns.ts';
import { AuditInputError, known, parseBool, parseNumber, parseTime } from './values.ts';

/** Each field of the generic format and the column names accepted for it, first name preferred. */
const FIELDS = {
  case: ['case', 'case_id', 'ticket', 'ticket_id'],
  seq: ['seq', 'sequence'],
  at: ['at', 'time', 'timestamp', 'created_at'],
  team: ['team', 'group', 'assignment_group'],
  owner: ['owner', 'assignee', 'assigned_to'],
  sla: ['sla_met', 'made_sla'],
  reopened: ['reopened', 'reopen_count', 'reopens'],
  opened: ['opened_at'],
  resolved: ['resolved_at'],
  status: ['status'],
  satisfaction: ['satisfaction'],
} as const;

const RESOLVED = new Set(['resolved', 'solved', 'closed', 'done']);

/** `reopened`: true/false, or a count (above 0 means reopened). */
function reopened(value: unknown): boolean {
  const flag = parseBool(value);
  if (flag !== null) return flag;
  const count = parseNumber(value);
  return count !== null && count > 0;
}

function satisfaction(value: unknown): 'good' | 'bad' | null {
  const text = known(value)?.toLowerCase();
  if (text?.startsWith('good')) return 'good';
  if (text?.startsWith('bad')) return 'bad';
  return null;
}

/**
 * The generic format: one row per update of a case, each row the case's state after it (like
 * ServiceNow's log): `case`, `seq` or `at` to order the rows, `team`, `owner`, and optionally
 * `sla_met`, `reopened`, `opened_at`, `resolved_at`, `status`, `satisfaction`. Empty or `?` is
 * unknown; an unknown `owner` means nobody owns the case on that row.
 */
export const generic: ColumnAdapter = {
  create(header: string[]) {
    const find = columnIndex(header);
    const at = Object.fromEntries(
      Object.entries(FIELDS).map(([field, names]) => [field, find(...names)]),
    ) as Record<keyof typeof FIELDS, number>;
    const missing: string[] = (['case', 'team', 'owner'] as const).filter((field) => at[field] < 0);
    if (at.seq < 0 && at.at < 0) missing.push('seq or at');
    if (missing.length > 0) {
      throw new AuditInputError(`generic: missing column(s) ${missing.join(', ')} in the header row`);
    }
    const cell = (record: unknown[], index: number) => (index < 0 ? undefined : record[index]);
    return readsColumns(Object.values(at), (record: unknown[]): AuditEvent | null => {
      const caseId = known(record[at.case]);
      if (caseId === null) return null;
      const time = parseTime(cell(record, at.at));
      const seq = at.seq >= 0 ? parseNumber(record[at.seq]) : Number.isNaN(time) ? null : time;
      const status = known(cell(record, at.status))?.toLowerCase();
      let resolvedAt = parseTime(cell(record, at.resolved));
      if (Number.isNaN(resolvedAt) && status !== undefined && RESOLVED.has(status)) resolvedAt = time;
      return {
        caseId,
        seq: seq ?? Number.POSITIVE_INFINITY,
        group: known(record[at.team]),
        owner: known(record[at.owner]) === null ? 'none' : 'known',
        slaMet: parseBool(cell(record, at.sla)),
        reopened: reopened(cell(record, at.reopened)),
        at: time,
        openedAt: parseTime(cell(record, at.opened)),
        resolvedAt,
        satisfaction: satisfaction(cell(record, at.satisfaction)),
      };
    });
  },
};

export { satisfaction as parseSatisfaction };
