import { type RefObject, useEffect } from 'react';
import { ApiError } from '../api/client.ts';

/** The form field an API error names (`examples.2` is the examples box), if any. */
export function errorField(error: unknown, fields: Record<string, string>): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  return fields[error.field.split('.')[0]!];
}

/** The API's words next to the field at fault; `id` is what the field's aria-describedby names. */
export function FieldError({ id, error, show }: { id: string; error: unknown; show: boolean }) {
  if (!show || !(error instanceof Error)) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {error.message}
    </span>
  );
}

/** Focuses a dialog's first field once it is open (the native dialog opens after children mount). */
export function useFocusFirst(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [ref]);
}
