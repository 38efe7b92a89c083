import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { LiveEvent } from '../api/types.ts';
import { type AvailabilityChange, type LiveMessage, type LiveStream, openLiveStream } from './stream.ts';

const LiveContext = createContext<LiveStream | null>(null);
const SettledContext = createContext(true);

/** How long pages wait for the stream before reading anyway (a proxy that holds streams back). */
export const settleMs = 2_000;

/**
 * Opens the shared live stream for the signed-in person while mounted. The stream is settled once
 * it says whether it is connected (or after `settleMs`): pages read what they show only then, so an
 * event between a page's first read and the stream's opening is not missed. One that connects only
 * after that wait, or after failing first, asks every page to read again (a resync), which closes
 * the same gap.
 */
export function LiveProvider({ personKey, children }: { personKey: string; children: ReactNode }) {
  const [stream, setStream] = useState<LiveStream | null>(null);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const s = openLiveStream(`baton-live:${personKey}`);
    setStream(s);
    setSettled(false);
    // Whether the pages were let read before the stream first connected (it was slow, or failed).
    let released = false;
    const release = () => {
      released = true;
      setSettled(true);
    };
    const timer = setTimeout(release, settleMs);
    const off = s.subscribe((m) => {
      if (m.kind !== 'status') return;
      clearTimeout(timer);
      if (!m.connected) return release();
      off();
      if (released) s.resync();
      else release();
    });
    return () => {
      clearTimeout(timer);
      off();
      s.close();
    };
  }, [personKey]);
  return (
    <LiveContext.Provider value={stream}>
      <SettledContext.Provider value={settled}>{children}</SettledContext.Provider>
    </LiveContext.Provider>
  );
}

/** Renders `children` (the pages) once the live stream is settled, `waiting` until then. */
export function WhenLive({ children, waiting }: { children: ReactNode; waiting: ReactNode }) {
  return useContext(SettledContext) ? children : waiting;
}

/** Whether the live stream is connected (for the status dot in the header). */
export function useLiveStatus(): boolean {
  const stream = useContext(LiveContext);
  const [connected, setConnected] = useState(stream?.connected ?? false);
  useEffect(() => {
    if (!stream) return;
    setConnected(stream.connected);
    return stream.subscribe((m) => {
      if (m.kind === 'status') setConnected(m.connected);
    });
  }, [stream]);
  return connected;
}

/**
 * Calls `onChange` with the events that match, gathered over `delayMs` so that the burst one action
 * writes (sent, owner assigned, clocks started) costs one re-fetch. A resync calls it with `null`:
 * re-fetch everything shown.
 */
export function useLive(
  match: (e: LiveEvent) => boolean,
  onChange: (events: LiveEvent[] | null) => void,
  delayMs = 120,
) {
  const stream = useContext(LiveContext);
  const latest = useRef({ match, onChange });
  latest.current = { match, onChange };
  useEffect(() => {
    if (!stream) return;
    let pending: LiveEvent[] = [];
    let resync = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const batch = resync ? null : pending;
      pending = [];
      resync = false;
      latest.current.onChange(batch);
    };
    const off = stream.subscribe((m) => {
      if (m.kind !== 'event' && m.kind !== 'resync') return;
      if (m.kind === 'resync') resync = true;
      else if (latest.current.match(m.event)) pending.push(m.event);
      else return;
      timer ??= setTimeout(flush, delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [stream, delayMs]);
}

/** Calls `onChange` when people arrive in or leave the room of `caseId` (and after a resync). */
export function usePresenceSignal(caseId: string | undefined, onChange: () => void) {
  const stream = useContext(LiveContext);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!stream || !caseId) return;
    return stream.subscribe((m) => {
      if ((m.kind === 'presence' && m.caseId === caseId) || m.kind === 'resync') latest.current();
    });
  }, [stream, caseId]);
}

/**
 * Calls `onChange` once for a burst of the stream's messages that `wanted` picks, `wait()` ms after
 * the first of them (the messages meanwhile join it), with the messages gathered.
 */
function useGatheredSignal(
  wanted: (m: LiveMessage) => boolean,
  onChange: (gathered: LiveMessage[]) => void,
  wait: () => number,
) {
  const stream = useContext(LiveContext);
  const latest = useRef({ wanted, onChange, wait });
  latest.current = { wanted, onChange, wait };
  useEffect(() => {
    if (!stream) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gathered: LiveMessage[] = [];
    const off = stream.subscribe((m) => {
      if (!latest.current.wanted(m)) return;
      gathered.push(m);
      timer ??= setTimeout(() => {
        timer = undefined;
        const burst = gathered;
        gathered = [];
        latest.current.onChange(burst);
      }, latest.current.wait());
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [stream]);
}

/**
 * Calls `onChange` when the organisation's reference data changed (someone lost access, a team or
 * scenario was edited) and after a resync, once per burst: a provisioning run that changes fifty
 * people is one re-read. Each page waits a little longer at random, so that an organisation's open
 * pages do not all read at the same instant. A burst of status changes alone comes as
 * `availability`, the new statuses in order, to apply without reading anything.
 */
export function useReferenceSignal(
  onChange: (changed: { reread: true } | { reread: false; availability: AvailabilityChange[] }) => void,
  delayMs = 400,
) {
  useGatheredSignal(
    (m) => m.kind === 'reference' || m.kind === 'resync',
    (burst) => {
      const availability = burst.flatMap((m) =>
        m.kind === 'reference' && m.availability ? [m.availability] : [],
      );
      onChange(availability.length === burst.length ? { reread: false, availability } : { reread: true });
    },
    () => delayMs + Math.random() * delayMs * 2,
  );
}

/** Calls `onChange` when the person's own record changed (their status, set by a lead or in another tab). */
export function useMeSignal(onChange: () => void) {
  const stream = useContext(LiveContext);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!stream) return;
    return stream.subscribe((m) => {
      if (m.kind === 'me') latest.current();
    });
  }, [stream]);
}

/**
 * Calls `onChange` when the person's notifications changed, at most every `delayMs`; also once the
 * stream connects (a notice written between the bell's first read and the connection would be
 * missed otherwise) and after a resync.
 */
export function useInboxSignal(onChange: () => void, delayMs = 250) {
  useGatheredSignal(
    (m) => m.kind === 'inbox' || m.kind === 'resync' || (m.kind === 'status' && m.connected),
    onChange,
    () => delayMs,
  );
}
