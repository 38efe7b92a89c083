import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { fieldMessage, InputField } from './InputField.tsx';
import { navigate, useLocation } from './router.tsx';
import { AuthPanel } from './SignIn.tsx';

type Field = 'newPassword' | 'confirm';

/** As the server asks (`newPassword`: 10 to 200 characters). */
const minLength = 10;

/**
 * `/reset-password?token=…`, opened from the e-mailed link, signed in or not: a new password twice,
 * then the way to sign in with it. A link that no longer works (expired, used, replaced by a newer
 * one, or no token at all) says so and leads to asking for a new one.
 */
export function ResetPassword({ onReset }: { onReset: () => void }) {
  const { search } = useLocation();
  // Read once, then taken out of the address: a working link should not linger in the history.
  const [token] = useState(() => search.get('token') ?? '');
  useEffect(() => {
    if (search.has('token')) navigate('/reset-password', { replace: true });
  }, [search]);
  const [values, setValues] = useState<Record<Field, string>>({ newPassword: '', confirm: '' });
  const [error, setError] = useState<{ field?: Field; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ email: string } | null>(null);
  const [linkInvalid, setLinkInvalid] = useState(false);
  const newRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const refs = { newPassword: newRef, confirm: confirmRef };
  const invalid = linkInvalid || !token;
  // The page holds one form: start in it; once it is gone, on the one way on.
  useEffect(() => {
    (done || invalid ? nextRef : newRef).current?.focus();
  }, [done, invalid]);

  const atField = (field: Field, message: string) => {
    setError({ field, message });
    refs[field].current?.focus();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (values.newPassword.length < minLength)
      return atField('newPassword', `Use at least ${minLength} characters.`);
    if (values.newPassword !== values.confirm) return atField('confirm', 'The two new passwords differ.');
    setBusy(true);
    setError(null);
    try {
      const res = await api.confirmPasswordReset(token, values.newPassword);
      setValues({ newPassword: '', confirm: '' });
      setDone({ email: res.email });
      // Every session of that person ended, perhaps this browser's: the app asks again.
      onReset();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_reset_link') setLinkInvalid(true);
      else if (err instanceof ApiError && err.field === 'newPassword')
        atField('newPassword', fieldMessage(err.message));
      else setError({ message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <AuthPanel>
        <h1>Password set</h1>
        <div className="note note-good" role="status">
          <strong>Your password is set.</strong> <span>Every session you had has ended.</span>
        </div>
        <div className="form-actions column">
          <button
            type="button"
            className="button primary wide"
            ref={nextRef}
            onClick={() => navigate(`/signin?email=${encodeURIComponent(done.email)}`)}
          >
            Sign in
          </button>
        </div>
      </AuthPanel>
    );

  if (invalid)
    return (
      <AuthPanel>
        <h1>Set a new password</h1>
        <div className="note note-error" role="alert">
          <strong>This link has expired or was used already.</strong>{' '}
          <span>
            A link works once and for a while (30 minutes to reset a password, a week for an invitation), and
            a newer link replaces it. Ask for a new one.
          </span>
        </div>
        <div className="form-actions column">
          <button
            type="button"
            className="button primary wide"
            ref={nextRef}
            onClick={() => navigate('/signin?reset')}
          >
            Ask for a new link
          </button>
          <button type="button" className="button wide" onClick={() => navigate('/signin')}>
            Back to sign in
          </button>
        </div>
      </AuthPanel>
    );

  return (
    <AuthPanel>
      <h1>Set a new password</h1>
      <p className="muted">Choose the password you will sign in with from now on.</p>
      <form onSubmit={(e) => void submit(e)} className="form" noValidate>
        <InputField
          id="reset-newPassword"
          ref={newRef}
          type="password"
          label="New password"
          autoComplete="new-password"
          hint={`At least ${minLength} characters.`}
          value={values.newPassword}
          error={error?.field === 'newPassword' ? error.message : undefined}
          onChange={(value) => setValues((v) => ({ ...v, newPassword: value }))}
        />
        <InputField
          id="reset-confirm"
          ref={confirmRef}
          type="password"
          label="New password again"
          autoComplete="new-password"
          value={values.confirm}
          error={error?.field === 'confirm' ? error.message : undefined}
          onChange={(value) => setValues((v) => ({ ...v, confirm: value }))}
        />
        {error && !error.field ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? 'Setting…' : 'Set password'}
        </button>
      </form>
    </AuthPanel>
  );
}
