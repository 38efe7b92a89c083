import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { CaseSummary } from '../api/types.ts';

export type CaseListFilter = { q: string; status: string };

const pageSize = 50;
/** The most a refresh asks for at once (the API's own limit). */
const refreshMax = 500;

/**
 * The case list, a page at a time: `more()` appends the next page from the list's cursor, and
 * `refresh()` (on live events) reloads as many cases as are shown or asked for, so a list the
 * reader has extended does not shrink back to one page under them.
 */
export function useCaseList(filter: CaseListFilter) {
  const [state, setState] = useState<{
    items?: CaseSummary[];
    nextCursor: string | null;
    loading: boolean;
    error?: Error;
  }>({ nextCursor: null, loading: true });
  const generation = useRef(0);
  const shown = useRef(0);
  shown.current = state.items?.length ?? 0;
  // How many cases the reader has asked to see: a refresh that overtakes "Show more" loads them all,
  // so the click is not lost to a live event.
  const asked = useRef(pageSize);
  const params = { q: filter.q.trim() || undefined, status: filter.status || undefined };
  const key = JSON.stringify(params);

  const load = useCallback(
    (limit: number, append?: { items: CaseSummary[]; cursor: string }) => {
      const mine = ++generation.current;
      const controller = new AbortController();
      setState((s) => ({ ...s, loading: true, error: undefined }));
      api.cases({ ...JSON.parse(key), limit, cursor: append?.cursor }, controller.signal).then(
        (page) => {
          if (mine !== generation.current) return;
          setState({
            items: append ? [...append.items, ...page.items] : page.items,
            nextCursor: page.nextCursor,
            loading: false,
          });
        },
        (error: Error) => {
          if (mine === generation.current && !controller.signal.aborted)
            setState((s) => ({ ...s, error, loading: false }));
        },
      );
      return () => controller.abort();
    },
    [key],
  );

  // A new search or filter keeps the cases on screen until its first page replaces them (no flash
  // of "Loading" at each pause in typing); no page can be appended to them meanwhile.
  useEffect(() => {
    asked.current = pageSize;
    setState((s) => ({ ...s, nextCursor: null, loading: true }));
    return load(pageSize);
  }, [load]);

  const refresh = useCallback(
    () => load(Math.min(refreshMax, Math.max(asked.current, shown.current))),
    [load],
  );
  const more = () => {
    if (!state.items || !state.nextCursor || state.loading) return;
    asked.current = state.items.length + pageSize;
    load(pageSize, { items: state.items, cursor: state.nextCursor });
  };
  return { ...state, refresh, more };
}
