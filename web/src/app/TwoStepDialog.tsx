import QRCode from 'qrcode';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { formatDateTime } from './format.ts';
import { fieldMessage, InputField } from './InputField.tsx';
import { type TwoStepStatus, twoStepApi } from './two-step-api.ts';
import { Dialog } from './ui.tsx';

type Stage =
  | { kind: 'loading' }
  | { kind: 'status'; status: TwoStepStatus }
  | { kind: 'setup'; secret: string; qr: string }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'off-asked'; status: TwoStepStatus };

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** Where the focus goes as each stage appears: its first thing to do. */
const firstOf: Record<Stage['kind'], string | null> = {
  loading: null,
  status: 'twostep-primary',
  setup: 'twostep-code',
  codes: 'twostep-copy',
  'off-asked': 'twostep-password',
};

/** The error of a failed request in words, and whether it is the field's. */
function explain(err: unknown, wrong: string): { atField: boolean; message: string } {
  if (err instanceof ApiError && (err.code === 'wrong_code' || err.code === 'wrong_password'))
    return { atField: true, message: wrong };
  if (err instanceof ApiError && err.code === 'rate_limited')
    return { atField: false, message: 'Too many wrong tries: wait a few minutes, then try again.' };
  if (err instanceof ApiError && err.field) return { atField: true, message: fieldMessage(err.message) };
  return { atField: false, message: err instanceof Error ? err.message : String(err) };
}

/**
 * Your account: two-step sign-in with an authenticator app. Off: set it up (QR code and the secret
 * in text), prove it with a code, then see the 10 recovery codes once. On: since when, codes left,
 * and turning it off with the password.
 */
export function TwoStepDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [value, setValue] = useState('');
  const [error, setError] = useState<{ atField: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const load = async () => {
    setStage({ kind: 'loading' });
    try {
      setStage({ kind: 'status', status: await twoStepApi.status() });
    } catch (err) {
      setError(explain(err, ''));
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: on opening only
  useEffect(() => {
    if (open) void load();
  }, [open]);

  useEffect(() => {
    const id = firstOf[stage.kind];
    if (id) document.getElementById(id)?.focus();
  }, [stage.kind]);

  const close = () => {
    setValue('');
    setError(null);
    setCopied(false);
    setStage({ kind: 'loading' });
    onClose();
  };
  const run = async (work: () => Promise<void>, wrong: string, field: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      const e = explain(err, wrong);
      setError(e);
      if (e.atField) focusSoon(field);
    } finally {
      setBusy(false);
    }
  };
  const setUp = () =>
    run(
      async () => {
        const { secret, uri } = await twoStepApi.setUp();
        const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        setValue('');
        setStage({
          kind: 'setup',
          secret,
          qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
        });
      },
      '',
      '',
    );
  const enable = (e: FormEvent) => {
    e.preventDefault();
    void run(
      async () => {
        const res = await twoStepApi.enable(value.replace(/\s/g, ''));
        setValue('');
        setStage({ kind: 'codes', codes: res.recoveryCodes });
      },
      'That is not the code your app shows now. Check the time on your phone and try the new code.',
      'twostep-code',
    );
  };
  const disable = (e: FormEvent) => {
    e.preventDefault();
    void run(
      async () => {
        await twoStepApi.disable(value);
        setValue('');
        await load();
      },
      'That is not your current password.',
      'twostep-password',
    );
  };
  const copy = async (codes: string[]) => {
    await navigator.clipboard?.writeText(codes.join('\n')).catch(() => undefined);
    setCopied(true);
  };
  const generalError =
    error && !error.atField ? (
      <p className="field-error" role="alert">
        {error.message}
      </p>
    ) : null;

  return (
    <Dialog title="Two-step sign-in" open={open} onClose={close}>
      {stage.kind === 'loading' ? <p className="muted">Loading…</p> : null}
      {stage.kind === 'status' && !stage.status.enabled ? (
        <>
          <p>
            <strong>Off.</strong> Add a second step to signing in: after your password, a 6-digit code from an
            authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password, …).
          </p>
          {generalError}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Close
            </button>
            <button
              type="button"
              id="twostep-primary"
              className="button primary"
              disabled={busy}
              onClick={() => void setUp()}
            >
              Set up
            </button>
          </div>
        </>
      ) : null}
      {stage.kind === 'setup' ? (
        <form onSubmit={enable} noValidate>
          <p>Scan this QR code with your authenticator app.</p>
          <img className="twostep-qr" src={stage.qr} alt="QR code to add Baton to your authenticator app" />
          <p className="small muted">
            Cannot scan it? Enter this key in the app instead:{' '}
            <code className="twostep-secret" data-testid="twostep-secret">
              {stage.secret.replace(/(.{4})/g, '$1 ').trim()}
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
          {generalError}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy || !value.trim()}>
              {busy ? 'Turning on…' : 'Turn on'}
            </button>
          </div>
        </form>
      ) : null}
      {stage.kind === 'codes' ? (
        <>
          <div className="note note-good" role="status">
            <strong>Two-step sign-in is on.</strong> Save these recovery codes: each signs you in once if you
            lose your phone. They are shown only now.
          </div>
          <ul className="twostep-codes" aria-label="Recovery codes">
            {stage.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" id="twostep-copy" className="button" onClick={() => void copy(stage.codes)}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="button primary" onClick={close}>
              I have saved them
            </button>
          </div>
        </>
      ) : null}
      {stage.kind === 'status' && stage.status.enabled ? (
        <>
          <p>
            <strong>On</strong>
            {stage.status.enabledAt ? ` since ${formatDateTime(stage.status.enabledAt)}` : ''}.{' '}
            {stage.status.recoveryCodesLeft === 1
              ? '1 recovery code left.'
              : `${stage.status.recoveryCodesLeft} recovery codes left.`}
          </p>
          {generalError}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Close
            </button>
            <button
              type="button"
              id="twostep-primary"
              className="button danger"
              onClick={() => {
                setError(null);
                setStage({ kind: 'off-asked', status: stage.status });
              }}
            >
              Turn off
            </button>
          </div>
        </>
      ) : null}
      {stage.kind === 'off-asked' ? (
        <form onSubmit={disable} noValidate>
          <p>Signing in will ask for your password only.</p>
          <InputField
            id="twostep-password"
            type="password"
            label="Your password"
            autoComplete="current-password"
            value={value}
            onChange={setValue}
            error={error?.atField ? error.message : undefined}
          />
          {generalError}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button danger" disabled={busy || !value}>
              {busy ? 'Turning off…' : 'Turn off two-step sign-in'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
