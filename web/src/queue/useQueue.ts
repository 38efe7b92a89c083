import { useCallback, useEffect, useRef, useState } from 'react';
import { allHandoffs, api } from '../api/endpoints.ts';
import type { HandoffItem, HandoffState, LiveEvent } from '../api/types.ts';
import { useLive } from '../live/useLive.tsx';
import { nextDeadline } from '../sla/clock-status.ts';

export type QueueState = HandoffState | 'open' | 'all';
export type QueueFilter = { owner?: string; team?: string; state: QueueState };

const statesOf = (s: QueueState): (HandoffState | undefined)[] =>
  s === 'open' ? ['sent', 'accepted'] : s === 'all' ? [undefined] : [s];

export function matches(h: HandoffItem, f: QueueFilter): boolean {
  if (f.owner && h.owner?.id !== f.owner) return false;
  if (f.team && h.toTeam !== f.team) return false;
  if (f.state === 'open') return h.state === 'sent' || h.state === 'accepted';
  return f.state === 'all' || h.state === f.state;
}

/** Most urgent first: the nearest running deadline, then the oldest. */
function sortQueue(items: HandoffItem[]): HandoffItem[] {
  const keyed = items.map((h) => ({ h, d: nextDeadline(h.sla), c: h.createdAt ?? '' }));
  keyed.sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  return keyed.map((k) => k.h);
}

export type Queue = {
  items: HandoffItem[];
  loading: boolean;
  complete: boolean;
  error: unknown;
  reload: () => void;
  upsert: (h: HandoffItem) => void;
};

/**
 * A queue: every page of the filtered handoffs (shown as soon as the first page lands), kept
 * current from the live stream by re-fetching only the handoffs an event names.
 */
export function useQueue(filter: QueueFilter, max = 10_000): Queue {
  const [items, setItems] = useState<HandoffItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState<unknown>();
  const byId = useRef(new Map<string, HandoffItem>());
  const key = JSON.stringify(filter);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const generation = useRef(0);

  const publish = useCallback(() => setItems(sortQueue([...byId.current.values()])), []);

  const load = useCallback(() => {
    const mine = ++generation.current;
    const controller = new AbortController();
    const f = JSON.parse(key) as QueueFilter;
    const fresh = new Map<string, HandoffItem>();
    setLoading(true);
    setComplete(false);
    setError(undefined);
    let pending = statesOf(f.state).length;
    for (const state of statesOf(f.state)) {
      allHandoffs(
        { owner: f.owner, team: f.team, state },
        {
          max,
          signal: controller.signal,
          onPage: (page) => {
            if (mine !== generation.current) return;
            for (const h of page) fresh.set(h.id, h as HandoffItem);
            byId.current = fresh;
            publish();
            setLoading(false);
          },
        },
      ).then(
        () => {
          if (mine === generation.current && --pending === 0) {
            setComplete(true);
            setLoading(false);
          }
        },
        (err) => {
          if (mine === generation.current && !controller.signal.aborted) {
            setError(err);
            setLoading(false);
          }
        },
      );
    }
    return () => controller.abort();
  }, [key, max, publish]);

  useEffect(() => {
    byId.current = new Map();
    setItems([]);
    return load();
  }, [load]);

  const upsert = useCallback(
    (h: HandoffItem) => {
      if (matches(h, filterRef.current)) byId.current.set(h.id, h);
      else byId.current.delete(h.id);
      publish();
    },
    [publish],
  );

  const onLive = useCallback(
    async (events: LiveEvent[] | null) => {
      const ids = events
        ? [...new Set(events.map((e) => e.handoffId).filter((x): x is string => Boolean(x)))]
        : null;
      if (!ids || ids.length > 25) {
        load();
        return;
      }
      const fetched = await Promise.all(ids.map((id) => api.handoff(id).catch(() => null)));
      for (const h of fetched) if (h) upsert(h as unknown as HandoffItem);
    },
    [load, upsert],
  );
  useLive(
    (e) => e.handoffId !== null,
    (events) => void onLive(events),
  );

  return { items, loading, complete, error, reload: load, upsert };
}
