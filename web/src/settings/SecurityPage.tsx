import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { TwoStepRequirement } from '../../../src/auth/two-step-policy.ts';
import { ApiError } from '../api/client.ts';
import { counted, namesInWords } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { TwoStepDialog } from '../app/TwoStepDialog.tsx';
import { twoStepApi } from '../app/two-step-api.ts';
import { ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { IdleSignOut } from './IdleSignOut.tsx';
import { Provisioning } from './Provisioning.tsx';
import { SingleSignOn } from './SingleSignOn.tsx';
import { type SignInSettings, signInApi } from './sign-in-api.ts';
import { stoppedBy } from './two-step-reach.ts';
import './security.css';

const options: { value: TwoStepRequirement; label: string; hint: string }[] = [
  { value: 'nobody', label: 'Nobody', hint: 'Each person chooses, from the account menu under their name.' },
  {
    value: 'admins',
    label: 'Admins',
    hint: 'People with the admin role set it up before anything else; the others choose.',
  },
  { value: 'everyone', label: 'Everyone', hint: 'Every person sets it up before anything else.' },
];

const savedInWords = (s: SignInSettings) => {
  if (s.twoStepRequired === 'nobody') return 'Saved: each person chooses whether to sign in in two steps.';
  const stopped = stoppedBy(s.twoStepRequired, s.withoutTwoStep).length;
  return `Saved: two-step sign-in is required of ${s.twoStepRequired}.${
    stopped
      ? ` ${counted(stopped, 'person', 'people')} ${stopped === 1 ? 'is' : 'are'} asked to set it up at their next request.`
      : ''
  }`;
};

/**
 * Settings > Security (admins): whether the organisation requires two-step sign-in, of admins or
 * of everyone. Before saving, it names whom the choice stops (the people it covers who have it
 * off: at their next request they set it up before anything else). An admin it would stop is
 * asked to turn their own on first. Below, after how long idle a session ends (IdleSignOut.tsx),
 * single sign-on (SingleSignOn.tsx) and SCIM provisioning (Provisioning.tsx), each saved on its own.
 */
export default function SecurityPage() {
  const s = useSession();
  const saved = useResource('sign-in-settings', (signal) => signInApi.get(signal));
  const [draft, setDraft] = useState<TwoStepRequirement | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [ownOff, setOwnOff] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [twoStepOpen, setTwoStepOpen] = useState(false);
  const turnOnYours = useRef<HTMLButtonElement>(null);
  // Once the refusal is on the page (the Save that was pressed is disabled meanwhile, which leaves the
  // focus nowhere), its way out takes the focus: in an effect, after React has put the button there.
  useEffect(() => {
    if (ownOff) turnOnYours.current?.focus();
  }, [ownOff]);
  const saveButton = useRef<HTMLButtonElement>(null);

  const head = (
    <div className="page-head">
      <div>
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/settings">Settings</Link> / Security
        </nav>
        <h1>Sign-in security</h1>
        <p className="muted">How the people of {s.me.organisation.name} sign in to Baton.</p>
      </div>
    </div>
  );
  if (!saved.data)
    return (
      <div className="page">
        {head}
        {saved.error ? <ErrorNote error={saved.error} /> : <Loading />}
      </div>
    );

  const current = saved.data;
  const chosen = draft ?? current.twoStepRequired;
  const changed = chosen !== current.twoStepRequired;
  const stopped = stoppedBy(chosen, current.withoutTwoStep);
  const myId = s.me.person?.id;
  const names = stopped.map((p) => (p.id === myId ? `${p.name} (you)` : p.name));

  // Each choice reads who has it off again: someone may have turned theirs on meanwhile.
  const choose = (value: TwoStepRequirement) => {
    setDraft(value);
    saved.reload();
    setOwnOff(false);
    setError(undefined);
    setDone(null);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed || busy) return;
    setBusy(true);
    setError(undefined);
    setOwnOff(false);
    try {
      const answer = await signInApi.save({ twoStepRequired: chosen });
      saved.set(answer);
      setDraft(null);
      setDone(savedInWords(answer));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'own_two_step_off') {
        setOwnOff(true);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  // Back from the account's dialog: once theirs is on, the way to saving is clear.
  const closeTwoStep = async () => {
    setTwoStepOpen(false);
    const status = await twoStepApi.status().catch(() => null);
    if (!status?.enabled) return;
    setOwnOff(false);
    saved.reload();
    requestAnimationFrame(() => saveButton.current?.focus());
  };

  return (
    <div className="page">
      {head}
      <div className="stack">
        <Section title="Two-step sign-in">
          <p className="muted">
            After the password, a 6-digit code from an authenticator app. A person the setting covers who has
            not set it up is asked to at their next request, before anything else: they stay signed in, and
            only an admin can turn theirs off (People, Edit). API tokens are not concerned.
          </p>
          <form
            className="security-form"
            onSubmit={(e) => void save(e)}
            noValidate
            data-testid="sign-in-security"
          >
            <fieldset className="fieldset" aria-describedby={ownOff ? 'own-two-step-off' : undefined}>
              <legend>Require two-step sign-in of</legend>
              <ul className="security-options">
                {options.map((o) => (
                  <li key={o.value}>
                    <input
                      type="radio"
                      id={`two-step-${o.value}`}
                      name="twoStepRequired"
                      value={o.value}
                      checked={chosen === o.value}
                      onChange={() => choose(o.value)}
                      aria-describedby={`two-step-${o.value}-hint`}
                    />
                    <label htmlFor={`two-step-${o.value}`}>{o.label}</label>
                    <span className="hint" id={`two-step-${o.value}-hint`}>
                      {o.hint}
                    </span>
                  </li>
                ))}
              </ul>
              {ownOff ? (
                <div className="note note-error" id="own-two-step-off" role="alert">
                  <span>
                    <strong>Your own two-step sign-in is off:</strong> this setting would stop you too. Turn
                    yours on first (also in the account menu under your name), then save again.
                  </span>
                  <span>
                    <button
                      type="button"
                      ref={turnOnYours}
                      className="button"
                      onClick={() => setTwoStepOpen(true)}
                    >
                      Turn on your two-step sign-in
                    </button>
                  </span>
                </div>
              ) : null}
            </fieldset>
            <div aria-live="polite" data-testid="two-step-reach">
              {chosen === 'nobody' ? null : stopped.length === 0 ? (
                <p>Everyone it covers has two-step sign-in on: it stops nobody.</p>
              ) : (
                <p>
                  {changed ? 'Saving this stops' : 'This stops'} {counted(stopped.length, 'person', 'people')}{' '}
                  at their next request, until they set it up: {namesInWords(names)}.
                </p>
              )}
            </div>
            <ErrorNote error={error} title="Not saved" />
            {done ? (
              <div className="note note-good" role="status">
                {done}
              </div>
            ) : null}
            <div className="form-actions">
              <button type="submit" ref={saveButton} className="button primary" disabled={busy || !changed}>
                {busy ? 'Saving…' : 'Save'}
              </button>
            </div>
          </form>
        </Section>
        <IdleSignOut saved={current} onSaved={saved.set} />
        <SingleSignOn />
        <Provisioning />
      </div>
      <TwoStepDialog open={twoStepOpen} onClose={() => void closeTwoStep()} />
    </div>
  );
}
