import type { CaseResult, CaseRow, Handoff } from './audit.types.ts';

export type AnalyseOptions = {
  /** Unknown SLA flags inherit the row before (formats that only record changes). */
  carrySla?: boolean;
};

/**
 * The handoffs and outcomes of one case, its rows already in order. A handoff is a row whose
 * known group differs from the last known group before it (rows with an unknown group are
 * skipped, not compared). Each handoff's leg runs from its own row up to, not including, the
 * next handoff's row, or to the case's last row included.
 */
export function analyseCase(
  rows: CaseRow[],
  openedAt = Number.NaN,
  resolvedAt = Number.NaN,
  options: AnalyseOptions = {},
): CaseResult {
  const owned = ownership(rows);
  const starts: number[] = [];
  const handoffs: Handoff[] = [];
  const groups: string[] = [];
  const seen = new Set<string>();
  const held = new Map<string, number>();
  let current: string | null = null;
  let reopened = false;
  let sla: boolean | null = null;
  let satisfaction: 'good' | 'bad' | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.reopened) reopened = true;
    if (row.satisfaction !== null) satisfaction = row.satisfaction;
    sla = row.slaMet !== null || !options.carrySla ? row.slaMet : sla;
    const group = row.group;
    if (group !== null && group !== current) {
      if (current !== null) {
        starts.push(i);
        handoffs.push({
          from: current,
          to: group,
          pingPong: seen.has(group),
          ownerless: true,
          pickupMs: NaN,
        });
      }
      if (!seen.has(group)) {
        seen.add(group);
        groups.push(group);
      }
      current = group;
    }
    const next = rows[i + 1];
    if (current !== null && next !== undefined && Number.isFinite(row.at) && Number.isFinite(next.at)) {
      held.set(current, (held.get(current) ?? 0) + Math.max(0, next.at - row.at));
    }
  }
  for (let k = 0; k < handoffs.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : rows.length;
    for (let i = start; i < end; i++) {
      if (!owned[i]) continue;
      handoffs[k].ownerless = false;
      const wait = rows[i].at - rows[start].at;
      if (Number.isFinite(wait)) handoffs[k].pickupMs = Math.max(0, wait);
      break;
    }
  }
  const resolutionMs = resolvedAt - openedAt;
  return {
    events: rows.length,
    handoffs,
    slaMissed: sla === false,
    slaKnown: sla !== null,
    reopened,
    firstGroup: groups[0] ?? null,
    lastGroup: current,
    groups,
    held,
    resolutionMs: Number.isFinite(resolutionMs) && resolutionMs >= 0 ? resolutionMs : Number.NaN,
    satisfaction,
  };
}

/** Whether each row has a named owner; `same` inherits the row before (nobody at the start). */
function ownership(rows: CaseRow[]): boolean[] {
  const owned: boolean[] = new Array(rows.length);
  let previous = false;
  for (let i = 0; i < rows.length; i++) {
    const owner = rows[i].owner;
    previous = owner === 'same' ? previous : owner === 'known';
    owned[i] = previous;
  }
  return owned;
}
