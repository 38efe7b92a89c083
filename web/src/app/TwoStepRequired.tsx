import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';
import { AuthPanel } from './SignIn.tsx';
import { newSetupKey, type SetupKey, TwoStepSetup } from './TwoStepSetup.tsx';
import { explainTwoStep, type TwoStepError } from './two-step-errors.ts';
import { ErrorNote, Loading } from './ui.tsx';

/**
 * What a signed-in person sees instead of the app while their organisation requires two-step
 * sign-in of them and theirs is off (the API answers them nothing else): who requires it, then the
 * setup and the recovery codes, then `onDone` opens the app. They stay signed in; Sign out is
 * always there.
 */
export function TwoStepRequired({ onDone, onSignOut }: { onDone: () => void; onSignOut: () => void }) {
  const [me, setMe] = useState<Me | null>(null);
  const [failed, setFailed] = useState<unknown>();
  const [key, setKey] = useState<SetupKey | null>(null);
  const [error, setError] = useState<TwoStepError | null>(null);
  const [busy, setBusy] = useState(false);
  const start = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    api.me().then(setMe, setFailed);
  }, []);
  // The screen's first thing to do takes the focus once it is there.
  useEffect(() => {
    if (me) start.current?.focus();
  }, [me]);

  const setUp = async () => {
    setBusy(true);
    setError(null);
    try {
      setKey(await newSetupKey());
    } catch (err) {
      setError(explainTwoStep(err, ''));
    } finally {
      setBusy(false);
    }
  };
  const signOut = (
    <button type="button" className="button" onClick={onSignOut}>
      Sign out
    </button>
  );

  if (!me)
    return (
      <AuthPanel>
        {failed ? (
          <>
            <ErrorNote error={failed} title="Baton could not start" />
            <div className="dialog-actions">{signOut}</div>
          </>
        ) : (
          <Loading label="Opening Baton" />
        )}
      </AuthPanel>
    );

  return (
    <AuthPanel>
      <h1>Set up two-step sign-in</h1>
      <p>
        {me.organisation.name} requires two-step sign-in for {me.person?.name ?? 'your account'}: after your
        password, a 6-digit code from an authenticator app on your phone (Google Authenticator, Microsoft
        Authenticator, 1Password, …).
      </p>
      {key ? (
        <TwoStepSetup setupKey={key} leave={signOut} onDone={onDone} />
      ) : (
        <>
          <p className="muted small">It takes a minute; Baton opens as soon as it is on.</p>
          {error ? (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          ) : null}
          <div className="dialog-actions">
            {signOut}
            <button
              type="button"
              ref={start}
              className="button primary"
              disabled={busy}
              onClick={() => void setUp()}
            >
              {busy ? 'Setting up…' : 'Set up'}
            </button>
          </div>
        </>
      )}
    </AuthPanel>
  );
}
