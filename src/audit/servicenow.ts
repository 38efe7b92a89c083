import type { AuditEvent } from './audit.types.ts';
import { type ColumnAdapter, columnIndex, readsColumns } from './columns.ts';
import { AuditInputError, known, parseBool, parseNumber, parseTime } from './values.ts';

const REQUIRED = ['number', 'sys_mod_count', 'assignment_group', 'assigned_to', 'made_sla', 'reopen_count'];
const OPTIONAL = ['sys_updated_at', 'opened_at', 'resolved_at', 'closed_at'];

/** Reads a time cell, re-parsing only when it differs from the cell above (exports repeat them). */
function cachedTime() {
  let lastText: unknown = null;
  let lastValue = Number.NaN;
  return (value: unknown): number => {
    if (value !== lastText) {
      lastText = value;
      lastValue = parseTime(value);
    }
    return lastValue;
  };
}

/**
 * ServiceNow's incident event log (one row per update): `number` is the case, `sys_mod_count`
 * orders its rows, `assignment_group` / `assigned_to` hold the team and the owner, `made_sla` and
 * `reopen_count` the outcomes, `?` (or an empty cell) is unknown. `sys_updated_at` times the row;
 * `opened_at` and `resolved_at` (else `closed_at`) time the case.
 */
export const servicenow: ColumnAdapter = {
  create(header: string[]) {
    const at = columnIndex(header);
    const missing = REQUIRED.filter((name) => at(name) < 0);
    if (missing.length > 0) {
      throw new AuditInputError(`servicenow: missing column(s) ${missing.join(', ')} in the header row`);
    }
    const [number, mod, group, owner, sla, reopen] = REQUIRED.map((name) => at(name));
    const [updated, opened, resolved, closed] = OPTIONAL.map((name) => at(name));
    const updatedTime = cachedTime();
    const openedTime = cachedTime();
    const resolvedTime = cachedTime();
    const closedTime = cachedTime();
    const columns = [number, mod, group, owner, sla, reopen, updated, opened, resolved, closed];
    return readsColumns(columns, (record: unknown[]): AuditEvent | null => {
      const caseId = known(record[number]);
      if (caseId === null) return null;
      const seq = parseNumber(record[mod]);
      const reopenCount = parseNumber(record[reopen]);
      let resolvedAt = resolved < 0 ? Number.NaN : resolvedTime(record[resolved]);
      if (Number.isNaN(resolvedAt) && closed >= 0) resolvedAt = closedTime(record[closed]);
      return {
        caseId,
        seq: seq ?? Number.POSITIVE_INFINITY,
        group: known(record[group]),
        owner: known(record[owner]) === null ? 'none' : 'known',
        slaMet: parseBool(record[sla]),
        reopened: reopenCount !== null && reopenCount > 0,
        at: updated < 0 ? Number.NaN : updatedTime(record[updated]),
        openedAt: opened < 0 ? Number.NaN : openedTime(record[opened]),
        resolvedAt,
        satisfaction: null,
      };
    });
  },
};
