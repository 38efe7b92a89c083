// A team as SCIM sees it, a Group (RFC 7643 4.2): its name is the group's displayName, its members the
// group's members. Pure: which members a request answers, the Group resource, a new team's key.
import { groupSchemaUrn } from './scim.types.ts';

/** What SCIM may read and change of a team: its name, the provider's id, its members' person ids. */
export type ScimGroupState = {
  displayName: string;
  externalId: string | null;
  members: string[];
};

export type ScimGroupRow = {
  id: string;
  key: string;
  name: string;
  createdAt: Date;
  externalId: string | null;
  linkedAt: Date | null;
  updatedAt: Date | null;
};

export type ScimMember = { id: string; name: string };

const listOf = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((a) =>
      a
        .trim()
        .toLowerCase()
        .replace(/^urn:ietf:params:scim:schemas:core:2\.0:group:/, ''),
    )
    .filter(Boolean);

/**
 * RFC 7644 3.4.2.5: whether `members` is answered. Okta asks `excludedAttributes=members` (a big
 * group's members are not sent each time it looks the group up); `attributes` without `members`
 * leaves them out too.
 */
export function membersWanted(q: { attributes?: string; excludedAttributes?: string }): boolean {
  const excluded = listOf(q.excludedAttributes);
  if (excluded.some((a) => a === 'members' || a.startsWith('members.'))) return false;
  const only = listOf(q.attributes);
  return only.length === 0 || only.some((a) => a === 'members' || a.startsWith('members.'));
}

/** The Group resource of a team; `members` undefined leaves them out. */
export function groupResource(row: ScimGroupRow, members: ScimMember[] | undefined, baseUrl: string) {
  return {
    schemas: [groupSchemaUrn],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.name,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.id,
            display: m.name,
            type: 'User',
            $ref: `${baseUrl}/Users/${m.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: row.createdAt.toISOString(),
      lastModified: (row.updatedAt ?? row.createdAt).toISOString(),
      location: `${baseUrl}/Groups/${row.id}`,
    },
  };
}

const maxKey = 40;

/**
 * A new team's key from the group's name: lower-case letters, digits and dashes (`Billing & Finance`
 * is `billing-finance`, `Équipe 2` is `equipe-2`), `team` when nothing is left, made unique with
 * `-2`, `-3`… beside the keys already taken.
 */
export function teamKeyOf(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, maxKey - 6)
      .replace(/-+$/, '') || 'team';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base}-${n}`;
    if (!taken.has(key)) return key;
  }
}

/** The members to add and to remove to go from one list to another, each once, in the order given. */
export function membersDiff(before: readonly string[], after: readonly string[]) {
  const was = new Set(before);
  const now = new Set(after);
  return {
    added: [...now].filter((id) => !was.has(id)),
    removed: [...was].filter((id) => !now.has(id)),
  };
}
