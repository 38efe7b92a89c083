import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api/endpoints.ts';

/**
 * Case subjects for rows that only carry a case id (queue and board rows). Seeded from the case list,
 * then fetched on demand for the rows on screen, a few at a time, and kept for the session.
 */
export type CaseTitle = { subject: string; customer: string } | null;

const titles = new Map<string, CaseTitle>();
const wanted: string[] = [];
const listeners = new Set<() => void>();
let inFlight = 0;
let version = 0;
let seeded = false;
let timer: ReturnType<typeof setTimeout> | undefined;

let lookup = (caseId: string): CaseTitle | undefined => titles.get(caseId);

const notify = () => {
  version++;
  lookup = (caseId) => titles.get(caseId);
  for (const fn of listeners) fn();
};

function pump() {
  while (inFlight < 4 && wanted.length) {
    const id = wanted.shift()!;
    if (titles.has(id)) continue;
    inFlight++;
    api
      .case(id)
      .then(
        (c) => titles.set(id, { subject: c.subject, customer: c.customer.name }),
        () => titles.set(id, null),
      )
      .finally(() => {
        inFlight--;
        notify();
        pump();
      });
  }
}

export function seedCaseTitles() {
  if (seeded) return;
  seeded = true;
  api
    .cases({ limit: 500 })
    .then((page) => {
      for (const c of page.items) titles.set(c.id, { subject: c.subject, customer: c.customer });
      notify();
    })
    .catch(() => {
      seeded = false;
    });
}

/** One pending pump for all rows: a row that unmounts before it runs does not cancel the others' wishes. */
function schedule(delayMs: number) {
  if (timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    pump();
  }, delayMs);
}

const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

/** The subject and customer of a case, or undefined while it loads (null if it cannot be read). */
export function useCaseTitle(caseId: string): CaseTitle | undefined {
  useSyncExternalStore(subscribe, () => version);
  useEffect(() => {
    if (titles.has(caseId)) return;
    // The newest wishes go first and the line stays short: rows scrolled past quickly are dropped.
    if (!wanted.includes(caseId)) wanted.unshift(caseId);
    if (wanted.length > 40) wanted.length = 40;
    schedule(seeded ? 60 : 300);
  }, [caseId]);
  return titles.get(caseId);
}

/**
 * The titles known so far (no fetch), as a lookup: a filter over rows reads it at once, and it is a
 * new function whenever titles arrive, so a memo that depends on it runs again.
 */
export const useKnownCaseTitles = () => useSyncExternalStore(subscribe, () => lookup);
