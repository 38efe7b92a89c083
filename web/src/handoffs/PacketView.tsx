import type { Packet } from '../api/types.ts';
import { Erasable } from '../app/Erased.tsx';
import { humanize } from '../app/format.ts';

const emotionTone: Record<string, string> = {
  calm: 'good',
  concerned: 'info',
  frustrated: 'warn',
  angry: 'bad',
};
const urgencyTone: Record<string, string> = { low: 'neutral', normal: 'info', high: 'warn', critical: 'bad' };

function List({ items, empty }: { items: string[] | undefined; empty: string }) {
  if (!items?.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="bullets">
      {items.map((x, i) => (
        // items may repeat; their order is their identity
        // biome-ignore lint/suspicious/noArrayIndexKey: a packet list has no ids
        <li key={i}>
          <Erasable text={x} />
        </li>
      ))}
    </ul>
  );
}

/** The packet, read-only, in the order the receiving person needs it. */
export function PacketView({ packet }: { packet: Packet }) {
  return (
    <div className="packet">
      <div className="packet-tags">
        {packet.emotion ? (
          <span className={`badge badge-${emotionTone[packet.emotion] ?? 'neutral'}`}>
            Customer {packet.emotion}
          </span>
        ) : null}
        {packet.urgency ? (
          <span className={`badge badge-${urgencyTone[packet.urgency] ?? 'neutral'}`}>
            {humanize(packet.urgency)} urgency
          </span>
        ) : null}
      </div>
      <h3 className="subhead">What happened</h3>
      <p className="packet-text">
        {packet.whatHappened ? (
          <Erasable text={packet.whatHappened} />
        ) : (
          <span className="muted">Not given.</span>
        )}
      </p>
      <h3 className="subhead">Already attempted</h3>
      <List items={packet.attempted} empty="Nothing listed." />
      <h3 className="subhead">Next steps</h3>
      <List items={packet.nextSteps} empty="None listed." />
      <h3 className="subhead">Documents</h3>
      <p>
        <span className="muted">On file: </span>
        {packet.documents?.onFile?.length ? packet.documents.onFile.map(humanize).join(', ') : 'none'}
        <br />
        <span className="muted">Needed from the customer: </span>
        {packet.documents?.required?.length ? packet.documents.required.map(humanize).join(', ') : 'none'}
      </p>
      {packet.summary ? (
        <>
          <h3 className="subhead">Conversation summary</h3>
          <p className="packet-text">
            <Erasable text={packet.summary} />
          </p>
        </>
      ) : null}
    </div>
  );
}
