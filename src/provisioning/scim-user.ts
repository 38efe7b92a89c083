// A person as SCIM sees them, and back: which of a provider's attributes become the person's
// address and name, and the User resource Baton answers.
import { newPersonSchema } from '../people/people.types.ts';
import { listSchemaUrn, type ScimUserInput, userSchemaUrn } from './scim.types.ts';
import { ScimProblem } from './scim-problem.ts';

/** What SCIM may read and change of a person: the provider's names for them and their address. */
export type ScimUserState = {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string;
  active: boolean;
};

const blank = (s: string | null | undefined) => !s || s.trim() === '';
const clean = (s: string | null | undefined) => (blank(s) ? null : s!.trim());

/** The person's work address: the primary e-mail, else the work one, else the first, else userName. */
export function workEmailOf(input: Pick<ScimUserInput, 'emails' | 'userName'>): string | null {
  const emails = (input.emails ?? []).filter((e) => !blank(e.value));
  const chosen =
    emails.find((e) => e.primary === true) ??
    emails.find((e) => e.type?.toLowerCase() === 'work') ??
    emails[0];
  return clean(chosen?.value) ?? clean(input.userName);
}

/** A whole User as a provider sends it (POST, PUT) as the state Baton keeps; `active` as it was when left out. */
export function stateOf(input: ScimUserInput, activeBefore = true): ScimUserState {
  return {
    userName: input.userName.trim(),
    externalId: clean(input.externalId),
    displayName: clean(input.displayName) ?? clean(input.name?.formatted),
    givenName: clean(input.name?.givenName),
    familyName: clean(input.name?.familyName),
    email: workEmailOf(input) ?? '',
    active: input.active ?? activeBefore,
  };
}

/** The person's name in Baton: the display name, else given and family names, else the address's local part. */
export function personNameOf(s: ScimUserState): string {
  const joined = [s.givenName, s.familyName].filter(Boolean).join(' ');
  return (s.displayName ?? (joined || s.email.split('@')[0] || s.userName)).slice(0, 200);
}

const emailRule = newPersonSchema.shape.email;

/** The state checked as the People page checks a person: a usable address, lower-cased. */
export function checkedState(s: ScimUserState): ScimUserState {
  const email = emailRule.safeParse(s.email);
  if (!email.success)
    throw new ScimProblem(
      'validation_failed',
      `emails: ${s.email ? `${s.email} is not an e-mail address` : 'give a work e-mail address'} (the primary e-mail, or a userName that is one)`,
      { field: 'emails' },
    );
  return { ...s, email: email.data };
}

export type ScimUserRow = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date | null;
  userName: string | null;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
};

/** The User resource (RFC 7643 4.1) of a person; one never provisioned answers with their address as userName. */
export function userResource(row: ScimUserRow, baseUrl: string) {
  return {
    schemas: [userSchemaUrn],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName ?? row.email,
    name: {
      formatted: row.name,
      ...(row.givenName ? { givenName: row.givenName } : {}),
      ...(row.familyName ? { familyName: row.familyName } : {}),
    },
    displayName: row.name,
    emails: [{ value: row.email, type: 'work', primary: true }],
    active: row.active,
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: (row.updatedAt ?? row.createdAt).toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
    },
  };
}

/** The state PATCH starts from: what the resource says now. */
export const stateOfRow = (row: ScimUserRow): ScimUserState => ({
  userName: row.userName ?? row.email,
  externalId: row.externalId,
  displayName: row.name,
  givenName: row.givenName,
  familyName: row.familyName,
  email: row.email,
  active: row.active,
});

/** RFC 7644 3.4.2.4: `startIndex` is 1-based (below 1 is 1), `count` at most `max` (below 0 is 0). */
export function pageOf(startIndex: number | undefined, count: number | undefined, max = 200) {
  return {
    startIndex: Math.max(1, startIndex ?? 1),
    count: Math.min(max, Math.max(0, count ?? 100)),
  };
}

export const listResponse = (resources: unknown[], totalResults: number, startIndex: number) => ({
  schemas: [listSchemaUrn],
  totalResults,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});
