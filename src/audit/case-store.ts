import type { AuditEvent, CaseRow, OwnerState } from './audit.types.ts';
import { detach } from './values.ts';

type CaseState = {
  head: number;
  tail: number;
  count: number;
  sorted: boolean;
  lastSeq: number;
  openedAt: number;
  firstAt: number;
  resolvedAt: number;
  resolvedSeq: number;
};

export type StoredCase = { id: string; rows: CaseRow[]; openedAt: number; resolvedAt: number };

const OWNERS: OwnerState[] = ['none', 'known', 'same'];
const OWNER_CODE = { none: 0, known: 1, same: 2 } as const;
const SATISFACTION = [null, 'good', 'bad'] as const;

/** One row packed in a byte: owner (2 bits), SLA flag (2), reopened (1), satisfaction (2). */
function pack(e: AuditEvent): number {
  const sla = e.slaMet === null ? 0 : e.slaMet ? 1 : 2;
  const sat = e.satisfaction === null ? 0 : e.satisfaction === 'good' ? 1 : 2;
  return OWNER_CODE[e.owner] | (sla << 2) | ((e.reopened ? 1 : 0) << 4) | (sat << 5);
}

/**
 * Holds every case's rows until the input ends: the contract orders a case's rows by
 * `sys_mod_count`, and an export need not list a case's rows together or in order. Rows are
 * packed in typed columns (about 25 bytes a row) and chained per case; group names are interned;
 * case ids are copied out of the input chunk they were cut from.
 */
export class CaseStore {
  private readonly cases = new Map<string, CaseState>();
  private readonly groupIds = new Map<string, number>();
  private readonly groupNames: string[] = [];
  private capacity = 1024;
  private seq = new Float64Array(this.capacity);
  private at = new Float64Array(this.capacity);
  private group = new Int32Array(this.capacity);
  private next = new Int32Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  events = 0;

  add(event: AuditEvent): void {
    const row = this.events++;
    if (row === this.capacity) this.grow();
    this.seq[row] = event.seq;
    this.at[row] = event.at;
    this.group[row] = event.group === null ? -1 : this.intern(event.group);
    this.flags[row] = pack(event);
    this.next[row] = -1;
    let state = this.cases.get(event.caseId);
    if (state === undefined) {
      state = {
        head: row,
        tail: row,
        count: 0,
        sorted: true,
        lastSeq: event.seq,
        openedAt: Number.NaN,
        firstAt: Number.NaN,
        resolvedAt: Number.NaN,
        resolvedSeq: Number.NEGATIVE_INFINITY,
      };
      this.cases.set(detach(event.caseId), state);
    } else {
      this.next[state.tail] = row;
      state.tail = row;
      if (event.seq < state.lastSeq) state.sorted = false;
      state.lastSeq = event.seq;
    }
    state.count++;
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
      const rows: CaseRow[] = new Array(state.count);
      for (let row = state.head, i = 0; row >= 0; row = this.next[row], i++) {
        const flags = this.flags[row];
        const sla = (flags >> 2) & 3;
        rows[i] = {
          seq: this.seq[row],
          group: this.group[row] < 0 ? null : this.groupNames[this.group[row]],
          owner: OWNERS[flags & 3],
          slaMet: sla === 0 ? null : sla === 1,
          reopened: ((flags >> 4) & 1) === 1,
          at: this.at[row],
          satisfaction: SATISFACTION[(flags >> 5) & 3],
        };
      }
      if (!state.sorted) rows.sort((a, b) => a.seq - b.seq || 0);
      this.cases.delete(id);
      const openedAt = Number.isNaN(state.openedAt) ? state.firstAt : state.openedAt;
      yield { id, rows, openedAt, resolvedAt: state.resolvedAt };
    }
  }

  private intern(group: string): number {
    let id = this.groupIds.get(group);
    if (id === undefined) {
      id = this.groupNames.length;
      const name = detach(group);
      this.groupNames.push(name);
      this.groupIds.set(name, id);
    }
    return id;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(old: T): T => {
      const array = new (old.constructor as new (n: number) => T)(this.capacity);
      array.set(old);
      return array;
    };
    this.seq = grown(this.seq);
    this.at = grown(this.at);
    this.group = grown(this.group);
    this.next = grown(this.next);
    this.flags = grown(this.flags);
  }
}
