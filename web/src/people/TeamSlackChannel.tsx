import { type FormEvent, useRef, useState } from 'react';
import type { LastSend } from '../../../src/notifications/notifications.types.ts';
import { ApiError, put } from '../api/client.ts';
import { fieldMessage } from '../app/InputField.tsx';
import { Link } from '../app/router.tsx';
import { ErrorNote } from '../app/ui.tsx';
import { sendsPath } from '../notifications/notification-sends.ts';
import { SendOutcome } from '../notifications/SendOutcome.tsx';
import { TestSend } from '../notifications/TestSend.tsx';
import { FormField } from './FormField.tsx';

/** `GET /notifications/teams`: a team, the Slack channel its mentions post to, and how the last post went. */
export type TeamChannel = { team: string; name: string; slackUrl: string | null; lastPost: LastSend | null };

/**
 * A team's own Slack channel (leads): an @mention of the team, and a supervisors' dip, post there
 * once, beside each member's own channels. Set, changed or removed here with
 * `PUT /notifications/teams/{key}`; a refused address is said beside the field.
 */
export function TeamSlackChannel({
  teamKey,
  teamName,
  slackUrl,
  lastPost,
  onSaved,
}: {
  teamKey: string;
  teamName: string;
  slackUrl: string | null;
  lastPost: LastSend | null;
  onSaved: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = `${teamKey}-slack`;
  // Remove asks first, in place: the question takes the focus (on Keep it), and Keep it gives it back.
  const [asking, setAsking] = useState(false);
  const ask = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const confirmRemove = (on: boolean) => {
    setAsking(on);
    requestAnimationFrame(() => (on ? keep : ask).current?.focus());
  };

  const save = async (next: string | null) => {
    setBusy(true);
    setError(undefined);
    try {
      await put(`/api/v1/notifications/teams/${encodeURIComponent(teamKey)}`, { slackUrl: next });
      setEditing(false);
      setAsking(false);
      onSaved();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.field === 'slackUrl')
        requestAnimationFrame(() => document.getElementById(id)?.focus());
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(url.trim() || null);
  };
  const fieldError =
    error instanceof ApiError && error.field === 'slackUrl' ? fieldMessage(error.message) : null;

  if (!editing)
    return (
      <div className="team-slack" data-testid="team-slack">
        <span className="small">
          Slack channel:{' '}
          {slackUrl ? <span className="mono">{slackUrl}</span> : <span className="muted">none</span>}
        </span>
        <button
          type="button"
          className="button small"
          aria-label={`${slackUrl ? 'Change' : 'Add'} ${teamName}’s Slack channel`}
          onClick={() => {
            setUrl(slackUrl ?? '');
            setEditing(true);
            requestAnimationFrame(() => document.getElementById(id)?.focus());
          }}
        >
          {slackUrl ? 'Change' : 'Add'}
        </button>
        {slackUrl && !asking ? (
          <button
            ref={ask}
            type="button"
            className="button small ghost"
            aria-label={`Remove ${teamName}’s Slack channel`}
            disabled={busy}
            onClick={() => confirmRemove(true)}
          >
            Remove
          </button>
        ) : null}
        {slackUrl && asking ? (
          <div className="note note-warn team-slack-confirm">
            <p id={`${id}-remove`}>
              {teamName}’s @mentions will reach only its members’ own channels; nothing posts to this one.
            </p>
            <div className="form-actions">
              <button
                ref={keep}
                type="button"
                className="button small"
                aria-describedby={`${id}-remove`}
                disabled={busy}
                onClick={() => confirmRemove(false)}
              >
                Keep it
              </button>
              <button
                type="button"
                className="button small danger"
                aria-describedby={`${id}-remove`}
                disabled={busy}
                onClick={() => void save(null)}
              >
                {busy ? 'Removing…' : `Remove ${teamName}’s channel`}
              </button>
            </div>
          </div>
        ) : null}
        {slackUrl ? (
          <TestSend
            path={`/api/v1/notifications/teams/${encodeURIComponent(teamKey)}/test`}
            label={`Send a test post to ${teamName}’s Slack channel`}
          />
        ) : null}
        {slackUrl ? <SendOutcome send={lastPost} channel="slack" className="team-slack-line" /> : null}
        {lastPost ? (
          <Link className="small team-slack-line" to={sendsPath({ team: teamKey })}>
            {teamName}’s Slack and e-mail sends
          </Link>
        ) : null}
        <ErrorNote error={error} title="The channel was not changed" />
      </div>
    );
  return (
    <form className="team-slack" data-testid="team-slack" onSubmit={submit} noValidate>
      <FormField
        id={id}
        label={`${teamName}’s Slack incoming webhook`}
        hint="Team @mentions post here once, beside each member’s own channels."
        error={fieldError ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            value={url}
            placeholder="https://hooks.slack.com/services/…"
            onChange={(e) => {
              setUrl(e.target.value);
              setError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(false);
              }
            }}
          />
        )}
      </FormField>
      {error && !fieldError ? <ErrorNote error={error} title="The channel was not changed" /> : null}
      <div className="form-actions">
        <button type="button" className="button small" onClick={() => setEditing(false)}>
          Cancel
        </button>
        <button type="submit" className="button small primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save channel'}
        </button>
      </div>
    </form>
  );
}
