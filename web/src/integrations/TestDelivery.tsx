import { useState } from 'react';
import type { TestDelivery as Answer } from '../../../src/integrations/integrations.types.ts';
import { Badge, ErrorNote } from '../app/ui.tsx';
import { webhooksApi } from './deliveries-api.ts';

/**
 * Send test: a `webhook.test` event to the subscription's receiver now, and what it answered, so a
 * lead setting up a channel or a helpdesk sees at once whether the address and secret work.
 */
export function TestDelivery({ id }: { id: string }) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setBusy(true);
    setAnswer(null);
    setError(null);
    try {
      setAnswer(await webhooksApi.test(id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button small" onClick={() => void send()} disabled={busy}>
        {busy ? 'Sending…' : 'Send test'}
      </button>
      <span className="small" role="status" data-testid="test-delivery">
        {answer?.delivered ? (
          <>
            <Badge tone="good">Test delivered</Badge> HTTP {answer.status} in {answer.ms} ms
          </>
        ) : answer ? (
          <>
            <Badge tone="bad">Test failed</Badge> {answer.error}
          </>
        ) : null}
      </span>
      {error ? <ErrorNote error={error} title="The test was not sent" /> : null}
    </>
  );
}
