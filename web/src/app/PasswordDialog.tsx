import { type FormEvent, useState } from 'react';
import { ApiError, post } from '../api/client.ts';
import { fieldMessage, InputField } from './InputField.tsx';
import { Dialog } from './ui.tsx';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * Your account: change your own password with the current one (`POST /me/password`). The server
 * ends your other sessions and keeps this one; the dialog says how many ended.
 */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [error, setError] = useState<{ field?: Field; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const close = () => {
    setValues({ currentPassword: '', newPassword: '', confirm: '' });
    setError(null);
    setDone(null);
    onClose();
  };
  const focus = (field: Field) =>
    requestAnimationFrame(() => document.getElementById(`pw-${field}`)?.focus());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (values.newPassword !== values.confirm) {
      setError({ field: 'confirm', message: 'The two new passwords differ.' });
      focus('confirm');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await post<{ sessionsEnded: number }>('/api/v1/me/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setDone(res.sessionsEnded);
      // The form is gone: the focus goes to Done, not to the page behind the dialog.
      requestAnimationFrame(() => document.getElementById('pw-done')?.focus());
    } catch (err) {
      const field =
        err instanceof ApiError && (err.field === 'currentPassword' || err.field === 'newPassword')
          ? err.field
          : undefined;
      const message =
        err instanceof ApiError && err.code === 'wrong_password'
          ? 'That is not your current password.'
          : err instanceof ApiError && err.code === 'rate_limited'
            ? 'Too many wrong passwords: wait a few minutes, then try again.'
            : err instanceof Error
              ? fieldMessage(err.message)
              : String(err);
      setError({ field, message });
      if (field) focus(field);
    } finally {
      setBusy(false);
    }
  };
  const input = (field: Field, label: string, autoComplete: string, hint?: string) => (
    <InputField
      id={`pw-${field}`}
      type="password"
      label={label}
      autoComplete={autoComplete}
      hint={hint}
      value={values[field]}
      error={error?.field === field ? error.message : undefined}
      onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
    />
  );
  return (
    <Dialog title="Change your password" open={open} onClose={close}>
      {done !== null ? (
        <>
          <div className="note note-good" role="status">
            <strong>Password changed.</strong>{' '}
            {done === 0
              ? 'You had no other session.'
              : `Your other ${done === 1 ? 'session was' : `${done} sessions were`} signed out.`}
          </div>
          <div className="dialog-actions">
            <button type="button" id="pw-done" className="button primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          {input('currentPassword', 'Current password', 'current-password')}
          {input('newPassword', 'New password', 'new-password', 'At least 10 characters.')}
          {input('confirm', 'New password again', 'new-password')}
          {error && !error.field ? (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Changing…' : 'Change password'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
