import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { minutesInWords } from '../app/format.ts';
import { fieldMessage } from '../app/InputField.tsx';
import { ErrorNote, Section } from '../app/ui.tsx';
import { type SignInSettings, signInApi } from './sign-in-api.ts';

/** The limits offered, in minutes; null is none (a session then lasts its 14 days). */
const choices: (number | null)[] = [null, 15, 30, 60, 120, 240, 480, 1440, 10_080];

const optionValue = (m: number | null) => (m === null ? 'never' : String(m));
const optionLabel = (m: number | null) => (m === null ? 'Never' : minutesInWords(m));

const savedInWords = (m: number | null) =>
  m === null
    ? 'Saved: a session is never signed out for being idle.'
    : `Saved: a session left without activity for ${minutesInWords(m)} is signed out.`;

/**
 * Settings > Security's second part (admins): after how long without a request a signed-in session
 * ends. A limit set through the API that the list does not offer is shown as one more choice, so
 * the page never claims another value than the one saved. Saves this setting alone.
 */
export function IdleSignOut({
  saved,
  onSaved,
}: {
  saved: SignInSettings;
  onSaved: (answer: SignInSettings) => void;
}) {
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const id = useId();
  const selectId = `${id}-idle`;

  const current = saved.sessionIdleMinutes;
  const chosen = draft === undefined ? current : draft;
  const changed = chosen !== current;
  const offered = choices.includes(current) ? choices : [...choices, current].sort(byLength);

  const choose = (value: string) => {
    setDraft(value === 'never' ? null : Number(value));
    setFieldError(null);
    setError(undefined);
    setDone(null);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed || busy) return;
    setBusy(true);
    setFieldError(null);
    setError(undefined);
    try {
      const answer = await signInApi.save({ sessionIdleMinutes: chosen });
      onSaved(answer);
      setDraft(undefined);
      setDone(savedInWords(answer.sessionIdleMinutes));
    } catch (err) {
      if (err instanceof ApiError && err.field === 'sessionIdleMinutes') {
        setFieldError(fieldMessage(err.message));
        select.current?.focus();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Signing out when idle">
      <p className="muted">
        A signed-in session that makes no request for this long ends, and the person signs in again. A session
        in use is never signed out; API tokens are not concerned.
      </p>
      <form className="security-form" onSubmit={(e) => void save(e)} noValidate data-testid="idle-sign-out">
        <div className={fieldError ? 'field field-invalid idle-field' : 'field idle-field'}>
          <label htmlFor={selectId}>Sign people out after</label>
          <select
            id={selectId}
            ref={select}
            value={optionValue(chosen)}
            onChange={(e) => choose(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${selectId}-error` : undefined}
          >
            {offered.map((m) => (
              <option key={optionValue(m)} value={optionValue(m)}>
                {optionLabel(m)}
              </option>
            ))}
          </select>
          {fieldError ? (
            <p className="field-error" id={`${selectId}-error`} role="alert">
              {fieldError}
            </p>
          ) : null}
        </div>
        <ErrorNote error={error} title="Not saved" />
        {done ? (
          <div className="note note-good" role="status">
            {done}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || !changed}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Section>
  );
}

/** Never first, then the shortest limit to the longest. */
const byLength = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);
