// RFC 7644 3.5.2 PATCH on a User, as Okta and Entra ID send it: `add`, `replace` and `remove`, with
// a path (`active`, `name.givenName`, `emails[type eq "work"].value`) or without one (`{op:
// "replace", value: {active: false}}`, where each key is a path). Attributes Baton does not keep
// (title, phone numbers, the enterprise extension…) are accepted and not stored, so a provider's
// default mappings do not fail; `id` and `meta` are the service provider's and are refused.

import { type PatchOperation, scimBoolean } from './scim.types.ts';
import { ScimProblem } from './scim-problem.ts';
import type { ScimUserState } from './scim-user.ts';

type Target =
  | 'userName'
  | 'externalId'
  | 'displayName'
  | 'givenName'
  | 'familyName'
  | 'name'
  | 'email'
  | 'emails'
  | 'active'
  | 'ignored';

const corePrefix = 'urn:ietf:params:scim:schemas:core:2.0:user:';
const simple: Record<string, Target> = {
  username: 'userName',
  externalid: 'externalId',
  displayname: 'displayName',
  'name.givenname': 'givenName',
  'name.familyname': 'familyName',
  'name.formatted': 'displayName',
  name: 'name',
  emails: 'emails',
  'emails.value': 'email',
  active: 'active',
};
/** Attributes of the core User that Baton does not keep: written to, they change nothing. */
const notKept =
  /^(nickname|profileurl|title|usertype|preferredlanguage|locale|timezone|password|phonenumbers|ims|photos|addresses|groups|entitlements|roles|x509certificates|name\.(middlename|honorificprefix|honorificsuffix))(\b|\[|\.|$)/;

const invalidPath = (path: string, why: string) =>
  new ScimProblem('scim_invalid_path', `path ${path}: ${why}`, { field: 'path' });

/** What a path names; an extension's attributes (`urn:…:enterprise:2.0:User:department`) are not kept. */
export function targetOf(rawPath: string): Target {
  const path = rawPath.trim();
  let lower = path.toLowerCase();
  if (lower.startsWith(corePrefix)) lower = lower.slice(corePrefix.length);
  else if (lower.startsWith('urn:')) return 'ignored';
  if (lower === 'id' || lower.startsWith('meta')) throw mutability(path);
  const known = Object.hasOwn(simple, lower) ? simple[lower] : undefined;
  if (known) return known;
  // emails[type eq "work"].value, emails[primary eq true].value: the one address Baton keeps.
  const filtered = /^emails\[(.+)\](\.value)?$/.exec(lower);
  if (filtered) {
    const work = /^\s*(type\s+eq\s+"work"|primary\s+eq\s+true)\s*$/.test(filtered[1]!);
    return work ? (filtered[2] ? 'email' : 'emails') : 'ignored';
  }
  if (notKept.test(lower)) return 'ignored';
  throw invalidPath(path, 'not an attribute of a User');
}

const mutability = (path: string) =>
  new ScimProblem('scim_mutability', `${path} is set by Baton and cannot be changed`, { field: 'path' });

const invalidValue = (path: string, why: string) =>
  new ScimProblem('validation_failed', `${path}: ${why}`, { field: 'value' });

function stringOf(path: string, value: unknown, max: number): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalidValue(path, 'must be a string');
  if (value.length > max) throw invalidValue(path, `must be at most ${max} characters`);
  return value.trim() === '' ? null : value.trim();
}

function required(path: string, value: string | null): string {
  if (value === null) throw new ScimProblem('scim_mutability', `${path} is required: it cannot be removed`);
  return value;
}

/** The work address of an `emails` value: the primary one, else the work one, else the first. */
function emailOfList(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const emails = list.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
  if (emails.length !== list.length) throw invalidValue('emails', 'must be a list of {value, type, primary}');
  const primary = (e: Record<string, unknown>) =>
    e.primary === true || String(e.primary).toLowerCase() === 'true';
  const chosen = emails.find(primary) ?? emails.find((e) => e.type === 'work') ?? emails[0];
  return chosen ? stringOf('emails.value', chosen.value, 320) : null;
}

function set(state: ScimUserState, target: Target, path: string, value: unknown): ScimUserState {
  switch (target) {
    case 'ignored':
      return state;
    case 'userName':
      return { ...state, userName: required(path, stringOf(path, value, 320)) };
    case 'externalId':
      return { ...state, externalId: stringOf(path, value, 300) };
    case 'displayName':
      return { ...state, displayName: stringOf(path, value, 200) };
    case 'givenName':
      return { ...state, givenName: stringOf(path, value, 200) };
    case 'familyName':
      return { ...state, familyName: stringOf(path, value, 200) };
    case 'email':
      return { ...state, email: required(path, stringOf(path, value, 320)) };
    case 'emails':
      return { ...state, email: required(path, emailOfList(value)) };
    case 'active': {
      const active = scimBoolean.safeParse(value);
      if (!active.success) throw invalidValue(path, 'must be true or false');
      return { ...state, active: active.data };
    }
    case 'name': {
      if (value === null) return { ...state, givenName: null, familyName: null };
      if (typeof value !== 'object' || Array.isArray(value)) throw invalidValue(path, 'must be an object');
      let next = state;
      for (const [key, v] of Object.entries(value))
        next = set(next, targetOf(`name.${key}`), `name.${key}`, v);
      return next;
    }
  }
}

function remove(state: ScimUserState, target: Target, path: string): ScimUserState {
  if (target === 'userName' || target === 'email' || target === 'emails' || target === 'active')
    throw new ScimProblem('scim_mutability', `${path} is required: it cannot be removed`, { field: 'path' });
  return set(state, target, path, null);
}

/** Applies the operations in order, all or none (the first one refused refuses the request). */
export function applyPatch(state: ScimUserState, operations: PatchOperation[]): ScimUserState {
  let next = state;
  for (const { op, path, value } of operations) {
    if (op === 'remove') {
      if (!path?.trim()) throw new ScimProblem('scim_no_target', 'remove needs a path', { field: 'path' });
      next = remove(next, targetOf(path), path);
    } else if (path?.trim()) {
      if (value === undefined) throw invalidValue(path, `${op} needs a value`);
      next = set(next, targetOf(path), path, value);
    } else {
      // Without a path the value is an object whose keys are paths (`active`, `name.givenName`).
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw invalidValue('value', `${op} without a path needs an object of attributes`);
      for (const [key, v] of Object.entries(value)) next = set(next, targetOf(key), key, v);
    }
  }
  return next;
}
