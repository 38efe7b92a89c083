// What an admin change changed, in fields: pure, so the log's content is decided in one place and
// the commands only hand over the row before and the change asked for.

export type AdminAction =
  | 'person.added'
  | 'person.changed'
  | 'person.deactivated'
  | 'person.reactivated'
  | 'team.added'
  | 'team.changed'
  | 'member.added'
  | 'member.changed'
  | 'member.left'
  | 'webhook.subscribed'
  | 'webhook.changed';

export type FieldChange = { from: unknown; to: unknown };
export type ChangeDetail = Record<string, FieldChange>;

/** Secrets are logged as having been set, never as themselves. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'secret']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of `change` whose value differs from `before`, as `{from, to}`; a secret that was
 * given is `{from: null, to: "set"}` whatever it was. Fields left out of `change` did not change.
 */
export function changedFields(
  before: Record<string, unknown>,
  change: Record<string, unknown>,
): ChangeDetail {
  const out: ChangeDetail = {};
  for (const [field, to] of Object.entries(change)) {
    if (to === undefined) continue;
    if (SECRET_FIELDS.has(field)) out[field] = { from: null, to: 'set' };
    else if (!same(before[field], to)) out[field] = { from: before[field] ?? null, to };
  }
  return out;
}

const empty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The fields of something new, as changes from nothing (secrets as "set"); empty ones left out. */
export const addedFields = (fields: Record<string, unknown>): ChangeDetail =>
  changedFields({}, Object.fromEntries(Object.entries(fields).filter(([, v]) => !empty(v))));

/** A change asked for that changed nothing (the same values again) is not worth a line of the log. */
export const changesNothing = (action: string, detail: ChangeDetail) =>
  action.endsWith('.changed') && Object.keys(detail).length === 0;
