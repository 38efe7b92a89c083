import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { fieldMessage, InputField } from './InputField.tsx';
import { navigate } from './router.tsx';
import { SecondStep } from './SecondStep.tsx';
import { SsoSignIn } from './SsoSignIn.tsx';
import { ssoErrorInWords } from './sso-words.ts';

/** The signed-out pages' frame: the brand over one panel (sign in, reset a password). */
export function AuthPanel({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className="signin" id="main">
      <div className={wide ? 'signin-panel signin-panel-wide' : 'signin-panel'}>
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark" />
          Baton
        </div>
        {children}
      </div>
    </main>
  );
}

/** A refused request's wait in words: "try again in 3 minutes". */
export function retryInWords(err: ApiError): string {
  const seconds = Number(err.details.retryAfterS);
  const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
  return `Too many requests: try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`;
}

type Mode = 'signin' | 'reset' | 'sent' | 'sso';

/** The sign-in page's own query: read once, then taken out of the address bar. */
const openingKeys = ['email', 'reset', 'sso_error'];

/**
 * What the sign-in page was opened with: `?email=` prefills the address (after a reset), `?reset`
 * opens the reset form (a reset link that no longer works asks for a new one), `?sso_error=` is
 * single sign-on coming back refused; and the page the person was going to. Read once.
 */
function opening(): { email: string; reset: boolean; ssoError?: string; next: string } {
  const q = new URLSearchParams(location.search);
  const rest = new URLSearchParams(location.search);
  for (const key of openingKeys) rest.delete(key);
  return {
    email: q.get('email') ?? '',
    reset: q.has('reset'),
    ssoError: q.get('sso_error') ?? undefined,
    next: `${location.pathname}${rest.size ? `?${rest}` : ''}`,
  };
}

/**
 * Sign in, and when this Baton can e-mail (`passwordReset`), ask for a link to set a new password:
 * the panel turns into a one-field form, then says the link is on its way (whether or not anyone
 * uses that address: the page must not tell who has an account).
 */
