import { useState } from 'react';
import { get, post } from '../api/client.ts';
import { ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';

/** `GET /notifications/email`: whether Baton sends e-mail, and through which server (no credential). */
type EmailStatus = {
  configured: boolean;
  server: string | null;
  authenticated: boolean;
  from: string;
  publicUrl: string | null;
  passwordReset: boolean;
};

const emailApi = {
  status: (signal?: AbortSignal) => get<EmailStatus>('/api/v1/notifications/email', signal),
  test: () => post<{ sentTo: string }>('/api/v1/notifications/email/test', {}),
};

/**
 * Settings > Integrations, for admins: is e-mail on (notifications, reset links, invitations), and
 * does the SMTP server take a message? A test goes to the admin's own address and, when refused,
 * says what the server answered.
 */
export function EmailCheck() {
  const status = useResource('email-status', (signal) => emailApi.status(signal));
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState('');
  const [error, setError] = useState<unknown>();
  const s = status.data;
  const send = async () => {
    setSending(true);
    setSent('');
    setError(undefined);
    try {
      setSent((await emailApi.test()).sentTo);
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <Section
      title="E-mail"
      id="email"
      actions={
        s?.configured ? (
          <button type="button" className="button small" disabled={sending} onClick={() => void send()}>
            {sending ? 'Sending…' : 'Send me a test e-mail'}
          </button>
        ) : null
      }
    >
      {status.error ? <ErrorNote error={status.error} /> : null}
      {status.loading && !s ? <Loading /> : null}
      {s && !s.configured ? (
        <p className="muted">
          Off: this Baton sends no e-mail. Set <code>BATON_SMTP_URL</code> (and <code>BATON_PUBLIC_URL</code>{' '}
          for links) to send notifications, password reset links and invitations.
        </p>
      ) : null}
      {s?.configured ? (
        <dl className="facts">
          <dt>Server</dt>
          <dd>
            <code>{s.server}</code> {s.authenticated ? '(signs in)' : '(no sign-in)'}
          </dd>
          <dt>From</dt>
          <dd>{s.from}</dd>
          <dt>Links to</dt>
          <dd>{s.publicUrl ?? 'no public address: links in e-mails stay relative'}</dd>
          <dt>Password links</dt>
          <dd>
            {s.passwordReset
              ? 'On: people reset a forgotten password, and admins send invitations'
              : 'Off until BATON_PUBLIC_URL is set'}
          </dd>
        </dl>
      ) : null}
      <div role="status" aria-live="polite" className="email-result">
        {sent ? (
          <div className="note note-good">
            The server took a test message to {sent}: look for “Baton test e-mail” in that inbox.
          </div>
        ) : null}
      </div>
      <ErrorNote error={error} title="The test e-mail was not sent" />
    </Section>
  );
}
