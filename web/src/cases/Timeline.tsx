import type { CaseEvent } from '../api/types.ts';
import { eventLabel, formatDateTime, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';

function describe(e: CaseEvent, personName: (id: string) => string): string {
  const d = e.data ?? {};
  const parts: string[] = [];
  if (typeof d.toTeam === 'string') parts.push(`to ${humanize(d.toTeam)}`);
  if (typeof d.ownerId === 'string') parts.push(`owner ${personName(d.ownerId)}`);
  if (typeof d.clock === 'string') parts.push(`${humanize(d.clock)} clock`);
  if (typeof d.kind === 'string') parts.push(humanize(d.kind));
  if (typeof d.reason === 'string') parts.push(`reason: ${humanize(d.reason)}`);
  if (typeof d.role === 'string') parts.push(`from ${d.role}`);
  if (typeof d.completeness === 'number') parts.push(`completeness ${d.completeness}%`);
  return parts.join(' · ');
}

/** The append-only log of the case, oldest first. */
export function Timeline({ events }: { events: CaseEvent[] }) {
  const s = useSession();
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li
          key={e.id}
          className={`timeline-item ev-${e.type.split('.')[0]} ev-${e.type.replace('.', '-')}`}
          id={`event-${e.id}`}
        >
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <span className="timeline-type">{eventLabel(e.type)}</span>
          <span className="timeline-detail">
            {describe(e, s.personName)}
            {e.actorId ? <span className="muted"> — by {s.personName(e.actorId)}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
