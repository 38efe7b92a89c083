import { createRedactor, type KnownValue } from './redact.ts';

/**
 * The keys of event data that can hold free text written by people (a message, a note, a packet's
 * story, a document's file name). Ids, codes and instants are never rewritten.
 */
const FREE_TEXT = new Set([
  'text',
  'note',
  'summary',
  'subject',
  'sentence',
  'reason',
  'name',
  'onFile',
  'packet',
  'whatHappened',
  'attempted',
  'nextSteps',
  'message',
  'body',
  'comment',
  'title',
]);

/**
 * Event data as it may leave the process (outbound webhooks): every string under a free-text key,
 * however deeply nested, is redacted; placeholders are consistent across the whole payload.
 */
export function redactEventData<T extends Record<string, unknown>>(
  data: T,
  known: readonly KnownValue[] = [],
): T {
  const redactor = createRedactor({ known });
  const walk = (value: unknown, free: boolean): unknown => {
    if (typeof value === 'string') return free ? redactor.redact(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, free));
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, walk(v, free || FREE_TEXT.has(k))]),
      );
    return value;
  };
  return walk(data, false) as T;
}
