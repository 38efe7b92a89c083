import { useState } from 'react';
import type { TestSend as Answer } from '../../../src/notifications/notifications.types.ts';
import { post } from '../api/client.ts';
import { Badge, ErrorNote } from '../app/ui.tsx';

/**
 * Send test: a message to a saved Slack address or e-mail now, and how it went, so whoever sets the
 * address sees at once whether it works. Until a changed address is saved there is nothing to test.
 */
export function TestSend({
  path,
  body,
  label,
  unsaved,
}: {
  path: string;
  body?: unknown;
  /** Names the button for a screen reader: what is tested. */
  label: string;
  /** The address was changed and not saved yet: the test would go to the old one. */
  unsaved?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setBusy(true);
    setAnswer(null);
    setError(null);
    try {
      setAnswer(await post<Answer>(path, body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="test-send">
      <button
        type="button"
        className="button small"
        aria-label={label}
        onClick={() => void send()}
        disabled={busy || unsaved}
        title={unsaved ? 'Save the new address first' : undefined}
      >
        {busy ? 'Sending…' : 'Send test'}
      </button>
      <span className="small" role="status" data-testid="test-send">
        {answer?.delivered ? (
          <>
            <Badge tone="good">Test sent</Badge> to {answer.to} in {answer.ms} ms
          </>
        ) : answer ? (
          <>
            <Badge tone="bad">Test failed</Badge> {answer.error}
          </>
        ) : unsaved ? (
          <span className="muted">Save the new address to test it.</span>
        ) : null}
      </span>
      {error ? <ErrorNote error={error} title="The test was not sent" /> : null}
    </div>
  );
}
