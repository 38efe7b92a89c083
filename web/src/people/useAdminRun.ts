import { useCallback, useState } from 'react';
import type { HandedOn } from '../api/types.ts';
import { counted } from '../app/format.ts';
import { useSession } from '../app/session.tsx';

export type AdminRun = {
  /** Which action is under way (its key), so its buttons show it and others wait. */
  busy: string | null;
  /** The last change done, in words, for the page's status line. */
  notice: string | null;
  /** A failure outside any dialog (an availability change, a re-read). */
  error: unknown;
  clearNotice: () => void;
  /** Shows a failure of an action that has no dialog of its own. */
  fail: (error: unknown) => void;
  /**
   * Runs one change, then re-reads the organisation's people and teams so every page sees it.
   * Throws the change's own error for the caller's dialog or field; a failed re-read after a change
   * that worked lands in `error` instead, so nobody is told to retry what is already done.
   */
  run: <T>(key: string, change: () => Promise<T>, said?: (answer: T) => string) => Promise<T>;
};

export function useAdminRun(): AdminRun {
  const s = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();

  const run = useCallback(
    async <T>(key: string, change: () => Promise<T>, said?: (answer: T) => string): Promise<T> => {
      setBusy(key);
      setError(undefined);
      setNotice(null);
      try {
        const answer = await change();
        if (said) setNotice(said(answer));
        await s.refresh().catch((e: unknown) => setError(e));
        return answer;
      } finally {
        setBusy(null);
      }
    },
    [s.refresh],
  );

  return {
    busy,
    notice,
    error,
    clearNotice: () => setNotice(null),
    fail: setError,
    run: run as AdminRun['run'],
  };
}

/** How many open handoffs a change handed on (the API answers a count; a list counts as well). */
export const handedOnCount = (a: HandedOn): number =>
  typeof a.handedOn === 'number' ? a.handedOn : a.handedOn.length;

/** "no open handoff", "1 open handoff", "3 open handoffs" */
export const openWork = (n: number) => (n === 0 ? 'no open handoff' : counted(n, 'open handoff'));

/** "handed on 2 open handoffs", or nothing to say when none moved. */
export const movedWords = (a: HandedOn) => {
  const n = handedOnCount(a);
  return n === 0 ? 'no open handoff needed a new owner' : `${counted(n, 'open handoff')} handed on`;
};
