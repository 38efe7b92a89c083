// An admin change in words for the change log (People > Changes, Settings > Change log): pure, so
// the wording is tested apart from the page. `names` turns ids (people) and keys (teams) into what
// the organisation calls them.
import { minutesInWords } from '../app/format.ts';

export type AdminChange = {
  id: string;
  at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  subject: string;
  subjectName: string;
  detail: Record<string, { from: unknown; to: unknown }>;
};

/** The log's areas, as `GET /admin/changes?area=` reads them. */
export const changeAreas = [
  { area: 'people', label: 'People and members' },
  { area: 'teams', label: 'Teams and calendars' },
  { area: 'policies', label: 'Scenarios, scorecards and settings' },
  { area: 'integrations', label: 'Webhooks, helpdesk mappings and API tokens' },
  { area: 'customers', label: 'Customer data: exports and erasures' },
] as const;
export type ChangeArea = (typeof changeAreas)[number]['area'];
/** Which changes: by area, person, and from/to a day (`YYYY-MM-DD`, both included). */
export type AdminChangeFilter = { areas?: ChangeArea[]; actor?: string; from?: string; to?: string };

/** The filter as `GET /admin/changes` and `GET /exports/admin-changes` read it. */
export const adminChangeQuery = (f: AdminChangeFilter) => ({
  area: f.areas?.join(','),
  actor: f.actor,
  from: f.from,
  to: f.to,
});

export type ChangeNames = {
  person: (id: string) => string;
  team: (key: string) => string;
  scenario: (id: string) => string;
};

const fieldLabels: Record<string, string> = {
  leadId: 'lead',
  personId: 'acting as',
  ownershipStrategy: 'ownership',
  capacity: 'capacity',
  timezone: 'time zone',
  events: 'events',
  url: 'address',
  pageThreshold: 'page a supervisor at risk',
  highValueMinAnnual: 'high value from a yearly',
  highValueTiers: 'high-value tiers',
  windowDays: 'repeat window (days)',
  randomPercent: 'random sample %',
  everyBounce: 'every bounce',
  everyBreach: 'every breach',
  belowQuality: 'below quality',
  emails: 'e-mail to',
  twoStepRequired: 'two-step sign-in required of',
  issuer: 'identity provider',
  managedBy: 'managed by',
  externalId: "identity provider's id",
  clientId: 'client ID',
  emailDomains: 'e-mail domains',
  passwordSignIn: 'password sign-in for',
};

const dayNames: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** `caps.waiting` → "cap of waiting", `scenarios.x` → "sample % of x". */
function labelOf(field: string): string {
  const [head, ...rest] = field.split('.');
  const tail = rest.join('.').replaceAll('_', ' ');
  if (head === 'caps' && rest.length) return `cap of ${tail}`;
  if (head === 'scenarios' && rest.length) return `sample % of ${tail}`;
  return fieldLabels[field] ?? field.replaceAll('_', ' ');
}

const isIntervals = (v: unknown): v is [string, string][] =>
  Array.isArray(v) && v.every((i) => Array.isArray(i) && i.length === 2 && typeof i[0] === 'string');

/** A day's opening hours, "09:00–12:30, 13:15–17:30", or "closed". */
const dayHours = (v: unknown) =>
  isIntervals(v) && v.length ? v.map(([o, c]) => `${o}–${c}`).join(', ') : 'closed';

function value(field: string, v: unknown, n: ChangeNames): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (field === 'passwordSignIn' && v === 'admins_only') return 'admins only';
  if ((field === 'leadId' || field === 'personId') && typeof v === 'string') return n.person(v);
  if (field === 'teams' && Array.isArray(v)) return v.map((k) => n.team(String(k))).join(', ') || 'none';
  if (field === 'members' && Array.isArray(v))
    return v.map((id) => n.person(String(id))).join(', ') || 'none';
  if (Array.isArray(v)) return v.join(', ') || 'none';
  return String(v);
}

