import QRCode from 'qrcode';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { InputField } from './InputField.tsx';
import { twoStepApi } from './two-step-api.ts';
import { explainTwoStep, type TwoStepError } from './two-step-errors.ts';

/** A new secret to add to the authenticator app, in text and as a QR code (an SVG data URL). */
export type SetupKey = { secret: string; qr: string };

/**
 * Starts a setup (`POST /me/two-step/setup`): asked for by a click, never on mounting, as a second
 * call would replace the secret the page shows.
 */
export async function newSetupKey(): Promise<SetupKey> {
  const { secret, uri } = await twoStepApi.setUp();
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` };
}

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * Setting two-step sign-in up, shared by the account's dialog and the page an organisation's
 * requirement opens: scan the QR code (or type the key), prove it with a code from the app, then
 * see the 10 recovery codes once. `leave` is the way out before it is on (Cancel, Sign out);
 * `onDone` follows "I have saved them".
 */
export function TwoStepSetup({
  setupKey,
  leave,
  onDone,
}: {
  setupKey: SetupKey;
  leave: ReactNode;
  onDone: () => void;
}) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<TwoStepError | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  // Each stage starts at its first thing to do: the code, then copying the recovery codes.
  useEffect(() => {
    document.getElementById(codes ? 'twostep-copy' : 'twostep-code')?.focus();
  }, [codes]);

  const enable = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await twoStepApi.enable(value.replace(/\s/g, ''));
      setValue('');
      setCodes(res.recoveryCodes);
    } catch (err) {
      const explained = explainTwoStep(
        err,
        'That is not the code your app shows now. Check the time on your phone and try the new code.',
      );
      setError(explained);
      if (explained.atField) focusSoon('twostep-code');
    } finally {
      setBusy(false);
    }
  };
  const copy = async (all: string[]) => {
    await navigator.clipboard?.writeText(all.join('\n')).catch(() => undefined);
    setCopied(true);
  };

  if (codes)
    return (
      <>
        <div className="note note-good" role="status">
          <strong>Two-step sign-in is on.</strong> Save these recovery codes: each signs you in once if you
          lose your phone. They are shown only now.
        </div>
        <ul className="twostep-codes" aria-label="Recovery codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" id="twostep-copy" className="button" onClick={() => void copy(codes)}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" className="button primary" onClick={onDone}>
            I have saved them
          </button>
        </div>
      </>
    );

  return (
    <form onSubmit={(e) => void enable(e)} noValidate>
      <p>Scan this QR code with your authenticator app.</p>
      <img className="twostep-qr" src={setupKey.qr} alt="QR code to add Baton to your authenticator app" />
      <p className="small muted">
        Cannot scan it? Enter this key in the app instead:{' '}
        <code className="twostep-secret" data-testid="twostep-secret">
          {setupKey.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      <InputField
        id="twostep-code"
        label="The 6-digit code the app shows"
        autoComplete="one-time-code"
        inputMode="numeric"
        value={value}
        onChange={setValue}
        error={error?.atField ? error.message : undefined}
      />
      {error && !error.atField ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="dialog-actions">
        {leave}
        <button type="submit" className="button primary" disabled={busy || !value.trim()}>
          {busy ? 'Turning on…' : 'Turn on'}
        </button>
      </div>
    </form>
  );
}
