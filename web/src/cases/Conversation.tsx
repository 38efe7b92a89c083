import { type FormEvent, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { CaseDetail } from '../api/types.ts';
import { Erasable, plainText } from '../app/Erased.tsx';
import { formatDateTime, formatTime } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { ErrorNote, Section } from '../app/ui.tsx';
import { dayBreaks } from './message-days.ts';
import { messageAnchor, useFoundMessage } from './useFoundMessage.ts';

const roleLabels: Record<string, string> = {
  customer: 'Customer',
  agent: 'Agent',
  bot: 'Bot',
  internal: 'Internal note',
};

/** The case's messages with the customer, oldest first, with a composer; internal notes live in the case room. */
export function Conversation({
  caseData,
  onAdded,
  canWrite,
}: {
  caseData: CaseDetail;
  onAdded: () => void;
  canWrite: boolean;
}) {
  const s = useSession();
  const [text, setText] = useState('');
  const [role, setRole] = useState<'agent' | 'customer'>('agent');
  const shown = caseData.messages.filter((m) => m.role !== 'internal');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const found = useFoundMessage(shown.length > 0);
  const days = dayBreaks(
    shown.map((m) => m.at),
    Date.now(),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.addMessage(caseData.id, role, text.trim());
      setText('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Conversation">
      {shown.length === 0 ? <p className="muted">No messages yet.</p> : null}
      <ol className="messages" aria-label="Messages">
        {shown.map((m, i) => [
          days[i] ? (
            <li key={`day-${m.id}`} className="message-day" data-testid="message-day">
              {days[i]}
            </li>
          ) : null,
          <li
            key={m.id}
            id={messageAnchor(m.id)}
            className={`message message-${m.role}${found === messageAnchor(m.id) ? ' message-found' : ''}`}
          >
            <div className="message-meta">
              <span className="message-role">
                {m.role === 'customer'
                  ? plainText(caseData.customer.name, 'Customer')
                  : m.authorId
                    ? s.personName(m.authorId)
                    : (roleLabels[m.role] ?? m.role)}
              </span>
              <time dateTime={m.at} title={formatDateTime(m.at)}>
                {formatTime(m.at)}
              </time>
            </div>
            <p className="message-text">
              <Erasable text={m.text} />
            </p>
          </li>,
        ])}
      </ol>
      {canWrite ? (
        <form className="composer" onSubmit={submit}>
          <div className="field">
            <label htmlFor="composer-text">
              {role === 'customer' ? 'Customer message (logged)' : 'Reply'}
            </label>
            <textarea
              id="composer-text"
              rows={2}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
          </div>
          <div className="composer-actions">
            <fieldset className="segmented">
              <legend className="visually-hidden">Message kind</legend>
              {(['agent', 'customer'] as const).map((r) => (
                <label key={r} className={role === r ? 'on' : ''}>
                  <input
                    type="radio"
                    name="composer-role"
                    value={r}
                    checked={role === r}
                    onChange={() => setRole(r)}
                  />
                  {r === 'agent' ? 'Reply' : 'Log customer'}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button primary small" disabled={busy || !text.trim()}>
              {busy ? 'Adding…' : 'Add'}
            </button>
          </div>
          <ErrorNote error={error} title="The message was not added" />
        </form>
      ) : null}
    </Section>
  );
}
