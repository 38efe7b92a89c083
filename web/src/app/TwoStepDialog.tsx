import { type FormEvent, useEffect, useState } from 'react';
import { formatDateTime } from './format.ts';
import { InputField } from './InputField.tsx';
import { newSetupKey, type SetupKey, TwoStepSetup } from './TwoStepSetup.tsx';
import { type TwoStepStatus, twoStepApi } from './two-step-api.ts';
import { explainTwoStep, type TwoStepError } from './two-step-errors.ts';
import { Dialog } from './ui.tsx';

type Stage =
  | { kind: 'loading' }
  | { kind: 'status'; status: TwoStepStatus }
  | { kind: 'setup'; key: SetupKey }
  | { kind: 'off-asked'; status: TwoStepStatus };

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** Where the focus goes as each stage appears: its first thing to do (setup places its own). */
const firstOf: Record<Stage['kind'], string | null> = {
  loading: null,
  status: 'twostep-primary',
  setup: null,
  'off-asked': 'twostep-password',
};

/**
 * Your account: two-step sign-in with an authenticator app. Off: set it up (TwoStepSetup.tsx). On:
 * since when, codes left, and turning it off with the password, unless the organisation requires
 * it of you (then a recovery code or an admin helps the day the phone is lost).
 */
export function TwoStepDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [value, setValue] = useState('');
  const [error, setError] = useState<TwoStepError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setStage({ kind: 'loading' });
    try {
      setStage({ kind: 'status', status: await twoStepApi.status() });
    } catch (err) {
      setError(explainTwoStep(err, ''));
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
    setStage({ kind: 'loading' });
    onClose();
  };
  const run = async (work: () => Promise<void>, wrong: string, field: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      const e = explainTwoStep(err, wrong);
      setError(e);
      if (e.atField) focusSoon(field);
    } finally {
      setBusy(false);
    }
  };
  const setUp = () =>
    run(
      async () => {
        const key = await newSetupKey();
        setStage({ kind: 'setup', key });
      },
      '',
      '',
    );
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
          {stage.status.required ? (
            <p>Your organisation requires it: set it up to keep using Baton.</p>
          ) : null}
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
        <TwoStepSetup
          setupKey={stage.key}
          onDone={close}
          leave={
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          }
        />
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
          {stage.status.required ? (
            <p data-testid="twostep-required">
              Your organisation requires two-step sign-in, so it stays on. If you lose your phone, sign in
              with one of your recovery codes, or ask an admin to turn it off for you so you can set it up
              again.
            </p>
          ) : null}
          {generalError}
          <div className="dialog-actions">
            {/* Required: closing is the only thing to do here, so it takes the focus. */}
            <button
              type="button"
              id={stage.status.required ? 'twostep-primary' : undefined}
              className="button"
              onClick={close}
            >
              Close
            </button>
            {stage.status.required ? null : (
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
            )}
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
