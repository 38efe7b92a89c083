import { Fragment, type ReactNode } from 'react';

/**
 * What the server leaves of a customer's personal free text once an admin erased it (GDPR erasure,
 * `POST /customers/{id}/erasure`): names, subjects, messages, packet texts, document names and notes
 * all read as this exact string. The web shows a muted "Erased" marker instead, so nobody takes it for
 * something a person wrote.
 */
export const ERASED = '[erased]';

export const isErased = (text: string | null | undefined): boolean => text === ERASED;

/** The marker itself: muted and italic, never a quote. */
export function ErasedMark({ label = 'Erased' }: { label?: string }) {
  return (
    <span className="erased" title="Erased at the customer's request">
      {label}
    </span>
  );
}

/** Free text as written, or the marker where it was erased. */
export function Erasable({ text, label }: { text: string; label?: string }) {
  return isErased(text) ? <ErasedMark label={label} /> : text;
}

/** For an attribute or a sentence built as a string (`title=`, a filter): the marker's word. */
export const plainText = (text: string, label = 'Erased'): string => (isErased(text) ? label : text);

/** A line that quotes free text (the case timeline's "“[erased]”"), each erased quote a marker. */
export function withErasedMarks(line: string): ReactNode {
  const parts = line.split(/“?\[erased\]”?/);
  if (parts.length === 1) return line;
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one immutable line
    <Fragment key={i}>
      {i > 0 ? <ErasedMark /> : null}
      {part}
    </Fragment>
  ));
}
