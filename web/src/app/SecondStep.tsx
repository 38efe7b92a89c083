import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { InputField } from './InputField.tsx';
import { retryInWords } from './SignIn.tsx';

/**
 * Sign-in's second step, for a person with two-step sign-in on: the 6-digit code from their
 * authenticator app, or one of their recovery codes instead. Errors at the field.
 */
export function SecondStep({
  email,
  password,
  onSignedIn,
  onBack,
}: {
  email: string;
  password: string;
  onSignedIn: () => void;
  onBack: () => void;
}) {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ atField: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of kind of code
  useEffect(() => codeRef.current?.focus(), [recovery]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const given = recovery ? code.trim() : code.replace(/\s/g, '');
    if (!given) {
      setError({
        atField: true,
        message: recovery ? 'Give one of your recovery codes.' : 'Give the 6-digit code.',
      });
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.signIn(email, password, given);
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_code')
        setError({
          atField: true,
          message: recovery
            ? 'That recovery code is wrong or was used already.'
            : 'That code is wrong or was used already. Wait for the next code and try again.',
        });
      else if (err instanceof ApiError && err.code === 'rate_limited')
        setError({ atField: false, message: retryInWords(err) });
      else if (err instanceof ApiError && err.code === 'invalid_credentials')
        setError({ atField: false, message: 'That email and password no longer match: sign in again.' });
      else setError({ atField: false, message: err instanceof Error ? err.message : String(err) });
      setBusy(false);
      codeRef.current?.focus();
    }
  };

  return (
    <>
      <h1>Two-step sign-in</h1>
      <p className="muted">
        {recovery
          ? 'Enter one of the recovery codes you saved when you turned two-step sign-in on. Each works once.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      <form onSubmit={(e) => void submit(e)} className="form" noValidate>
        <InputField
          key={recovery ? 'recovery' : 'app'}
          id="signin-code"
          ref={codeRef}
          label={recovery ? 'Recovery code' : '6-digit code'}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          value={code}
          onChange={setCode}
          error={error?.atField ? error.message : undefined}
        />
        {error && !error.atField ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
        <div className="form-actions column">
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p className="signin-more">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCode('');
            setError(null);
            setRecovery(!recovery);
          }}
        >
          {recovery ? 'Use the code from your app instead' : 'Use a recovery code instead'}
        </button>
      </p>
      <p className="signin-more">
        <button type="button" className="link-button" onClick={onBack}>
          Back to sign in
        </button>
      </p>
    </>
  );
}
