import { ApiError } from '../api/client.ts';
import type { Person, PersonChange, PersonInput, Role } from '../api/types.ts';
import { sentenceStart } from '../app/format.ts';

/** The add and edit forms' state: text as typed, turned into the API's body on submit. */
export type PersonDraft = {
  name: string;
  email: string;
  roles: Role[];
  /** Comma separated, as typed. */
  skills: string;
  /** '' on a new person: the organisation's zone, chosen by the server. */
  timezone: string;
  password: string;
  teams: string[];
};

export type PersonField = 'name' | 'email' | 'roles' | 'skills' | 'timezone' | 'password' | 'teams';
export type FieldErrors = Partial<Record<PersonField, string>>;

export const roleChoices: { role: Role; label: string; hint: string }[] = [
  { role: 'agent', label: 'Agent', hint: 'hands cases off, works a queue' },
  { role: 'lead', label: 'Team lead', hint: 'teams, scenarios, settings' },
  { role: 'supervisor', label: 'Supervisor', hint: 'pulled in on escalations' },
  { role: 'qa', label: 'QA reviewer', hint: 'scores handoffs' },
  { role: 'admin', label: 'Admin', hint: 'everything, people included' },
];

export const minPassword = 10;

export const emptyDraft = (): PersonDraft => ({
  name: '',
  email: '',
  roles: ['agent'],
  skills: '',
  timezone: '',
  password: '',
  teams: [],
});

export const draftOf = (p: Person): PersonDraft => ({
  name: p.name,
  email: p.email,
  roles: [...p.roles] as Role[],
  skills: p.skills.join(', '),
  timezone: p.timezone,
  password: '',
  teams: p.teams.map((t) => t.key),
});

export const parseSkills = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** What the browser can tell before asking: the server still decides (a taken email, a zone). */
/**
 * What to fix before sending. `invites`: this Baton e-mails invitations, so a new person may come
 * without a password (they are sent a link to choose one).
 */
export function checkDraft(d: PersonDraft, isNew: boolean, invites = false): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = 'Give their name.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim()))
    errors.email = 'Give an email address such as amara@example.com.';
  if (d.roles.length === 0) errors.roles = 'Give them at least one role.';
  if (d.password && d.password.length < minPassword) errors.password = `At least ${minPassword} characters.`;
  if (isNew && !d.password && !invites)
    errors.password = 'Give an initial password: this Baton sends no e-mail invitations.';
  return errors;
}

export function newPersonBody(d: PersonDraft): PersonInput {
  return {
    name: d.name.trim(),
    email: d.email.trim(),
    roles: d.roles,
    skills: parseSkills(d.skills),
    ...(d.timezone ? { timezone: d.timezone } : {}),
    ...(d.password ? { password: d.password } : {}),
    teams: d.teams,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed: a PATCH that repeats the rest would still trip the server's checks on it. */
export function personChange(p: Person, d: PersonDraft): PersonChange {
  const change: PersonChange = {};
  if (d.name.trim() !== p.name) change.name = d.name.trim();
  if (d.email.trim().toLowerCase() !== p.email) change.email = d.email.trim();
  if (!sameSet(d.roles, p.roles)) change.roles = d.roles;
  const skills = parseSkills(d.skills);
  if (skills.join('\n') !== p.skills.join('\n')) change.skills = skills;
  if (d.timezone && d.timezone !== p.timezone) change.timezone = d.timezone;
  if (d.password) change.password = d.password;
  return change;
}

/** Team memberships the edit form adds and removes (the people API does not take teams). */
export function teamMoves(p: Person, d: PersonDraft): { join: string[]; leave: string[] } {
  const now = p.teams.map((t) => t.key);
  return { join: d.teams.filter((k) => !now.includes(k)), leave: now.filter((k) => !d.teams.includes(k)) };
}

const fields: PersonField[] = ['name', 'email', 'roles', 'skills', 'timezone', 'password', 'teams'];

/** The form field an API error names (`skills.2` is the skills field), else undefined. */
export function fieldOfError(error: unknown): PersonField | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const head = error.field.split('.')[0] as PersonField;
  return fields.includes(head) ? head : undefined;
}

/** The server's message without its leading "field: ", which the form already says by position. */
export function messageOf(error: ApiError): string {
  const text =
    error.field && error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error.message;
  return sentenceStart(text);
}

/** A password to hand on (no look-alike letters), from the browser's random source. */
export function suggestPassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  // Bytes past the last whole multiple of the alphabet are dropped: every letter stays equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length)
    for (const b of crypto.getRandomValues(new Uint8Array(length)))
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
  return out;
}

/** The IANA zones the browser knows, with `keep` (a person's own, perhaps an alias) among them. */
export function timeZones(keep: string[] = []): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', ...keep.filter(Boolean)])].sort();
}
