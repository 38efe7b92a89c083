import { ApiError } from '../api/client.ts';
import { fieldMessage } from './InputField.tsx';

/** A failed two-step request in words, and whether it belongs at the field. */
export type TwoStepError = { atField: boolean; message: string };

/** What went wrong with a two-step request; `wrong` is the field's words for a wrong code or password. */
export function explainTwoStep(err: unknown, wrong: string): TwoStepError {
  if (err instanceof ApiError && (err.code === 'wrong_code' || err.code === 'wrong_password'))
    return { atField: true, message: wrong };
  if (err instanceof ApiError && err.code === 'rate_limited')
    return { atField: false, message: 'Too many wrong tries: wait a few minutes, then try again.' };
  // The organisation started requiring it while the dialog was open.
  if (err instanceof ApiError && err.code === 'two_step_enforced')
    return {
      atField: false,
      message:
        'Your organisation requires two-step sign-in, so it stays on. If you lose your phone, sign in with a recovery code or ask an admin.',
    };
  if (err instanceof ApiError && err.field) return { atField: true, message: fieldMessage(err.message) };
  return { atField: false, message: err instanceof Error ? err.message : String(err) };
}
