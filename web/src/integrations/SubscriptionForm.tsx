import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { EventType } from '../../../src/events/names.ts';
import type { WebhookFormat } from '../../../src/integrations/chat-message.ts';
import { ApiError } from '../api/client.ts';
import { useSession } from '../app/session.tsx';
import { ErrorNote } from '../app/ui.tsx';
import { type WebhookSubscription, webhooksApi } from './deliveries-api.ts';

const allTypes = Object.values(EventType);
/** Event types by their subject (`handoff.sent` under handoff), as a subscriber thinks of them. */
const groups = [...new Set(allTypes.map((t) => t.split('.')[0]!))].map((subject) => ({
  subject,
  types: allTypes.filter((t) => t.startsWith(`${subject}.`)),
}));

/** What the receiver is: a program of yours, or a team chat's incoming webhook. */
const formats: { value: WebhookFormat; label: string }[] = [
  { value: 'baton', label: 'A program: signed JSON events' },
  { value: 'slack', label: 'Slack, Mattermost or Google Chat: a message per event' },
  { value: 'teams', label: 'Microsoft Teams: a message per event' },
];

/** A signing secret the receiver can paste: 32 random bytes as hex. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Adds a subscription, or changes one (`editing`): where events go, which ones, and the secret that
 * signs them. An edit leaves the secret as it is unless a new one is typed (the API never shows it).
 */
export function SubscriptionForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: WebhookSubscription;
  onSaved: (s: WebhookSubscription) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  // Opened to be filled in: the address comes first (a keyboard user starts typing at once).
  useEffect(() => first.current?.focus(), []);
  const [url, setUrl] = useState(editing?.url ?? '');
  const [secret, setSecret] = useState(editing ? '' : newSecret());
  const [events, setEvents] = useState<string[]>(editing?.events ?? ['handoff.sent']);
  const [format, setFormat] = useState<WebhookFormat>(editing?.format ?? 'baton');
  const { teams: allTeams } = useSession();
  // Kept to some teams (a team's own channel), or every team's events.
  const [someTeams, setSomeTeams] = useState(Boolean(editing?.teams.length));
  const [teams, setTeams] = useState<string[]>(editing?.teams ?? []);
  const chosenTeams = someTeams ? teams : [];
  const missing =
    events.length === 0
      ? 'Choose at least one event.'
      : someTeams && teams.length === 0
        ? 'Choose at least one team.'
        : undefined;
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const field = error instanceof ApiError ? error.field?.split('.')[0] : undefined;
  const every = events.includes('*');
  const toggle = (type: string, on: boolean) =>
    setEvents((e) => (on ? [...e.filter((x) => x !== type), type] : e.filter((x) => x !== type)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = editing
        ? await webhooksApi.change(editing.id, {
            url: url.trim() === editing.url ? undefined : url.trim(),
            secret: secret.trim() || undefined,
            events,
            format,
            teams: chosenTeams,
          })
        : await webhooksApi.subscribe({
            url: url.trim(),
            secret: secret.trim(),
            events,
            format,
            teams: chosenTeams,
          });
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} data-testid="subscription-form">
      <div className="field">
        <label htmlFor={`${id}-url`}>Receiver URL</label>
        <input
          id={`${id}-url`}
          type="url"
          required
          ref={first}
          placeholder="https://helpdesk.example.com/baton-events"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={field === 'url' || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-format`}>Send to</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(e) => setFormat(e.target.value as WebhookFormat)}
          aria-describedby={`${id}-format-hint`}
          aria-invalid={field === 'format' || undefined}
        >
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <span className="hint" id={`${id}-format-hint`}>
          {format === 'baton'
            ? 'Each event as JSON, signed with the secret below (X-Baton-Signature).'
            : 'Paste the channel’s incoming webhook URL above. Each event becomes one line naming the team and owner, with a link to it in Baton (BATON_PUBLIC_URL); the customer is never named.'}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-secret`}>
          Signing secret {editing ? '(leave empty to keep the current one)' : null}
        </label>
        <div className="inline-field">
          <input
            id={`${id}-secret`}
            className="secret-input"
            required={!editing}
            minLength={8}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={field === 'secret' || undefined}
          />
          <button type="button" className="button" onClick={() => setSecret(newSecret())}>
            New secret
          </button>
        </div>
        <p className="small muted">
          Each delivery is signed with it (<code>X-Baton-Signature</code>): give it to the receiver now, Baton
          never shows it again.
        </p>
      </div>
      <fieldset className="field event-fieldset" aria-invalid={field === 'events' || undefined}>
        <legend>Events</legend>
        <label className="event-choice">
          <input type="checkbox" checked={every} onChange={(e) => setEvents(e.target.checked ? ['*'] : [])} />{' '}
          All events, including kinds added later
        </label>
        {every ? null : (
          <div className="event-groups">
            {groups.map((g) => (
              <div key={g.subject}>
                <div className="small muted">{g.subject}</div>
                {g.types.map((t) => (
                  <label key={t} className="event-choice">
                    <input
                      type="checkbox"
                      checked={events.includes(t)}
                      onChange={(e) => toggle(t, e.target.checked)}
                    />{' '}
                    <code>{t}</code>
                  </label>
                ))}
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset className="field event-fieldset" aria-invalid={field === 'teams' || undefined}>
        <legend>Teams</legend>
        <label className="event-choice">
          <input type="checkbox" checked={!someTeams} onChange={(e) => setSomeTeams(!e.target.checked)} />{' '}
          Every team
        </label>
        {someTeams ? (
          <div className="event-groups">
            {allTeams.map((t) => (
              <label key={t.key} className="event-choice">
                <input
                  type="checkbox"
                  checked={teams.includes(t.key)}
                  onChange={(e) =>
                    setTeams((k) =>
                      e.target.checked
                        ? [...k.filter((x) => x !== t.key), t.key]
                        : k.filter((x) => x !== t.key),
                    )
                  }
                />{' '}
                {t.name}
              </label>
            ))}
          </div>
        ) : null}
        <span className="hint">
          Only the events about handoffs to or from the chosen teams (a message or a rating: its case’s latest
          handoff), for a team’s own channel.
        </span>
      </fieldset>
      {error ? <ErrorNote error={error} title="The subscription was not saved" /> : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || missing !== undefined}>
          {editing ? 'Save changes' : 'Subscribe'}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {missing ? <span className="small muted">{missing}</span> : null}
      </div>
    </form>
  );
}