function fieldWords(field: string, from: unknown, to: unknown, n: ChangeNames): string {
  if (field === 'password') return 'new password';
  if (field === 'passwordLink')
    return to === 'invite'
      ? 'invitation to choose a password e-mailed'
      : 'link to set a new password e-mailed';
  if (field === 'twoStep') return to === 'on' ? 'two-step sign-in turned on' : 'two-step sign-in turned off';
  if (field === 'secret') return 'new signing secret';
  if (field === 'clientSecret') return 'new client secret';
  if (field === 'singleSignOn') return to ? 'single sign-on turned on' : 'single sign-on turned off';
  if (field === 'domainProved') return `${String(to)} proved by its DNS record`;
  if (field === 'domainUnproved')
    return `${String(from)} no longer proved: its DNS record was missing for three days, so it signs nobody in`;
  if (field === 'scimToken')
    return to === null
      ? 'provisioning token revoked'
      : from
        ? 'provisioning token replaced'
        : 'provisioning token created';
  if (field === 'slackUrl') return to === null ? 'Slack webhook removed' : 'new Slack webhook';
  if (field === 'holidays') return holidays(from, to);
  // No limit is a setting of its own here ("never"), not an absent value.
  if (field === 'sessionIdleMinutes') return `signed out ${idleWords(from)} → ${idleWords(to)}`;
  const label = labelOf(field);
  return from === null || from === undefined
    ? `${label} ${value(field, to, n)}`
    : `${label} ${value(field, from, n)} → ${value(field, to, n)}`;
}

/** An idle sign-out limit: "after 30 minutes idle", or "never" (null). */
const idleWords = (v: unknown) => (typeof v === 'number' ? `after ${minutesInWords(v)} idle` : 'never');

const days = Object.keys(dayNames);
const dayOf = (field: string) => days.indexOf(field.slice('hours.'.length));

/** A calendar's days in week order, days changed alike as one run: "Monday–Friday 09:00–17:00 → 08:00–16:00". */
function weekHours(detail: AdminChange['detail']): string[] {
  const changed = Object.entries(detail)
    .filter(([field]) => field.startsWith('hours.') && dayOf(field) >= 0)
    .sort(([a], [b]) => dayOf(a) - dayOf(b));
  const runs: { first: string; last: string; same: string; from: unknown; to: unknown }[] = [];
  for (const [field, { from, to }] of changed) {
    const same = JSON.stringify([from ?? null, to ?? null]);
    const run = runs[runs.length - 1];
    if (run && run.same === same && dayOf(field) === dayOf(run.last) + 1) run.last = field;
    else runs.push({ first: field, last: field, same, from, to });
  }
  const ofDay = (field: string) => dayNames[field.slice('hours.'.length)];
  // Always a move: "none" before is a closed day, not nothing.
  return runs.map(
    (r) =>
      `${ofDay(r.first)}${r.last === r.first ? '' : `–${ofDay(r.last)}`} ${dayHours(r.from)} → ${dayHours(r.to)}`,
  );
}

/** Where a calendar's parts stand in a sentence: its zone, its week, its holidays, then the rest. */
const rank = (field: string) =>
  field === 'timezone'
    ? 0
    : field === 'hours' || field.startsWith('hours.')
      ? 1
      : field === 'holidays'
        ? 2
        : 3;

/** "roles agent → agent, lead; time zone UTC → Europe/Paris"; a secret only as "new password". */
function fields(detail: AdminChange['detail'], n: ChangeNames, skip: string[] = []): string {
  const parts: string[] = [];
  let week = false;
  const entries = Object.entries(detail)
    .filter(([field]) => !skip.includes(field))
    .sort(([a], [b]) => rank(a) - rank(b));
  for (const [field, { from, to }] of entries) {
    if (!field.startsWith('hours.')) parts.push(fieldWords(field, from, to, n));
    else if (!week) {
      week = true;
      parts.push(...weekHours(detail));
    }
  }
  return parts.join('; ');
}

const dates = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** "holidays added 2026-12-25; removed 2026-01-01" rather than two long lists. */
function holidays(from: unknown, to: unknown): string {
  const before = dates(from);
  const after = dates(to);
  const added = after.filter((d) => !before.includes(d));
  const removed = before.filter((d) => !after.includes(d));
  const parts = [
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
  ].filter(Boolean);
  return `holidays ${parts.join(', ') || 'reordered'}`;
}

/** The fields a new version changed, by name: a scenario's values are too long for a sentence. */
const versionFields = (d: AdminChange['detail']) =>
  Object.keys(d)
    .filter((f) => f !== 'version')
    .map(labelOf)
    .join(', ');

const versionOf = (d: AdminChange['detail']) => (d.version?.to ? ` (version ${d.version.to})` : '');

