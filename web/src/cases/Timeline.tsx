import type { CaseEvent } from '../api/types.ts';
import { withErasedMarks } from '../app/Erased.tsx';
import { eventLabel, formatDateTime, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { eventDetail } from './event-detail.ts';

/** A zero-target clock's breach (a supervisor paged the moment a handoff is sent): not a broken promise. */
const pagedAtOnce = (e: CaseEvent) => e.type === 'sla.breached' && e.data?.paged === true;

/** The append-only log of the case, oldest first. */
export function Timeline({ events }: { events: CaseEvent[] }) {
  const s = useSession();
  const names = {
    person: s.personName,
    team: (key: string) => s.teams.find((t) => t.key === key)?.name ?? humanize(key),
  };
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li
          key={e.id}
          className={`timeline-item ev-${e.type.split('.')[0]} ev-${pagedAtOnce(e) ? 'sla-paged' : e.type.replace('.', '-')}`}
          id={`event-${e.id}`}
        >
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <span className="timeline-type">{pagedAtOnce(e) ? 'Paged at once' : eventLabel(e.type)}</span>
          <span className="timeline-detail">
            {withErasedMarks(eventDetail(e.type, e.data, names))}
            {e.actorId ? <span className="muted"> — by {s.personName(e.actorId)}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
