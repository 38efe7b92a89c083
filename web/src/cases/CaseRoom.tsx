import { type FormEvent, useId, useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Viewer } from '../api/types.ts';
import { ErasedMark, isErased } from '../app/Erased.tsx';
import { formatDateTime, formatTime } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { ErrorNote, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { useLive } from '../live/useLive.tsx';
import { MentionComposer } from './MentionComposer.tsx';
import { type Directory, directory, handleOf, tokenize } from './mentions.ts';
import { messageAnchor, useFoundMessage } from './useFoundMessage.ts';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w[0])
    .slice(0, 2)
    .join('');

/** Who has the case open now, the earliest first. */
export function ViewingNow({ viewers }: { viewers: Viewer[] | undefined }) {
  const s = useSession();
  const labelId = useId();
  const me = s.me.person?.id;
  if (!viewers) return null;
  return (
    <div className="presence">
      <span className="presence-label" id={labelId}>
        Viewing now
      </span>
      <ul className="presence-list" aria-labelledby={labelId} data-testid="viewing-now">
        {viewers.map((v) => (
          <li
            key={v.personId}
            className="presence-person"
            title={`${v.name}, here since ${formatTime(v.since)}`}
          >
            <span className="avatar avatar-small" aria-hidden="true">
              {initials(v.name)}
            </span>
            <span className="presence-name">
              {v.name}
              {v.personId === me ? ' (you)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A note's text with its mentions as chips; a mention of the reader (or the reader's team) stands out. */
function NoteText({ text, dir, mine }: { text: string; dir: Directory; mine: Set<string> }) {
  return (
    <p className="message-text">
      {tokenize(text, dir).map((part, i) =>
        'target' in part ? (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one immutable text
            key={i}
            className={`mention mention-${part.target.kind}${mine.has(part.target.handle.toLowerCase()) ? ' mention-me' : ''}`}
            title={`${part.target.label}${part.target.kind === 'team' ? ' (team)' : ''}`}
          >
            {part.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one immutable text
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/**
 * The case room: the thread sender and receiver share (internal notes, never shown to the customer),
 * @mentions that notify people and teams, and who is viewing the case now, all live.
 */
export function CaseRoom({
  caseId,
  canWrite,
  viewers,
}: {
  caseId: string;
  canWrite: boolean;
  /** From the page's `usePresence` (one heartbeat per page); left out where the page shows them itself. */
  viewers?: Viewer[];
}) {
  const s = useSession();
  const notes = useResource(`notes:${caseId}`, (signal) => api.notes(caseId, signal));
  useLive((e) => e.caseId === caseId && e.type === 'message.added', notes.reload, 80);
  const dir = useMemo(() => directory(s.people, s.teams), [s.people, s.teams]);
  const mine = useMemo(() => {
    const out = new Set(s.myTeams.map((t) => t.key.toLowerCase()));
    if (s.me.person) out.add(handleOf(s.me.person));
    return out;
  }, [s.me.person, s.myTeams]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.addNote(caseId, text.trim());
      setText('');
      notes.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  const items = notes.data ?? [];
  const found = useFoundMessage(items.length > 0);
  return (
    <Section
      title="Case room"
      id="case-room"
      actions={viewers ? <ViewingNow viewers={viewers} /> : undefined}
    >
      <p className="hint room-hint">
        Internal notes for everyone working the case. The customer never sees them.
      </p>
      <ErrorNote error={notes.error} title="The notes could not be loaded" />
      {notes.data && items.length === 0 ? (
        <p className="muted">No notes yet. Mention a colleague with @ to bring them in.</p>
      ) : null}
      <ol className="messages room-notes" aria-label="Internal notes" aria-live="polite">
        {items.map((n) => (
          <li
            key={n.id}
            id={messageAnchor(n.id)}
            className={`message message-internal${found === messageAnchor(n.id) ? ' message-found' : ''}`}
          >
            <div className="message-meta">
              <span className="message-role">{n.author?.name ?? 'Baton'}</span>
              <time dateTime={n.at} title={formatDateTime(n.at)}>
                {formatTime(n.at)}
              </time>
            </div>
            {isErased(n.text) ? (
              <p className="message-text">
                <ErasedMark />
              </p>
            ) : (
              <NoteText text={n.text} dir={dir} mine={mine} />
            )}
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form className="composer" onSubmit={submit}>
          <MentionComposer
            id={`room-note-${caseId}`}
            label="Internal note"
            value={text}
            onChange={setText}
            onSubmit={() => void send()}
            dir={dir}
            hint="Type @ to mention a person or a team; they are notified. Ctrl + Enter adds the note."
          />
          <div className="composer-actions">
            <span />
            <button type="submit" className="button primary small" disabled={busy || !text.trim()}>
              {busy ? 'Adding…' : 'Add note'}
            </button>
          </div>
          <ErrorNote error={error} title="The note was not added" />
        </form>
      ) : null}
    </Section>
  );
}
