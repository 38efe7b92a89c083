import { useEffect, useState } from 'react';
import { counted, formatDateTime, relative } from './format.ts';
import { type OwnSession, sessionsApi } from './sessions-api.ts';
import { Badge, Dialog, ErrorNote, Loading } from './ui.tsx';
import { useResource } from './useResource.ts';
import './account.css';

function SessionItem({ s, onSignOut, busy }: { s: OwnSession; onSignOut: () => void; busy: boolean }) {
  const lastActive = s.current ? 'Active now' : `Last active ${relative(s.lastSeenAt ?? s.createdAt)}`;
  return (
    <li className="session" data-testid="session" data-id={s.id} data-current={s.current}>
      <div className="session-text">
        <span className="session-device">
          <strong title={s.userAgent ?? undefined}>{s.device}</strong>
          {s.current ? <Badge tone="good">This session</Badge> : null}
        </span>
        <span className="muted small">
          {s.clientAddress ? `From ${s.clientAddress}` : 'From an unknown address'} ·{' '}
          <time dateTime={s.lastSeenAt ?? s.createdAt} title={formatDateTime(s.lastSeenAt ?? s.createdAt)}>
            {lastActive}
          </time>
        </span>
        <span className="muted small">
          Signed in{s.signedInWith === 'sso' ? ' with single sign-on' : ' with a password'}{' '}
          <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
        </span>
      </div>
      {s.current ? null : (
        <button
          type="button"
          className="button small session-sign-out"
          aria-label={`Sign out ${s.device}, ${lastActive.toLowerCase()}`}
          disabled={busy}
          onClick={onSignOut}
        >
          Sign out
        </button>
      )}
    </li>
  );
}

/**
 * Your sessions: every browser where you are signed in (this one first), signing one out, or all
 * the others at once after a confirmation. What ends is refused by Baton from its next request.
 */
export function SessionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const list = useResource(open ? 'own-sessions' : null, (signal) => sessionsApi.list(signal));
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Where the focus goes once the change has rendered (the button that had it may be gone).
  const [focusTo, setFocusTo] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTo) return;
    document.querySelector<HTMLElement>(focusTo)?.focus();
    setFocusTo(null);
  }, [focusTo]);
  const close = () => {
    setError(undefined);
    setDone('');
    setConfirming(false);
    onClose();
  };
  // This session first, then the others as the server orders them (the latest active first).
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const others = items.filter((s) => !s.current);

  const signOut = async (s: OwnSession) => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await sessionsApi.signOut(s.id);
      const next = others[others.indexOf(s) + 1] ?? others[others.indexOf(s) - 1];
      list.set({ items: items.filter((x) => x.id !== s.id) });
      setDone(`Signed out ${s.device}.`);
      // The button that had the focus is gone: the next session's takes it, or Close.
      setFocusTo(next ? `[data-id="${next.id}"] .session-sign-out` : '#sessions-close');
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const signOutOthers = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await sessionsApi.signOutOthers();
      setConfirming(false);
      list.set({ items: items.filter((x) => x.current) });
      setDone(
        res.signedOut
          ? `Signed out ${counted(res.signedOut, 'other session')}.`
          : 'No other session was left.',
      );
      setFocusTo('#sessions-close');
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const ask = () => {
    setDone('');
    setConfirming(true);
    setFocusTo('#sessions-cancel-all');
  };

  return (
    <Dialog title="Your sessions" open={open} onClose={close}>
      <p className="muted small">
        Where you are signed in to Baton. Sign out any browser you do not recognise or no longer use.
      </p>
      <div role="status" aria-live="polite">
        {done ? <div className="note note-good">{done}</div> : null}
      </div>
      <ErrorNote error={error ?? list.error} title="Your sessions could not be changed" />
      {list.loading && !list.data ? <Loading label="Loading your sessions" /> : null}
      {items.length ? (
        <ul className="session-list" aria-label="Sessions">
          {items.map((s) => (
            <SessionItem key={s.id} s={s} busy={busy || confirming} onSignOut={() => void signOut(s)} />
          ))}
        </ul>
      ) : null}
      {confirming ? (
        <div className="note note-warn session-confirm">
          <p id="sessions-confirm-text">
            Sign out {counted(others.length, 'other session')}? Whoever uses Baton there must sign in again;
            this session stays.
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              id="sessions-cancel-all"
              className="button"
              aria-describedby="sessions-confirm-text"
              onClick={() => {
                setConfirming(false);
                setFocusTo('#sessions-all');
              }}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              aria-describedby="sessions-confirm-text"
              disabled={busy}
              onClick={() => void signOutOthers()}
            >
              {busy ? 'Signing out…' : `Sign out ${counted(others.length, 'session')}`}
            </button>
          </div>
        </div>
      ) : null}
      <div className="dialog-actions session-actions">
        {others.length && !confirming ? (
          <button type="button" id="sessions-all" className="button" onClick={ask}>
            Sign out all other sessions
          </button>
        ) : null}
        <button type="button" id="sessions-close" className="button primary" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
