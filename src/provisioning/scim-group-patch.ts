// RFC 7644 3.5.2 PATCH on a Group, as Okta and Microsoft Entra ID send it:
// - Okta: `{op: "add", path: "members", value: [{value: id}]}`, `{op: "remove", path:
//   'members[value eq "id"]'}`, and `{op: "replace", value: {id, displayName}}` to rename;
// - Entra ID: `{op: "Add" | "Remove", path: "members", value: [{value: id}]}` and `{op: "Replace",
//   path: "displayName", value: "…"}`;
// - either: `replace` of `members` (the whole list) and of `externalId`.
// Operation names in any case (the schema lower-cases them); the operations apply in order, all or none.
import type { PatchOperation } from './scim.types.ts';
import type { ScimGroupState } from './scim-group.ts';
import { ScimProblem } from './scim-problem.ts';

type Target =
  | { kind: 'displayName' }
  | { kind: 'externalId' }
  | { kind: 'members' }
  | { kind: 'member'; id: string }
  | { kind: 'schemas' };

const corePrefix = 'urn:ietf:params:scim:schemas:core:2.0:group:';

const invalidPath = (path: string, why: string) =>
  new ScimProblem('scim_invalid_path', `path ${path}: ${why}`, { field: 'path' });
const invalidValue = (path: string, why: string) =>
  new ScimProblem('validation_failed', `${path}: ${why}`, { field: 'value' });
const mutability = (path: string, why: string) =>
  new ScimProblem('scim_mutability', `${path} ${why}`, { field: 'path' });

/** `members[value eq "p_1"]`: the one member a path names (a JSON string, escapes and all). */
const memberPath = /^members\s*\[\s*value\s+eq\s+("(?:[^"\\]|\\.)*")\s*\]$/i;

/** What a path names; `id` and `meta` are Baton's and are refused. */
export function groupTargetOf(rawPath: string): Target {
  const path = rawPath.trim();
  const bare = path.toLowerCase().startsWith(corePrefix) ? path.slice(corePrefix.length) : path;
  const lower = bare.toLowerCase();
  if (lower === 'id' || lower.startsWith('meta'))
    throw mutability(path, 'is set by Baton and cannot be changed');
  if (lower === 'displayname') return { kind: 'displayName' };
  if (lower === 'externalid') return { kind: 'externalId' };
  if (lower === 'members') return { kind: 'members' };
  if (lower === 'schemas') return { kind: 'schemas' };
  const one = memberPath.exec(bare);
  if (one) {
    let id: unknown;
    try {
      id = JSON.parse(one[1]!);
    } catch {
      throw invalidPath(path, 'the member id has a bad escape');
    }
    return { kind: 'member', id: memberId(path, id) };
  }
  throw invalidPath(path, 'not an attribute of a Group (displayName, externalId, members)');
}

function memberId(path: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidValue(path, 'a member is a person id');
  if (value.length > 100) throw invalidValue(path, 'a member id is at most 100 characters');
  return value.trim();
}

/** A `members` value: `[{value: id}, …]` (a single `{value}` also read), as person ids. */
export function memberIdsOf(path: string, value: unknown): string[] {
  if (value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 1000) throw invalidValue(path, 'at most 1000 members in one operation');
  return list.map((m) => {
    if (typeof m !== 'object' || m === null || Array.isArray(m))
      throw invalidValue(path, 'must be a list of {value: "<person id>"}');
    return memberId(`${path}.value`, (m as Record<string, unknown>).value);
  });
}

function nameOf(path: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidValue(path, 'must be a non-empty string');
  if (value.trim().length > 200) throw invalidValue(path, 'must be at most 200 characters');
  return value.trim();
}

function externalIdOf(path: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalidValue(path, 'must be a string');
  if (value.length > 300) throw invalidValue(path, 'must be at most 300 characters');
  return value.trim() === '' ? null : value.trim();
}

const unique = (ids: string[]) => [...new Set(ids)];

type Step = { state: ScimGroupState; named: string[] };

function write(step: Step, op: 'add' | 'replace', target: Target, path: string, value: unknown): Step {
  const { state, named } = step;
  switch (target.kind) {
    case 'schemas':
      return step;
    case 'displayName':
      return { state: { ...state, displayName: nameOf(path, value) }, named };
    case 'externalId':
      return { state: { ...state, externalId: externalIdOf(path, value) }, named };
    case 'members': {
      const ids = memberIdsOf(path, value);
      const members = op === 'add' ? unique([...state.members, ...ids]) : unique(ids);
      return { state: { ...state, members }, named: [...named, ...ids] };
    }
    case 'member':
      throw invalidPath(path, `${op} members with path "members" and a value [{value}]`);
  }
}

function remove(step: Step, target: Target, path: string, value: unknown): Step {
  const { state, named } = step;
  switch (target.kind) {
    case 'schemas':
      return step;
    case 'displayName':
      throw mutability(path, 'is required: it cannot be removed');
    case 'externalId':
      return { state: { ...state, externalId: null }, named };
    case 'member':
      return {
        state: { ...state, members: state.members.filter((m) => m !== target.id) },
        named: [...named, target.id],
      };
    case 'members': {
      // Entra ID names the members to remove in the value; without one, every member goes (RFC 7644).
      if (value === undefined) return { state: { ...state, members: [] }, named };
      const ids = new Set(memberIdsOf(path, value));
      return {
        state: { ...state, members: state.members.filter((m) => !ids.has(m)) },
        named: [...named, ...ids],
      };
    }
  }
}

/**
 * Applies the operations in order to the group as it is (the first refused refuses the request);
 * answers the group as it would be and every person id the operations name, for the caller to check
 * that each is a person of the organisation. `id` is the group's own: a path-less `replace` may
 * repeat it (Okta does), never change it.
 */
export function applyGroupPatch(
  group: ScimGroupState,
  operations: PatchOperation[],
  id: string,
): { state: ScimGroupState; named: string[] } {
  let step: Step = { state: group, named: [] };
  for (const { op, path, value } of operations) {
    if (op === 'remove') {
      if (!path?.trim()) throw new ScimProblem('scim_no_target', 'remove needs a path', { field: 'path' });
      step = remove(step, groupTargetOf(path), path, value);
    } else if (path?.trim()) {
      if (value === undefined) throw invalidValue(path, `${op} needs a value`);
      step = write(step, op, groupTargetOf(path), path, value);
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw invalidValue('value', `${op} without a path needs an object of attributes`);
      for (const [key, v] of Object.entries(value)) {
        if (key.toLowerCase() === 'id') {
          if (v !== id) throw mutability('id', 'is set by Baton and cannot be changed');
          continue;
        }
        step = write(step, op, groupTargetOf(key), key, v);
      }
    }
  }
  return { state: step.state, named: unique(step.named) };
}
