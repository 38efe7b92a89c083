import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { InputField } from './InputField.tsx';
import { ssoStartUrl } from './sso-words.ts';

/**
 * Sign in with single sign-on: the work e-mail, then the browser goes to the server, which sends it
 * on to the organisation's identity provider (chosen by the address's domain) and back signed in.
 * `note` says why the person is here (a failure coming back, or the password form's `sso_required`);
 * with `focusContinue` the address is known and Continue takes the focus.
 */
export function SsoSignIn({
  email,
  setEmail,
  next,
  note,
  focusContinue,
  onBack,
}: {
  email: string;
  setEmail: (email: string) => void;
  next: string;
  note?: { text: string; kind: 'error' | 'info' };
  focusContinue: boolean;
  onBack: () => void;
}) {
  const [fieldError, setFieldError] = useState<string>();
  const [going, setGoing] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: where the focus starts, once
  useEffect(() => {
    (focusContinue && email ? continueRef : emailRef).current?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
      setFieldError('Give your work e-mail address, such as you@yourcompany.com.');
      emailRef.current?.focus();
      return;
    }
    setGoing(true);
    // A navigation, not a request: the identity provider's pages take over from here.
    window.location.assign(ssoStartUrl(address, next));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !going) {
      e.preventDefault();
      onBack();
    }
  };

  return (
    <>
      <h1>Sign in with single sign-on</h1>
      {note ? (
        <div className={`note ${note.kind === 'error' ? 'note-error' : 'note-info'}`} role="alert">
          {note.text}
        </div>
      ) : (
        <p className="muted">Give your work e-mail: you sign in at your organisation’s identity provider.</p>
      )}
      <form onSubmit={submit} onKeyDown={onKeyDown} className="form" noValidate data-testid="sso-sign-in">
        <InputField
          id="sso-email"
          ref={emailRef}
          type="email"
          label="Work email"
          autoComplete="username"
          value={email}
          onChange={(v) => {
            setEmail(v);
            setFieldError(undefined);
          }}
          error={fieldError}
        />
        <div className="form-actions column">
          <button type="submit" className="button primary wide" ref={continueRef} disabled={going}>
            {going ? 'Going to your identity provider…' : 'Continue with single sign-on'}
          </button>
          <button type="button" className="button wide" onClick={onBack}>
            Sign in with a password instead
          </button>
        </div>
      </form>
    </>
  );
}
