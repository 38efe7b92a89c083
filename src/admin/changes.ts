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
  | 'webhook.changed'
  | 'webhook.removed'
  | 'calendar.changed'
  | 'settings.changed'
  | 'scenario.added'
  | 'scenario.changed'
  | 'scorecard.added'
  | 'scorecard.changed'
  | 'mapping.added'
  | 'mapping.changed'
  | 'mapping.removed'
  | 'token.issued'
  | 'token.revoked'
  | 'customer.erased'
  | 'customer.exported';

/** The organisation's settings as the log names them: `settings.changed`'s subject. */
export const settingsSubject = {
  customerRisk: { id: 'customer-risk', name: 'Customer risk settings' },
  repeatContacts: { id: 'repeat-contacts', name: 'Repeat contact settings' },
  qaSampling: { id: 'qa-sampling', name: 'QA sampling' },
  reviewDelivery: { id: 'review-delivery', name: 'Weekly review delivery' },
  customerRetention: { id: 'customer-retention', name: 'Customer data retention' },
  signIn: { id: 'sign-in', name: 'Sign-in security' },
  singleSignOn: { id: 'single-sign-on', name: 'Single sign-on' },
  provisioning: { id: 'provisioning', name: 'Provisioning (SCIM)' },
  qaWeights: (scenario: { id: string; name: string }) => ({
    id: `qa-weights/${scenario.id}`,
    name: `QA check weights of ${scenario.name}`,
  }),
};

/**
 * The actor of changes made by the organisation's identity provider through SCIM: no person, and
 * not an anonymous API token either, so the log names it.
 */
export const provisioningActor = { id: 'scim', name: 'The identity provider (SCIM)' } as const;

/** The actor of a person added on their first single sign-on (the organisation's setting did it). */
export const firstSignInActor = { id: 'sso', name: 'Single sign-on (first sign-in)' } as const;

/** The actor of what Baton read from the identity provider's SAML metadata address by itself. */
export const samlMetadataActor = {
  id: 'saml-metadata',
  name: 'The identity provider’s SAML metadata',
} as const;

/** The actor of a domain no longer proved because its DNS record stayed missing (the daily check). */
export const domainRecheckActor = { id: 'dns-recheck', name: 'Baton’s daily DNS check' } as const;

/** The log's actors that are no person, by id. */
export const systemActors: Record<string, string> = {
  [provisioningActor.id]: provisioningActor.name,
  [firstSignInActor.id]: firstSignInActor.name,
  [samlMetadataActor.id]: samlMetadataActor.name,
  [domainRecheckActor.id]: domainRecheckActor.name,
};

/** The log read by area (`GET /admin/changes?area=`): which kinds of subject each area holds. */
export const changeAreas = {
  people: ['person', 'member'],
  teams: ['team', 'calendar'],
  policies: ['scenario', 'scorecard', 'settings'],
  integrations: ['webhook', 'mapping', 'token'],
  customers: ['customer'],
} as const;
export type ChangeArea = keyof typeof changeAreas;

/** The kinds of subject (`person` of `person.added`) the areas asked for hold. */
export const subjectKindsOf = (areas: readonly ChangeArea[]): string[] =>
  areas.flatMap((a) => changeAreas[a]);

export type FieldChange = { from: unknown; to: unknown };
export type ChangeDetail = Record<string, FieldChange>;

/** Logged as set or removed, never as themselves (a Slack webhook's address is its key). */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'secret', 'slackUrl']);

const empty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** An empty list or text is none: a closed day stored as `[]` and one left out are the same day. */
const same = (a: unknown, b: unknown) =>
  JSON.stringify(empty(a) ? null : a) === JSON.stringify(empty(b) ? null : b);

/**
 * The fields of `change` whose value differs from `before`, as `{from, to}`; a secret is only
 * `{from: null, to: "set"}` or `{from: "set", to: null}`. Fields left out of `change` did not change.
 */
export function changedFields(
  before: Record<string, unknown>,
  change: Record<string, unknown>,
): ChangeDetail {
  const out: ChangeDetail = {};
  for (const [field, to] of Object.entries(change)) {
    if (to === undefined) continue;
    if (same(before[field], to)) continue;
    if (!SECRET_FIELDS.has(field)) out[field] = { from: before[field] ?? null, to };
    else if (to !== null) out[field] = { from: null, to: 'set' };
    else out[field] = { from: 'set', to: null };
  }
  return out;
}

/** The fields of something new, as changes from nothing (secrets as "set"); empty ones left out. */
export const addedFields = (fields: Record<string, unknown>): ChangeDetail =>
  changedFields({}, Object.fromEntries(Object.entries(fields).filter(([, v]) => !empty(v))));

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** `{hours: {mon: [...]}}` as `{"hours.mon": [...]}`: a setting's nested values read one by one. */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (isPlainObject(v) && Object.keys(v).length > 0) Object.assign(out, flatten(v, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = v;
  }
  return out;
}

/**
 * What replacing a whole setting changed, nested values flattened (`hours.mon`, `caps.waiting`):
 * unlike `changedFields`, a field that is gone from `after` is a change to none.
 */
export function replacedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ChangeDetail {
  const was = flatten(before);
  const now = flatten(after);
  const all = Object.fromEntries(Object.keys({ ...was, ...now }).map((k) => [k, now[k] ?? null]));
  return changedFields(was, all);
}

/**
 * A versioned definition (scenario, scorecard) saved as `version`: the version and, when it had one
 * before, the fields that version changed.
 */
export const versionedFields = (
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  version: number,
): ChangeDetail => ({
  version: { from: before ? version - 1 : null, to: version },
  ...(before ? replacedFields(before, after) : {}),
});

/** Changes of what every open page holds as reference data (people, teams, calendars, scenarios). */
export const changesReference = (action: AdminAction) =>
  /^(person|team|member|calendar|scenario)\./.test(action);

/** A change asked for that changed nothing (the same values again) is not worth a line of the log. */
export const changesNothing = (action: string, detail: ChangeDetail) =>
  action.endsWith('.changed') && Object.keys(detail).length === 0;
