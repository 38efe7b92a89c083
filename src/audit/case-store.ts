import type { AuditEvent, CaseRow } from './audit.types.ts';
import { detach } from './values.ts';

type CaseState = {
  rows: CaseRow[];
  sorted: boolean;
  openedAt: number;
  firstAt: number;
  resolvedAt: number;
  resolvedSeq: number;
};

export type StoredCase = { id: string; rows: CaseRow[]; openedAt: number; resolvedAt: number };

/**
 * Holds every case's rows, compactly, until the input ends: the contract orders a case's rows by
 * `sys_mod_count`, and an export need not list a case's rows together or in order. Memory grows
 * with the number of rows (a few dozen bytes each); group names are interned, case ids copied
 * out of the input chunk they were cut from.
 */
export class CaseStore {
  private readonly cases = new Map<string, CaseState>();
  private readonly groups = new Map<string, string>();
  events = 0;

  add(event: AuditEvent): void {
    this.events++;
    let state = this.cases.get(event.caseId);
    if (state === undefined) {
      state = {
        rows: [],
        sorted: true,
        openedAt: Number.NaN,
        firstAt: Number.NaN,
        resolvedAt: Number.NaN,
        resolvedSeq: Number.NEGATIVE_INFINITY,
      };
      this.cases.set(detach(event.caseId), state);
    }
    const rows = state.rows;
    const last = rows.length > 0 ? rows[rows.length - 1] : undefined;
    if (last !== undefined && event.seq < last.seq) state.sorted = false;
    rows.push({
      seq: event.seq,
      group: event.group === null ? null : this.intern(event.group),
      owner: event.owner,
      slaMet: event.slaMet,
      reopened: event.reopened,
      at: event.at,
      satisfaction: event.satisfaction,
    });
    if (!Number.isNaN(event.openedAt) && !(event.openedAt >= state.openedAt)) state.openedAt = event.openedAt;
    if (!Number.isNaN(event.at) && !(event.at >= state.firstAt)) state.firstAt = event.at;
    if (!Number.isNaN(event.resolvedAt) && event.seq >= state.resolvedSeq) {
      state.resolvedAt = event.resolvedAt;
      state.resolvedSeq = event.seq;
    }
  }

  get size(): number {
    return this.cases.size;
  }

  /** Each case with its rows in order (by `seq`, ties in input order), releasing it as it goes. */
  *drain(): Generator<StoredCase> {
    for (const [id, state] of this.cases) {
      if (!state.sorted) state.rows.sort((a, b) => a.seq - b.seq || 0);
      this.cases.delete(id);
      const openedAt = Number.isNaN(state.openedAt) ? state.firstAt : state.openedAt;
      yield { id, rows: state.rows, openedAt, resolvedAt: state.resolvedAt };
    }
  }

  private intern(group: string): string {
    let canonical = this.groups.get(group);
    if (canonical === undefined) {
      canonical = detach(group);
      this.groups.set(canonical, canonical);
    }
    return canonical;
  }
}
