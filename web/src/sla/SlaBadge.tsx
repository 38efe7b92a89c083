import { useSyncExternalStore } from 'react';
import type { Calendar } from '../api/types.ts';
import { humanize } from '../app/format.ts';
import { type ClockLike, type ClockStatus, clockStatus } from './clock-status.ts';

// One ticker for the whole page: every countdown on screen re-renders on the same second.
const tickers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(fn: () => void) {
  tickers.add(fn);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const t of tickers) t();
    }, 1000);
  }
  return () => {
    tickers.delete(fn);
    if (tickers.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, re-rendering once a second while mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

export function StatusPill({ status, compact }: { status: ClockStatus; compact?: boolean }) {
  return (
    <span className={`pill sla-${status.level}`}>
      <span className="pill-dot" aria-hidden="true" />
      <span className="pill-label">{status.label}</span>
      {!compact && status.detail ? <span className="pill-detail">{status.detail}</span> : null}
    </span>
  );
}

/** A live countdown for one clock: its name, state in words, and business time left. */
export function SlaBadge({
  clock,
  calendar,
  showName = true,
}: {
  clock: ClockLike;
  calendar: Calendar | undefined;
  showName?: boolean;
}) {
  const at = useNow();
  const status = clockStatus(clock, calendar, at);
  return (
    <span
      className={`sla sla-${status.level}`}
      title={clock.deadline ? `Due ${new Date(clock.deadline).toLocaleString()}` : undefined}
    >
      {showName ? <span className="sla-name">{humanize(clock.name)}</span> : null}
      <StatusPill status={status} />
    </span>
  );
}
