import { type FormEvent, type ReactNode, useState } from 'react';
import { post } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { BounceReason, HandoffAction, HandoffDetail } from '../api/types.ts';
import { bounceReasonLabels } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Dialog, ErrorNote, Kbd } from '../app/ui.tsx';
import { mayActOn } from './may-act.ts';
import { LostOwnerNote, OwnerOptions } from './OwnerOptions.tsx';
import { mayOwn, ownerRuleWords } from './owner-choice.ts';

export type UiAction = 'accept' | 'bounce' | 'resolve' | 'reassign' | 'cancel' | 'send';
const order: UiAction[] = ['accept', 'resolve', 'bounce', 'reassign', 'send', 'cancel'];
const labels: Record<UiAction, string> = {
  accept: 'Accept',
  resolve: 'Resolve',
  bounce: 'Bounce',
  reassign: 'Reassign',
  send: 'Send',
  cancel: 'Cancel handoff',
};
export const actionKeys: Partial<Record<UiAction, string>> = {
  accept: 'a',
  bounce: 'b',
  resolve: 'r',
  reassign: 'o',
};

export type HandoffActions = {
  available: UiAction[];
  run: (a: UiAction) => void;
  busy: UiAction | null;
  error: unknown;
  dialogs: ReactNode;
};

/** Accept, bounce (with a reason), resolve, reassign: the buttons, the dialogs and the keyboard share this. */
export function useHandoffActions(
  h: HandoffDetail | undefined,
  onDone: (h: HandoffDetail, action: UiAction) => void,
): HandoffActions {
  const [busy, setBusy] = useState<UiAction | null>(null);
  const [error, setError] = useState<unknown>();
  const [dialog, setDialog] = useState<'bounce' | 'reassign' | 'cancel' | null>(null);
  // Each action done starts the dialogs afresh: a closed dialog keeps what was typed (an Escape by
  // mistake loses nothing), but after a reassignment the person chosen is the owner, no longer a choice.
  const [done, setDone] = useState(0);
  const s = useSession();
  // What the state machine allows, and only if this person may act (a sender watching their own
  // handoff sees no button that would answer 403).
  const available = h
    ? order.filter(
        (a) =>
          h.actions.includes(a as HandoffAction) &&
          mayActOn(
            s,
            {
              ownerId: h.owner?.id ?? null,
              senderId: h.sender?.id ?? null,
              toTeam: h.toTeam,
              state: h.state,
            },
            a,
          ),
      )
    : [];

  const call = async (a: UiAction, fn: () => Promise<HandoffDetail>) => {
    setBusy(a);
    setError(undefined);
    try {
      onDone(await fn(), a);
      setDialog(null);
      setDone((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const run = (a: UiAction) => {
    if (!h || busy || !available.includes(a)) return;
    // Cancelling cannot be undone: it asks once more.
    if (a === 'bounce' || a === 'reassign' || a === 'cancel') {
      setError(undefined);
      setDialog(a);
    } else if (a === 'accept') void call(a, () => api.accept(h.id));
    else if (a === 'resolve') void call(a, () => api.resolve(h.id));
    else if (a === 'send')
      void call(a, () => post<HandoffDetail>(`/api/v1/handoffs/${encodeURIComponent(h.id)}/send`, {}));
  };

  const dialogs = h ? (
    <>
      <BounceDialog
        key={`bounce:${h.id}:${done}`}
        open={dialog === 'bounce'}
        busy={busy === 'bounce'}
        error={dialog === 'bounce' ? error : undefined}
        onClose={() => setDialog(null)}
        onSubmit={(reason, note) => call('bounce', () => api.bounce(h.id, reason, note))}
      />
      <Dialog title="Cancel this handoff?" open={dialog === 'cancel'} onClose={() => setDialog(null)}>
        <p>
          {h.state === 'draft'
            ? 'The draft is dropped; the case stays where it is.'
            : 'The receiving team no longer has it, and its SLA clocks stop. This cannot be undone.'}
        </p>
        <ErrorNote error={dialog === 'cancel' ? error : undefined} title="The handoff was not cancelled" />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setDialog(null)}>
            Keep it
          </button>
          <button
            type="button"
            className="button danger"
            disabled={busy === 'cancel'}
            onClick={() => void call('cancel', () => api.cancel(h.id))}
          >
            {busy === 'cancel' ? 'Cancelling…' : 'Cancel handoff'}
          </button>
        </div>
      </Dialog>
      <ReassignDialog
        key={`reassign:${h.id}:${done}`}
        open={dialog === 'reassign'}
        busy={busy === 'reassign'}
        error={dialog === 'reassign' ? error : undefined}
        handoff={h}
        onClose={() => setDialog(null)}
        onSubmit={(reason, ownerId) => call('reassign', () => api.reassign(h.id, reason, ownerId))}
      />
    </>
  ) : null;
  return { available, run, busy, error: dialog ? undefined : error, dialogs };
}

export function ActionBar({ actions, showKeys }: { actions: HandoffActions; showKeys?: boolean }) {
  if (actions.available.length === 0) return null;
  return (
    <div className="actionbar">
      {actions.available.map((a) => (
        <button
          key={a}
          type="button"
          className={`button ${a === 'accept' || a === 'resolve' || a === 'send' ? 'primary' : a === 'cancel' ? 'ghost' : ''}`}
          disabled={actions.busy !== null}
          onClick={() => actions.run(a)}
          aria-keyshortcuts={showKeys ? actionKeys[a] : undefined}
        >
          {actions.busy === a ? `${labels[a]}…` : labels[a]}
          {showKeys && actionKeys[a] ? <Kbd>{actionKeys[a]}</Kbd> : null}
        </button>
      ))}
      {actions.error ? <ErrorNote error={actions.error} title="That did not work" /> : null}
      {actions.dialogs}
    </div>
  );
}

function BounceDialog({
  open,
  busy,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (r: BounceReason, note?: string) => void;
}) {
  const [reason, setReason] = useState<BounceReason | ''>('');
  const [note, setNote] = useState('');
  // "Other" tells the sender nothing by itself: it needs the note.
  const needsNote = reason === 'other' && !note.trim();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason && !needsNote) onSubmit(reason, note.trim() || undefined);
  };
  return (
    <Dialog title="Bounce back to the sender" open={open} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <fieldset className="fieldset">
          <legend>Why is it coming back?</legend>
          <div className="radio-list">
            {(Object.keys(bounceReasonLabels) as BounceReason[]).map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name="bounce-reason"
                  value={r}
                  checked={reason === r}
                  onChange={() => setReason(r)}
                />
                {bounceReasonLabels[r]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="bounce-note">
            Note for the sender{reason === 'other' ? ' (required for Other)' : ''}
          </label>
          <textarea
            id="bounce-note"
            rows={3}
            value={note}
            required={reason === 'other'}
            aria-invalid={needsNote || undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <ErrorNote error={error} title="Not bounced" />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Keep it
          </button>
          <button type="submit" className="button danger" disabled={!reason || needsNote || busy}>
            {busy ? 'Bouncing…' : 'Bounce'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ReassignDialog({
  open,
  busy,
  error,
  handoff,
  onClose,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  error: unknown;
  handoff: HandoffDetail;
  onClose: () => void;
  onSubmit: (reason: string, ownerId?: string) => void;
}) {
  const s = useSession();
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const team = s.teams.find((t) => t.key === handoff.toTeam);
  const candidates = mayOwn(team?.members ?? []).filter((m) => m.id !== handoff.owner?.id);
  const scenario = s.scenarios.find((x) => x.id === handoff.scenario);
  const rule = team ? ownerRuleWords(team.ownershipStrategy, scenario) : 'team rule';
  // Only a person shown as a choice is ever sent.
  const chosen = candidates.some((m) => m.id === ownerId) ? ownerId : '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onSubmit(reason.trim(), chosen || undefined);
  };
  return (
    <Dialog title="Reassign the owner" open={open} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <div className="field">
          <label htmlFor="reassign-owner">New owner</label>
          <select id="reassign-owner" value={chosen} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Let Baton choose ({rule})</option>
            <OwnerOptions members={candidates} />
          </select>
          <LostOwnerNote ownerId={ownerId} />
        </div>
        <div className="field">
          <label htmlFor="reassign-reason">Reason</label>
          <input
            id="reassign-reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Out sick, needs a refunds specialist…"
          />
        </div>
        <ErrorNote error={error} title="Not reassigned" />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!reason.trim() || busy}>
            {busy ? 'Reassigning…' : 'Reassign'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