export function SignIn({
  onSignedIn,
  passwordReset,
  singleSignOn = false,
  idleNote,
  setupNeeded = false,
}: {
  onSignedIn: () => void;
  passwordReset: boolean;
  /** Some organisation here signs in with single sign-on: the page offers it. */
  singleSignOn?: boolean;
  /** Why the person is here again: their session ended for want of activity. */
  idleNote?: string;
  /** A new Baton without any organisation: nobody can sign in before it is set up. */
  setupNeeded?: boolean;
}) {
  const [start] = useState(opening);
  const [mode, setMode] = useState<Mode>(
    start.ssoError ? 'sso' : start.reset && passwordReset ? 'reset' : 'signin',
  );
  // Why the single sign-on form is shown: a failure coming back, or the password form's refusal.
  const [ssoNote, setSsoNote] = useState<{ text: string; kind: 'error' | 'info' } | undefined>(
    start.ssoError ? { text: ssoErrorInWords(start.ssoError), kind: 'error' } : undefined,
  );
  const [email, setEmail] = useState(start.email);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [secondStep, setSecondStep] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Once read, the address leaves the address bar and the history (any other query stays).
  useEffect(() => {
    const q = new URLSearchParams(location.search);
    if (!openingKeys.some((key) => q.has(key))) return;
    for (const key of openingKeys) q.delete(key);
    const rest = q.toString();
    navigate(`${location.pathname}${rest ? `?${rest}` : ''}`, { replace: true });
  }, []);
  // The page holds one form: start in its first empty field, whenever the sign-in form appears
  // (not as the address is typed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on a change of mode
  useEffect(() => {
    if (mode === 'signin') (email ? passwordRef : emailRef).current?.focus();
  }, [mode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.signIn(email.trim(), password);
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'two_step_required') {
        setSecondStep(true);
        setBusy(false);
        return;
      }
      // The password was right, but this person signs in at their identity provider.
      if (err instanceof ApiError && err.code === 'sso_required') {
        setPassword('');
        setSsoNote({ text: ssoErrorInWords('sso_required'), kind: 'info' });
        setMode('sso');
        setBusy(false);
        return;
      }
      setError(
        err instanceof ApiError && err.status === 401
          ? 'That email and password do not match. Check both and try again.'
          : err instanceof Error
            ? err.message
            : String(err),
      );
      setBusy(false);
    }
  };

  if (mode === 'reset' || mode === 'sent')
    return (
      <AuthPanel>
        <ResetRequest
          email={email}
          setEmail={setEmail}
          sent={mode === 'sent'}
          onSent={() => setMode('sent')}
          onBack={() => {
            setError(undefined);
            setMode('signin');
          }}
        />
      </AuthPanel>
    );

  if (mode === 'sso')
    return (
      <AuthPanel>
        <SsoSignIn
          email={email}
          setEmail={setEmail}
          next={start.next}
          note={ssoNote}
          focusContinue={ssoNote?.kind === 'info'}
          onBack={() => {
            setSsoNote(undefined);
            setMode('signin');
          }}
        />
      </AuthPanel>
    );

  if (secondStep)
    return (
      <AuthPanel>
        <SecondStep
          email={email.trim()}
          password={password}
          onSignedIn={onSignedIn}
          onBack={() => {
            setPassword('');
            setSecondStep(false);
          }}
        />
      </AuthPanel>
    );

  if (setupNeeded)
    return (
      <AuthPanel>
        <h1>Welcome to Baton</h1>
        <div className="note note-info" role="status">
          <span>
            This Baton has no organisation yet, so nobody can sign in. Open the setup link the server wrote to
            its log when it started: it carries the setup token.
          </span>
        </div>
        <div className="form-actions column">
          <button type="button" className="button primary wide" onClick={() => navigate('/setup')}>
            Set up Baton
          </button>
        </div>
      </AuthPanel>
    );

  return (
    <AuthPanel>
      <h1>Sign in</h1>
      {idleNote ? (
        <div className="note note-info" role="status">
          {idleNote}
        </div>
      ) : (
        <p className="muted">Handoffs that carry the whole story, with one owner and a clock.</p>
      )}
      <form onSubmit={submit} className="form" noValidate>
        <div className="field">
          <label htmlFor="signin-email">Work email</label>
          <input
            id="signin-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            ref={emailRef}
          />
        </div>
        <div className="field">
          <label htmlFor="signin-password">Password</label>
          <input
            id="signin-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            ref={passwordRef}
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        {error ? (
          <p className="field-error" id="signin-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button primary wide" disabled={busy || !email || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {singleSignOn ? (
        <div className="form-actions column">
          <button
            type="button"
            className="button wide"
            onClick={() => {
              setError(undefined);
              setMode('sso');
            }}
          >
            Sign in with single sign-on
          </button>
        </div>
      ) : null}
      {passwordReset ? (
        <p className="signin-more">
          <button type="button" className="link-button" onClick={() => setMode('reset')}>
            Forgot your password?
          </button>
        </p>
      ) : (
        <p className="signin-more muted small">
          Forgot your password? Ask an admin of your organisation to set a new one.
        </p>
      )}
    </AuthPanel>
  );
}

/** Asks for a reset link (`POST /auth/password-reset`), then says where it went and for how long. */
function ResetRequest({
  email,
  setEmail,
  sent,
  onSent,
  onBack,
}: {
  email: string;
  setEmail: (email: string) => void;
  sent: boolean;
  onSent: () => void;
  onBack: () => void;
}) {
  const [error, setError] = useState<{ atField: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [minutes, setMinutes] = useState(30);
  const [sentTo, setSentTo] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  // The form starts in its field; the confirmation on its way back (the form is gone).
  useEffect(() => (sent ? backRef : emailRef).current?.focus(), [sent]);

  const fieldError = (message: string) => {
    setError({ atField: true, message });
    emailRef.current?.focus();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    if (!address) {
      fieldError('Give the address you sign in with.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api.requestPasswordReset(address);
      setMinutes(res.expiresInMinutes);
      setSentTo(address);
      onSent();
    } catch (err) {
      if (err instanceof ApiError && err.field === 'email') fieldError(fieldMessage(err.message));
      else
        setError({
          atField: false,
          message:
            err instanceof ApiError && err.code === 'rate_limited'
              ? retryInWords(err)
              : err instanceof ApiError && err.code === 'password_reset_off'
                ? 'This Baton sends no e-mail, so it cannot send a link. Ask an admin of your organisation to set a new password.'
                : err instanceof Error
                  ? err.message
                  : String(err),
        });
    } finally {
      setBusy(false);
    }
  };
  // Escape leaves the form for sign-in, as it closes a dialog.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      onBack();
    }
  };

  if (sent)
    return (
      <>
        <h1>Check your e-mail</h1>
        <div className="note note-good" role="status">
          <span>
            If an account uses <strong className="address">{sentTo}</strong>, we sent it a link to set a new
            password. It works for {minutes} minutes.
          </span>
        </div>
        <p className="muted small">Nothing after a few minutes? Look in your spam folder.</p>
        <div className="form-actions column">
          <button type="button" className="button wide" ref={backRef} onClick={onBack}>
            Back to sign in
          </button>
        </div>
      </>
    );

  return (
    <>
      <h1>Reset your password</h1>
      <p className="muted">Give the address you sign in with: we e-mail it a link to set a new password.</p>
      <form onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} className="form" noValidate>
        <InputField
          id="reset-email"
          ref={emailRef}
          type="email"
          label="Work email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={error?.atField ? error.message : undefined}
        />
        {error && !error.atField ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
        <div className="form-actions column">
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? 'Sending…' : 'Send reset link'}
          </button>
          <button type="button" className="button wide" onClick={onBack}>
            Back to sign in
          </button>
        </div>
      </form>
    </>
  );
}
