import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { Dialog, ErrorNote } from '../app/ui.tsx';

/**
 * Resolves a case its own team finished without handing it off (or once every handoff has ended):
 * asked once more, since the case leaves the open cases with it.
 */
export function ResolveCase({ caseId, onResolved }: { caseId: string; onResolved: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const resolve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.resolveCase(caseId);
      setAsking(false);
      onResolved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        Resolve case
      </button>
      <Dialog title="Resolve this case?" open={asking} onClose={() => setAsking(false)}>
        <p>
          The case leaves the open cases, and its resolution time is counted to now. A new message from the
          customer opens it again.
        </p>
        <ErrorNote error={error} title="The case was not resolved" />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setAsking(false)}>
            Keep it open
          </button>
          <button type="button" className="button primary" onClick={resolve} disabled={busy}>
            {busy ? 'Resolving…' : 'Resolve case'}
          </button>
        </div>
      </Dialog>
    </>
  );
}
