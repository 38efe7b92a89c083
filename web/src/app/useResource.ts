import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> = {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Re-fetches in the background: the current data stays on screen meanwhile. */
  reload: () => void;
  /** Replaces the data without a fetch (after an action answered with the new state). */
  set: (data: T) => void;
};

/** Loads `load()` when `key` changes; a stale answer never overwrites a newer one. */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error; loading: boolean }>({
    key,
    loading: key !== null,
  });
  const loader = useRef(load);
  loader.current = load;
  const generation = useRef(0);

  const run = useCallback(() => {
    if (key === null) return () => undefined;
    const mine = ++generation.current;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    loader.current(controller.signal).then(
      (data) => {
        if (mine === generation.current) setState({ key, data, loading: false });
      },
      (error: Error) => {
        if (mine === generation.current && !controller.signal.aborted)
          setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key]);

  useEffect(() => {
    setState((s) => (s.key === key ? s : { key, loading: key !== null }));
    return run();
  }, [key, run]);

  const set = useCallback(
    (data: T) => {
      generation.current++;
      setState({ key, data, loading: false });
    },
    [key],
  );

  const current = state.key === key ? state : { loading: key !== null, data: undefined, error: undefined };
  return { data: current.data, error: current.error, loading: current.loading, reload: run, set };
}
