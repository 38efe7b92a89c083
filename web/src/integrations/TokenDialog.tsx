import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { Role } from '../api/types.ts';
import { sentenceStart } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { ShowOnce } from './ShowOnce.tsx';
import { type IssuedToken, tokenRoles, tokensApi } from './tokens-api.ts';

type Field = 'name' | 'roles' | 'personId';
const fields: Field[] = ['name', 'roles', 'personId'];

/** The field the API found at fault ("roles.0" is the roles), and its message without "roles.0: ". */
function fieldError(error: unknown): { field: Field; message: string } | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const field = error.field.split('.')[0] as Field;
  if (!fields.includes(field)) return undefined;
  const text = error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message;
  return { field, message: sentenceStart(text) };
}

/**
 * "Issue token": a name, its roles and, optionally, the person it acts as; then the token itself,
 * shown this once to copy (the list behind is refreshed as soon as it is issued).
 */
export function TokenDialog({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (t: IssuedToken) => void;
}) {
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const close = () => {
    setIssued(null);
    onClose();
  };
  return (
    <Dialog title={issued ? 'Copy your new token' : 'Issue an API token'} open={open} onClose={close}>
      {issued ? (
        <ShowOnce issued={issued} onDone={close} />
      ) : (
        <IssueForm
          onCancel={close}
          onIssued={(t) => {
            setIssued(t);
            onIssued(t);
          }}
        />
      )}
    </Dialog>
  );
}

function IssueForm({ onCancel, onIssued }: { onCancel: () => void; onIssued: (t: IssuedToken) => void }) {
  const s = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const at = fieldError(error);
  const errorOf = (f: Field) => (at?.field === f ? at.message : undefined);
  const people = s.people.filter((p) => p.active);
  // Opened to be filled in: the name comes first.
  useEffect(() => form.current?.querySelector<HTMLElement>('#token-name')?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onIssued(await tokensApi.issue({ name, roles, personId: personId || undefined }));
    } catch (err) {
      setError(err);
      // A keyboard or screen-reader user lands on what to fix.
      const f = fieldError(err)?.field;
      if (f)
        requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[data-focus="${f}"]`)?.focus());
    } finally {
      setBusy(false);
    }
  };
  const toggle = (role: Role, on: boolean) =>
    setRoles((r) => (on ? [...r.filter((x) => x !== role), role] : r.filter((x) => x !== role)));
  const described = (f: Field, hint?: string) =>
    [hint, errorOf(f) ? `token-${f}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldErrorLine = (f: Field) =>
    errorOf(f) ? (
      <span className="field-error" id={`token-${f}-error`}>
        {errorOf(f)}
      </span>
    ) : null;

  return (
    <form ref={form} className="form token-form" onSubmit={submit} noValidate data-testid="token-form">
      <div className={`field${errorOf('name') ? ' field-invalid' : ''}`}>
        <label htmlFor="token-name">Name</label>
        <input
          id="token-name"
          data-focus="name"
          value={name}
          maxLength={100}
          autoComplete="off"
          placeholder="Zendesk bridge"
          aria-invalid={errorOf('name') ? true : undefined}
          aria-describedby={described('name', 'token-name-hint')}
          onChange={(e) => setName(e.target.value)}
        />
        <span className="hint" id="token-name-hint">
          What uses it, as the change log will name it.
        </span>
        {fieldErrorLine('name')}
      </div>
      <fieldset
        className={`fieldset token-roles${errorOf('roles') ? ' field-invalid' : ''}`}
        aria-describedby={described('roles', 'token-roles-hint')}
      >
        <legend>Roles</legend>
        <span className="hint" id="token-roles-hint">
          What the token may do, as a person with these roles; at least one.
        </span>
        {tokenRoles.map((r, i) => (
          <label key={r.role} className="event-choice">
            <input
              type="checkbox"
              data-focus={i === 0 ? 'roles' : undefined}
              checked={roles.includes(r.role)}
              onChange={(e) => toggle(r.role, e.target.checked)}
            />
            <span>
              {r.label} <span className="muted small">· {r.hint}</span>
            </span>
          </label>
        ))}
        {fieldErrorLine('roles')}
      </fieldset>
      <div className={`field${errorOf('personId') ? ' field-invalid' : ''}`}>
        <label htmlFor="token-person">
          Acts as <span className="opt">optional</span>
        </label>
        <select
          id="token-person"
          data-focus="personId"
          value={personId}
          aria-invalid={errorOf('personId') ? true : undefined}
          aria-describedby={described('personId', 'token-person-hint')}
          onChange={(e) => setPersonId(e.target.value)}
        >
          <option value="">No person</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <span className="hint" id="token-person-hint">
          What it does is signed with their name; with no person, logs say “an API token”.
        </span>
        {fieldErrorLine('personId')}
      </div>
      {error && !at ? <ErrorNote error={error} title="The token was not issued" /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Issuing…' : 'Issue token'}
        </button>
      </div>
    </form>
  );
}
