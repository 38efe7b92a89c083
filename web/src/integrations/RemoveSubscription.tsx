import { useState } from 'react';
import { counted } from '../app/format.ts';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { type WebhookSubscription, webhooksApi } from './deliveries-api.ts';

/** Remove asks once more, saying what goes with the subscription: what it has not delivered yet, and its log. */
export function RemoveSubscription({
  sub,
  onClose,
  onRemoved,
}: {
  sub: WebhookSubscription | null;
  onClose: () => void;
  onRemoved: (pendingDropped: number) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const remove = async () => {
    if (!sub) return;
    setBusy(true);
    setError(undefined);
    try {
      onRemoved((await webhooksApi.remove(sub.id)).pendingDropped);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Remove this subscription?" open={sub !== null} onClose={onClose}>
      {sub ? (
        <>
          <p>
            Baton stops sending events to <strong>{sub.url}</strong>. Deliveries it has not made yet are
            dropped, and its delivery log goes with it. To stop for a while instead, pause it.
          </p>
          {sub.health.waiting ? (
            <p className="field-error" data-testid="remove-waiting">
              {counted(sub.health.waiting, 'delivery is', 'deliveries are')} waiting to be sent.
            </p>
          ) : null}
          <ErrorNote error={error} title="The subscription was not removed" />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Keep it
            </button>
            <button type="button" className="button danger" disabled={busy} onClick={() => void remove()}>
              {busy ? 'Removing…' : 'Remove subscription'}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
