import { useMemo } from 'react';
import type { HandoffItem } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { clockCalendar } from '../sla/calendars.ts';
import { worstClock } from '../sla/clock-status.ts';
import { useNow } from '../sla/SlaBadge.tsx';

/** Breached / at risk / on track across the whole queue, recounted each minute. */
export function QueueCounts({ items }: { items: HandoffItem[] }) {
  const s = useSession();
  const minute = Math.floor(useNow() / 60_000);
  const counts = useMemo(() => {
    const now = minute * 60_000;
    const c = { breached: 0, 'at-risk': 0, ok: 0 };
    for (const h of items) {
      const w = worstClock(h.sla, clockCalendar(s, h), now)?.status.level;
      if (w === 'breached' || w === 'at-risk' || w === 'ok') c[w]++;
    }
    return c;
  }, [items, minute, s]);
  return (
    <dl className="counts" aria-label="Queue health">
      <div className="count count-breached">
        <dt>Breached</dt>
        <dd>{counts.breached}</dd>
      </div>
      <div className="count count-at-risk">
        <dt>At risk</dt>
        <dd>{counts['at-risk']}</dd>
      </div>
      <div className="count count-ok">
        <dt>On track</dt>
        <dd>{counts.ok}</dd>
      </div>
    </dl>
  );
}
