import type { ReactNode, Ref } from 'react';
import { sentenceStart } from './format.ts';

/**
 * A labelled input with an optional hint, and its error when it is at fault: marked invalid and
 * described by the error (then the hint), so a screen reader says what to fix. The ids are
 * `<id>-hint` and `<id>-error`. Used by the password forms (change, reset) and the reset request.
 */
export function InputField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  hint,
  error,
  inputMode,
  ref,
  required = true,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  hint?: string;
  error?: string;
  inputMode?: 'numeric' | 'text';
  ref?: Ref<HTMLInputElement>;
  /** Said to assistive technology; an optional field says so in its label too. */
  required?: boolean;
}) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p className="small muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The API's validation message as a sentence, without the field's name (`email: give…` → `Give….`). */
export function fieldMessage(message: string): string {
  const text = message.replace(/^[\w.]+: /, '');
  return `${sentenceStart(text)}${/[.!?]$/.test(text) ? '' : '.'}`;
}
