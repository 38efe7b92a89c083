import { useEffect, useState } from 'react';
import { randomKey } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Viewer } from '../api/types.ts';
import { usePresenceSignal } from '../live/useLive.tsx';

export const heartbeatMs = 15_000;

/**
 * Who is viewing the case now, the caller included: a heartbeat every 15 s while mounted (its answer
 * is the room), a re-fetch when the live stream says someone arrived or left, and a goodbye on leaving.
 */
export function usePresence(caseId: string | undefined): Viewer[] | undefined {
  const [viewers, setViewers] = useState<Viewer[]>();

  useEffect(() => {
    if (!caseId) return;
    // One key per view: two tabs on one case are two viewers of one person, and the goodbye of a
    // view that closes can never remove the view that replaces it (whatever order they arrive in).
    const tab = randomKey().slice(0, 16);
    let stopped = false;
    const beat = () =>
      api.heartbeat(caseId, tab).then(
        (v) => {
          if (!stopped) setViewers(v);
        },
        () => undefined, // presence is best effort: the next beat tries again
      );
    void beat();
    const timer = setInterval(beat, heartbeatMs);
    const leave = () => void api.heartbeat(caseId, tab, true).catch(() => undefined);
    // A page coming back from the back/forward cache beats again at once.
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) void beat();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', onShow);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', onShow);
      leave();
    };
  }, [caseId]);

  usePresenceSignal(caseId, () => {
    if (caseId) api.presence(caseId).then(setViewers, () => undefined);
  });

  return viewers;
}
