import { useEffect, useState } from 'react';
import { formatDateTime } from '../app/format.ts';
import { Badge, Dialog, Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { TokenDialog } from './TokenDialog.tsx';
import { type ApiToken, roleLabel, tokensApi } from './tokens-api.ts';

function TokenRow({ t, onRevoke }: { t: ApiToken; onRevoke: (t: ApiToken) => void }) {
  return (
    <tr data-testid="token-row" data-id={t.id} data-status={t.revokedAt ? 'revoked' : 'active'}>
      {/* Focus comes back here after a revoke (its button is gone). */}
      <th scope="row" tabIndex={-1}>
        {t.name}
      </th>
      <td data-label="Roles">
        <span className="token-badges">
          {t.roles.map((r) => (
            <Badge key={r}>{roleLabel(r)}</Badge>
          ))}
        </span>
      </td>
      <td data-label="Acts as">
        {t.person ? (t.person.name ?? t.person.id) : <span className="muted">no person</span>}
      </td>
      <td data-label="Created">{formatDateTime(t.createdAt)}</td>
      <td data-label="Last used">
        {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">never</span>}
      </td>
      <td data-label="Status">
        {t.revokedAt ? (
          <>
            <Badge tone="bad">Revoked</Badge> <span className="small">{formatDateTime(t.revokedAt)}</span>
          </>
        ) : (
          <Badge tone="good">Active</Badge>
        )}
      </td>
      <td className="token-action">
        {t.revokedAt ? null : (
          <button
            type="button"
            className="button small"
            aria-label={`Revoke ${t.name}`}
            onClick={() => onRevoke(t)}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

/** Revoke asks once more, saying what stops working; the row then says when it was revoked. */
function RevokeDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiToken | null;
  onClose: () => void;
  onRevoked: (t: ApiToken) => void;
}) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(undefined);
    onClose();
  };
  const revoke = async (t: ApiToken) => {
    setBusy(true);
    setError(undefined);
    try {
      onRevoked(await tokensApi.revoke(t.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={token ? `Revoke “${token.name}”?` : 'Revoke'} open={token !== null} onClose={close}>
      {token ? (
        <>
          <p>
            Whatever uses this token (a helpdesk, a script) is refused from its next request, at once. This
            cannot be undone: to connect it again, issue a new token.
          </p>
          <ErrorNote error={error} title="The token was not revoked" />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => void revoke(token)}
            >
              {busy ? 'Revoking…' : 'Revoke token'}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

/**
 * API tokens for helpdesks and scripts (admins only): who holds which, what they may do, when they
 * were last used; issue one (shown once) and revoke one.
 */
export function ApiTokens() {
  const tokens = useResource('api-tokens', (signal) => tokensApi.list(signal));
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [done, setDone] = useState('');
  // The revoked row takes the focus its Revoke button had, once the dialog has closed (closing
  // hands the focus back to that button, gone by then).
  const [focusRow, setFocusRow] = useState<string | null>(null);
  useEffect(() => {
    if (!focusRow) return;
    document.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(focusRow)}"] th`)?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const items = tokens.data?.items ?? [];
  return (
    <Section
      title="API tokens"
      id="api-tokens"
      actions={
        <button
          type="button"
          className="button primary small"
          onClick={() => {
            setDone('');
            setIssuing(true);
          }}
        >
          Issue token
        </button>
      }
    >
      <p className="muted small token-intro">
        For a helpdesk or a script calling Baton's API: each token has its own roles, and may act as a person.
      </p>
      <div role="status" aria-live="polite" className="token-done">
        {done ? <div className="note note-good">{done}</div> : null}
      </div>
      {tokens.error ? <ErrorNote error={tokens.error} /> : null}
      {tokens.loading && !tokens.data ? <Loading /> : null}
      {tokens.data && items.length === 0 ? (
        <Empty title="No API tokens yet">
          Issue one here; on the server, <code>baton token create</code> issues them too.
        </Empty>
      ) : null}
      {items.length ? (
        <table className="table compact token-table stacks">
          <caption className="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Acts as</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <TokenRow key={t.id} t={t} onRevoke={setRevoking} />
            ))}
          </tbody>
        </table>
      ) : null}
      <TokenDialog
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(t) => {
          setDone(`“${t.name}” issued.`);
          tokens.reload();
        }}
      />
      <RevokeDialog
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(t) => {
          setRevoking(null);
          setDone(`“${t.name}” revoked: it is refused from now on.`);
          // The answer is the row as it now is: shown at once, then the list is read again.
          tokens.set({ items: items.map((x) => (x.id === t.id ? t : x)) });
          tokens.reload();
          setFocusRow(t.id);
        }}
      />
    </Section>
  );
}
