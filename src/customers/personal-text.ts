/**
 * The free text an event may carry that can say who a customer is (a subject, a note, a quote).
 * Event types are named as in events/names.ts (a test holds them to it). It is stored beside the
 * event, not in it (`event_personal_data`), so that erasing a customer's
 * personal data replaces that text and leaves the append-only log itself untouched (invariant 4).
 */
export const personalKeys: Readonly<Record<string, readonly string[]>> = {
  'case.created': ['subject'],
  'document.added': ['name'],
  'document.requested': ['reason', 'onFile'],
  'document.rerequested': ['reason', 'onFile'],
  'handoff.bounced': ['note'],
  'owner.changed': ['reason', 'note'],
  'sla.paused': ['reason'],
  'promise.made': ['text'],
  'customer_update.sent': ['text'],
  'sentiment.dip': ['text'],
  'satisfaction.rated': ['comment'],
};

/** Every event type that can carry personal text (the readers join its text back only for these). */
export const typesWithPersonalData = Object.keys(personalKeys);

/** What erased text reads as, everywhere it was. */
export const ERASED = '[erased]';

/**
 * An event's data split into what the log keeps and the personal text kept beside it (null when the
 * event carries none). Keys absent from the data stay absent.
 */
export function splitPersonal(
  type: string,
  data: Record<string, unknown>,
): { kept: Record<string, unknown>; personal: Record<string, unknown> | null } {
  const keys = Object.hasOwn(personalKeys, type) ? personalKeys[type] : undefined;
  if (!keys) return { kept: data, personal: null };
  const kept: Record<string, unknown> = {};
  const personal: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(data)) {
    if (keys.includes(key)) {
      personal[key] = value;
      any = true;
    } else kept[key] = value;
  }
  return any ? { kept, personal } : { kept: data, personal: null };
}

/**
 * A value with every piece of text replaced by `ERASED`, its shape kept (arrays keep their length,
 * objects their keys; numbers, booleans and nulls stay: they say nothing of who someone is).
 */
export function erasedValue(value: unknown): unknown {
  if (typeof value === 'string') return ERASED;
  if (Array.isArray(value)) return value.map(erasedValue);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, erasedValue(v)]));
  return value;
}
