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

const notify = () => {
  version++;
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
    .cases(500)
    .then((list) => {
      for (const c of list) titles.set(c.id, { subject: c.subject, customer: c.customer });
      notify();
    })
    .catch(() => {
      seeded = false;
    });
}

export function rememberCaseTitle(id: string, subject: string, customer: string) {
  titles.set(id, { subject, customer });
  notify();
}

const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

/** The subject and customer of a case, or undefined while it loads (null if it cannot be read). */
export function useCaseTitle(caseId: string): CaseTitle | undefined {
  useSyncExternalStore(subscribe, () => version);
  useEffect(() => {
    if (titles.has(caseId) || wanted.includes(caseId)) return;
    // Rows scrolled past quickly are dropped from the front of the line: the newest wishes win.
    wanted.unshift(caseId);
    if (wanted.length > 40) wanted.length = 40;
    const t = setTimeout(pump, seeded ? 150 : 400);
    return () => clearTimeout(t);
  }, [caseId]);
  return titles.get(caseId);
}