const clocks = (d: AdminChange['detail']) => {
  const count = Number(d.clocksRecomputed?.to ?? 0);
  return count === 0 ? '' : ` (${count} running clock${count === 1 ? '' : 's'} recomputed)`;
};

const handedOn = (d: AdminChange['detail']) => {
  const count = Number(d.handedOn?.to ?? 0);
  return count === 0 ? '' : ` (${count} open handoff${count === 1 ? '' : 's'} handed on)`;
};

/** "(2 cases; reference GDPR-114)": how many cases it reached and the request's reference, if any. */
function customerDataNotes(d: AdminChange['detail']): string {
  const cases = Number(d.cases?.to);
  const reason = typeof d.reason?.to === 'string' ? d.reason.to.trim() : '';
  const parts = [
    Number.isFinite(cases) && d.cases ? `${cases} case${cases === 1 ? '' : 's'}` : '',
    reason ? `reference ${reason}` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** What was done, as a sentence without its actor: "removed Tom Becker from Finance". */
export function changeWords(c: AdminChange, n: ChangeNames): string {
  const who = c.subjectName;
  const d = c.detail;
  const team = (side: 'from' | 'to') => n.team(String(d.team?.[side] ?? ''));
  const scenario = (side: 'from' | 'to') => n.scenario(String(d.scenario?.[side] ?? ''));
  const rest = (s: string) => (s ? `: ${s}` : '');
  switch (c.action) {
    case 'person.added':
      return `added ${who}${rest(fields(d, n, ['name']))}`;
    case 'person.changed':
      return `changed ${who}${rest(fields(d, n))}`;
    case 'person.deactivated':
      return `took access from ${who}${handedOn(d)}`;
    case 'person.reactivated':
      return `gave ${who} access again`;
    case 'team.added':
      return `made the team ${who}${rest(fields(d, n, ['name', 'key']))}`;
    case 'team.changed':
      return `changed the team ${who}${rest(fields(d, n))}`;
    case 'member.added':
      return `added ${who} to ${team('to')}${rest(fields(d, n, ['team']))}`;
    case 'member.changed':
      return `changed ${who} in ${team('to')}${rest(fields(d, n, ['team']))}`;
    case 'member.left':
      return `removed ${who} from ${team('from')}${handedOn(d)}`;
    case 'webhook.subscribed':
      return `subscribed ${who} to events${rest(fields(d, n, ['url']))}`;
    case 'webhook.changed':
      if (d.active && Object.keys(d).length === 1)
        return `${d.active.to ? 'resumed' : 'paused'} the webhook ${who}`;
      return `changed the webhook ${who}${rest(fields(d, n))}`;
    case 'webhook.removed':
      return `removed the webhook ${who}${d.pendingDropped ? ` (${String(d.pendingDropped.from)} waiting deliveries dropped)` : ''}`;
    case 'calendar.changed':
      return `changed the calendar of ${who}${rest(fields(d, n, ['clocksRecomputed']))}${clocks(d)}`;
    case 'settings.changed':
      return `changed ${who}${rest(fields(d, n))}`;
    case 'scenario.added':
      return `added the scenario ${who}${versionOf(d)}`;
    case 'scenario.changed':
      return `changed the scenario ${who}${versionOf(d)}${rest(versionFields(d))}`;
    case 'scorecard.added':
      return `added the scorecard ${who}${versionOf(d)}`;
    case 'scorecard.changed':
      return `changed the scorecard ${who}${versionOf(d)}${rest(versionFields(d))}`;
    case 'mapping.added':
      return `mapped the ${who} group to the scenario ${scenario('to')}`;
    case 'mapping.changed':
      return `mapped the ${who} group to the scenario ${scenario('to')} (was ${scenario('from')})`;
    case 'mapping.removed':
      return `removed the mapping of the ${who} group (was ${scenario('from')})`;
    case 'token.issued':
      return `issued the API token ${who}${rest(fields(d, n))}`;
    case 'token.revoked':
      return `revoked the API token ${who}`;
    case 'customer.erased':
      // The log keeps nothing of who they were (the server names them "Erased customer").
      return `erased the personal data of a customer${customerDataNotes(d)}`;
    case 'customer.exported':
      return `downloaded the data held about a customer${customerDataNotes(d)}`;
    default:
      return `${c.action} ${who}`;
  }
}
