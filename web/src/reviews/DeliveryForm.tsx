import { useEffect, useState } from 'react';
import { reviewDeliveryApi } from '../analytics/analytics.api.ts';
import { ErrorNote } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';

/** Where the scheduled job sends each stored review: a Slack-compatible webhook and e-mail addresses (leads). */
export function DeliveryForm() {
  const current = useResource('analytics:review-delivery', (signal) => reviewDeliveryApi.get(signal));
  const [slackUrl, setSlackUrl] = useState('');
  const [emails, setEmails] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!current.data) return;
    setSlackUrl(current.data.slackUrl ?? '');
    setEmails(current.data.emails.join(', '));
  }, [current.data]);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        setError(null);
        setSaved(false);
        try {
          const list = emails
            .split(/[\s,;]+/)
            .map((x) => x.trim())
            .filter(Boolean);
          current.set(await reviewDeliveryApi.save({ slackUrl: slackUrl.trim() || null, emails: list }));
          setSaved(true);
        } catch (err) {
          setError(err);
        } finally {
          setSaving(false);
        }
      }}
    >
      <ErrorNote error={current.error ?? error} title="The review's recipients could not be saved" />
      <div className="inline-field">
        <label htmlFor="delivery-slack">Slack-compatible webhook URL</label>
        <input
          id="delivery-slack"
          type="url"
          value={slackUrl}
          onChange={(e) => setSlackUrl(e.target.value)}
          placeholder="https://hooks.slack.com/services/…"
          size={48}
        />
      </div>
      <div className="inline-field">
        <label htmlFor="delivery-emails">E-mail addresses</label>
        <input
          id="delivery-emails"
          value={emails}
          onChange={(e) => setEmails(e.target.value)}
          placeholder="lead@example.com, ops@example.com"
          size={48}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={saving || !current.data}>
          Save recipients
        </button>{' '}
        <span role="status" className="muted">
          {saved ? 'Saved: the next stored review goes there.' : ''}
        </span>
      </div>
    </form>
  );
}
