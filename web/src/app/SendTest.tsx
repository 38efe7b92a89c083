import { useState } from 'react';
import { Badge, ErrorNote } from './ui.tsx';

/** How a test went, in the words beside the button. */
export type TestOutcome = { ok: boolean; badge: string; detail: string };

/**
 * Send test: something sent now (a webhook event, a Slack message, an e-mail) and how it went,
 * beside the button, so whoever sets up an address sees at once whether it works.
 */
export function SendTest<A>({
  send,
  outcome,
  label,
  testId,
  disabledWhy,
}: {
  send: () => Promise<A>;
  outcome: (answer: A) => TestOutcome;
  /** Names the button for a screen reader, when "Send test" alone would not say what is tested. */
  label?: string;
  testId: string;
  /** Why it cannot be sent now (shown in place of an outcome); none: it can. */
  disabledWhy?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<TestOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setAnswer(null);
    setError(null);
    try {
      setAnswer(outcome(await send()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button small"
        aria-label={label}
        onClick={() => void run()}
        disabled={busy || Boolean(disabledWhy)}
      >
        {busy ? 'Sending…' : 'Send test'}
      </button>
      <span className="small" role="status" data-testid={testId}>
        {answer ? (
          <>
            <Badge tone={answer.ok ? 'good' : 'bad'}>{answer.badge}</Badge> {answer.detail}
          </>
        ) : disabledWhy ? (
          <span className="muted">{disabledWhy}</span>
        ) : null}
      </span>
      {error ? <ErrorNote error={error} title="The test was not sent" /> : null}
    </>
  );
}
