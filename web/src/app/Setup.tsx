import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { FormField } from '../people/FormField.tsx';
import { timeZones } from '../people/person-form.ts';
import { TimeZoneOptions } from '../people/TimeZoneOptions.tsx';
import { fieldMessage } from './InputField.tsx';
import { navigate, useLocation } from './router.tsx';
import { AuthPanel } from './SignIn.tsx';
import {
  minPasswordLength,
  type SetupDraft,
  type SetupField,
  setupBody,
  setupFieldOrder,
  setupProblems,
  slugHint,
} from './setup-form.ts';
import { ErrorNote, Loading } from './ui.tsx';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

type Status =
  | { state: 'loading' }
  | { state: 'needed' }
  | { state: 'done' }
  | { state: 'error'; error: unknown };

/**
 * `/setup?token=…`: a new Baton's first organisation and its admin, opened from the link the server
 * logs while it has none. The token leaves the address bar once read; without one, the form asks for
 * it. Once made, the admin is signed in and lands on People to add their colleagues.
 */
export function Setup({ onDone }: { onDone: () => void }) {
  const { search } = useLocation();
  const [fromLink] = useState(() => search.has('token'));
  const [draft, setDraft] = useState<SetupDraft>(() => ({
    name: '',
    slug: '',
    timezone: browserZone,
    adminName: '',
    email: '',
    password: '',
    confirm: '',
    starterTeams: true,
    setupToken: search.get('token') ?? '',
  }));
  const [askToken, setAskToken] = useState(!fromLink);
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [errors, setErrors] = useState<Partial<Record<SetupField, string>>>({});
  const [formError, setFormError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [zones] = useState(() => timeZones([browserZone]));
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (search.has('token')) navigate('/setup', { replace: true });
  }, [search]);
  useEffect(() => {
    api.setupStatus().then(
      (r) => setStatus({ state: r.needed ? 'needed' : 'done' }),
      (error) => setStatus({ state: 'error', error }),
    );
  }, []);
  // The form's first field once it shows: the token when it is asked for, else the organisation's name.
  useEffect(() => {
    if (status.state === 'needed') form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [status.state]);

  const set = <K extends keyof SetupDraft>(key: K, value: SetupDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const showErrors = (found: Partial<Record<SetupField, string>>) => {
    setErrors(found);
    const first = setupFieldOrder.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(idOf(first))?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = setupProblems(draft);
    if (Object.keys(problems).length) {
      if (problems.setupToken) setAskToken(true);
      return showErrors(problems);
    }
    setBusy(true);
    setErrors({});
    setFormError(undefined);
    try {
      await api.setUp(setupBody(draft));
      navigate('/people', { replace: true });
      onDone();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'already_set_up') return setStatus({ state: 'done' });
      if (err instanceof ApiError && err.code === 'setup_token_invalid') {
        setAskToken(true);
        return showErrors({ setupToken: fieldMessage(err.message) });
      }
      const field = err instanceof ApiError ? (err.field as SetupField | undefined) : undefined;
      if (err instanceof ApiError && field && setupFieldOrder.includes(field))
        return showErrors({ [field]: fieldMessage(err.message) });
      setFormError(err);
    }
  };

  if (status.state === 'loading') return <Loading label="Opening Baton" />;
  if (status.state === 'error')
    return (
      <AuthPanel>
        <ErrorNote error={status.error} title="Baton could not say whether it is set up" />
      </AuthPanel>
    );
  if (status.state === 'done')
    return (
      <AuthPanel>
        <h1>Baton is set up</h1>
        <p className="muted">
          This Baton has an organisation already. Sign in, or ask its admin for an account.
        </p>
        <div className="form-actions column">
          <button
            type="button"
            className="button primary wide"
            onClick={() => navigate('/sign-in', { replace: true })}
          >
            Go to sign in
          </button>
        </div>
      </AuthPanel>
    );

  const suggested = slugHint(draft.name);
  return (
    <AuthPanel wide>
      <h1>Set up Baton</h1>
      <p className="muted">Your organisation, and you as its first admin. You add your colleagues next.</p>
      <form ref={form} onSubmit={(e) => void submit(e)} className="form" noValidate>
        {askToken ? (
          <FormField
            id={idOf('setupToken')}
            label="Setup token"
            hint="In the setup link the server wrote to its log when it started (or BATON_SETUP_TOKEN)."
            error={errors.setupToken}
          >
            {(c) => (
              <input
                {...c}
                autoComplete="off"
                spellCheck={false}
                value={draft.setupToken}
                onChange={(e) => set('setupToken', e.target.value)}
              />
            )}
          </FormField>
        ) : null}
        <fieldset className="setup-group">
          <legend>Organisation</legend>
          <FormField id={idOf('organisation.name')} label="Name" error={errors['organisation.name']}>
            {(c) => (
              <input
                {...c}
                autoComplete="organization"
                value={draft.name}
                placeholder="Northwind Home Services"
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id={idOf('organisation.slug')}
            label="Short name"
            optional
            hint={
              suggested && !draft.slug
                ? `Left empty: ${suggested}. Used in API calls and on the command line (--org).`
                : 'Used in API calls and on the command line (--org).'
            }
            error={errors['organisation.slug']}
          >
            {(c) => (
              <input
                {...c}
                autoComplete="off"
                spellCheck={false}
                value={draft.slug}
                placeholder={suggested || 'northwind'}
                onChange={(e) => set('slug', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id={idOf('organisation.timezone')}
            label="Time zone"
            hint="Reports, the weekly review and new teams' hours (weekdays 09:00 to 17:00) follow it."
            error={errors['organisation.timezone']}
          >
            {(c) => (
              <select {...c} value={draft.timezone} onChange={(e) => set('timezone', e.target.value)}>
                <TimeZoneOptions zones={zones} />
              </select>
            )}
          </FormField>
          <label className="check-row">
            <input
              type="checkbox"
              checked={draft.starterTeams}
              onChange={(e) => set('starterTeams', e.target.checked)}
              aria-describedby="setup-starter-hint"
            />{' '}
            Start with the starter teams and scenarios
          </label>
          <p className="small muted" id="setup-starter-hint">
            Support, Finance, Engineering, Tier 2 and Supervisors, led by you, with the six default handoff
            scenarios between them. Rename, change or remove them later.
          </p>
        </fieldset>
        <fieldset className="setup-group">
          <legend>You, its first admin</legend>
          <FormField id={idOf('admin.name')} label="Your name" error={errors['admin.name']}>
            {(c) => (
              <input
                {...c}
                autoComplete="name"
                value={draft.adminName}
                onChange={(e) => set('adminName', e.target.value)}
              />
            )}
          </FormField>
          <FormField id={idOf('admin.email')} label="Work email" error={errors['admin.email']}>
            {(c) => (
              <input
                {...c}
                type="email"
                autoComplete="username"
                value={draft.email}
                onChange={(e) => set('email', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id={idOf('admin.password')}
            label="Password"
            hint={`At least ${minPasswordLength} characters.`}
            error={errors['admin.password']}
          >
            {(c) => (
              <input
                {...c}
                type="password"
                autoComplete="new-password"
                value={draft.password}
                onChange={(e) => set('password', e.target.value)}
              />
            )}
          </FormField>
          <FormField id={idOf('confirm')} label="Password again" error={errors.confirm}>
            {(c) => (
              <input
                {...c}
                type="password"
                autoComplete="new-password"
                value={draft.confirm}
                onChange={(e) => set('confirm', e.target.value)}
              />
            )}
          </FormField>
        </fieldset>
        {formError ? <ErrorNote error={formError} title="Baton could not be set up" /> : null}
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? 'Setting up…' : 'Set up Baton'}
        </button>
      </form>
    </AuthPanel>
  );
}

/** A field's element id: `organisation.name` → `setup-organisation-name`. */
function idOf(field: SetupField): string {
  return `setup-${field.replace('.', '-')}`;
}
