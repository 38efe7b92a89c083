import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ProvisionedRole } from '../../../src/provisioning/scim.types.ts';
import { CopyField } from '../app/CopyField.tsx';
import { formatDateTime } from '../app/format.ts';
import { Dialog, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { ShowOnce } from '../integrations/ShowOnce.tsx';
import { provisionedRoleChoices, provisioningApi } from './provisioning-api.ts';

type Asking = 'replace' | 'revoke' | null;

/** Replacing or revoking stops the provider at once: asked once more, saying so. */
function ConfirmDialog({
  asking,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  asking: Asking;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const replace = asking === 'replace';
  return (
    <Dialog
      title={replace ? 'Replace the provisioning token?' : 'Revoke the provisioning token?'}
      open={asking !== null}
      onClose={onCancel}
    >
      <p>
        {replace
          ? 'The token your identity provider holds stops working at once: paste the new one into its provisioning settings.'
          : 'Your identity provider can no longer add, change or deactivate people here until you create a new token. People already added stay as they are.'}
      </p>
      <ErrorNote error={error} title={replace ? 'The token was not replaced' : 'The token was not revoked'} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={onConfirm}>
          {busy ? 'Working…' : replace ? 'Replace token' : 'Revoke token'}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Settings > Security's SCIM provisioning (admins): the base URL and the token to give the identity
 * provider (shown once, replaced or revoked after a confirmation), when it last called, and the role
 * of the people it adds (never admin).
 */
export function Provisioning() {
  const saved = useResource('provisioning', (signal) => provisioningApi.get(signal));
  const [issued, setIssued] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const [role, setRole] = useState<ProvisionedRole | null>(null);
  const [roleDone, setRoleDone] = useState<string | null>(null);
  const [roleError, setRoleError] = useState<unknown>();
  const tokenButton = useRef<HTMLButtonElement>(null);
  // After the token is put away (Done) or revoked, the focus goes to the button that is there now:
  // in an effect, once React has put it there and the dialog has closed.
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus) tokenButton.current?.focus();
  }, [refocus]);
  const focusTokenButton = () => setRefocus((n) => n + 1);

  if (!saved.data)
    return (
      <Section title="Provisioning (SCIM)">
        {saved.error ? <ErrorNote error={saved.error} /> : <Loading />}
      </Section>
    );
  const current = saved.data;
  const chosenRole = role ?? current.defaultRole;

  const act = async (what: 'create' | 'replace' | 'revoke') => {
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      if (what === 'revoke') {
        saved.set(await provisioningApi.revokeToken());
        setDone('Token revoked: the identity provider is refused from its next call.');
        focusTokenButton();
      } else {
        const { token, ...view } = await provisioningApi.createToken();
        saved.set(view);
        setIssued(token);
      }
      setAsking(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const saveRole = async (e: FormEvent) => {
    e.preventDefault();
    setRoleError(undefined);
    setRoleDone(null);
    try {
      saved.set(await provisioningApi.save(chosenRole));
      setRole(null);
      const label = provisionedRoleChoices.find((c) => c.value === chosenRole)?.label ?? chosenRole;
      setRoleDone(`Saved: the people the identity provider adds from now on get the role ${label}.`);
    } catch (err) {
      setRoleError(err);
    }
  };

  return (
    <Section title="Provisioning (SCIM)">
      <p className="muted">
        Your identity provider (Okta, Microsoft Entra ID, OneLogin, JumpCloud…) adds people here, keeps their
        name and address up to date, and takes their access when they leave: their open handoffs are handed
        on, and their history stays. Its groups are teams here, their members the teams’ members. Give it the
        base URL and a token.
      </p>
      <p className="small" data-testid="scim-managed-teams">
        {current.managedTeams?.length
          ? `Teams managed by your identity provider: ${current.managedTeams.map((t) => t.name).join(', ')}.`
          : 'Your identity provider manages no team yet: a group it pushes becomes a team.'}
      </p>
      <div className="security-form form" data-testid="provisioning">
        <CopyField id="scim-base-url" label="SCIM base URL" value={current.baseUrl} />
        {issued ? (
          <ShowOnce
            issued={{ token: issued }}
            onDone={() => {
              setIssued(null);
              setDone('Paste the token into your identity provider’s provisioning settings.');
              focusTokenButton();
            }}
          />
        ) : (
          <fieldset className="fieldset field">
            <legend>Token</legend>
            {current.tokenSet ? (
              <p data-testid="scim-token-state">
                A token is set (created {formatDateTime(current.tokenCreatedAt)}; it is never shown again).{' '}
                {current.lastUsedAt
                  ? `The identity provider last called ${formatDateTime(current.lastUsedAt)}.`
                  : 'The identity provider has not called yet.'}
              </p>
            ) : (
              <p data-testid="scim-token-state">No token: the identity provider cannot reach Baton.</p>
            )}
            <div className="form-actions">
              {current.tokenSet ? (
                <>
                  <button
                    type="button"
                    ref={tokenButton}
                    className="button"
                    onClick={() => setAsking('replace')}
                  >
                    Replace token
                  </button>
                  <button type="button" className="button danger" onClick={() => setAsking('revoke')}>
                    Revoke token
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  ref={tokenButton}
                  className="button primary"
                  disabled={busy}
                  onClick={() => void act('create')}
                >
                  {busy ? 'Creating…' : 'Create token'}
                </button>
              )}
            </div>
          </fieldset>
        )}
        {asking === null ? <ErrorNote error={error} title="Not done" /> : null}
        {done ? (
          <div className="note note-good" role="status">
            {done}
          </div>
        ) : null}
      </div>
      <form className="security-form form" onSubmit={(e) => void saveRole(e)} noValidate>
        <div className="field idle-field">
          <label htmlFor="scim-default-role">Role of the people it adds</label>
          <select
            id="scim-default-role"
            value={chosenRole}
            aria-describedby="scim-default-role-hint"
            onChange={(e) => {
              setRole(e.target.value as ProvisionedRole);
              setRoleDone(null);
            }}
          >
            {provisionedRoleChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <p className="small muted" id="scim-default-role-hint">
            Never admin: only an admin makes someone admin, on the People page.
          </p>
        </div>
        <ErrorNote error={roleError} title="Not saved" />
        {roleDone ? (
          <div className="note note-good" role="status">
            {roleDone}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={chosenRole === current.defaultRole}>
            Save role
          </button>
        </div>
      </form>
      <ConfirmDialog
        asking={asking}
        busy={busy}
        error={error}
        onCancel={() => {
          setAsking(null);
          setError(undefined);
        }}
        onConfirm={() => void act(asking === 'revoke' ? 'revoke' : 'replace')}
      />
    </Section>
  );
}
