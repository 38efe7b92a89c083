import { slugFrom } from '../../../src/orgs/setup.ts';

/** The setup form's fields, named as the API names them (`field` in its errors). */
export type SetupField =
  | 'organisation.name'
  | 'organisation.slug'
  | 'organisation.timezone'
  | 'admin.name'
  | 'admin.email'
  | 'admin.password'
  | 'confirm'
  | 'setupToken';

export type SetupDraft = {
  name: string;
  slug: string;
  timezone: string;
  adminName: string;
  email: string;
  password: string;
  confirm: string;
  starterTeams: boolean;
  setupToken: string;
};

/** In the form's order: the first at fault is where the cursor goes. */
export const setupFieldOrder: SetupField[] = [
  'setupToken',
  'organisation.name',
  'organisation.slug',
  'organisation.timezone',
  'admin.name',
  'admin.email',
  'admin.password',
  'confirm',
];

/** As the server asks (`admin.password`: 10 to 200 characters). */
export const minPasswordLength = 10;

/** What the form can tell before asking the server: each empty or mismatched field, in words. */
export function setupProblems(d: SetupDraft): Partial<Record<SetupField, string>> {
  const problems: Partial<Record<SetupField, string>> = {};
  if (!d.setupToken.trim()) problems.setupToken = 'Give the setup token from the link in the server log.';
  if (!d.name.trim()) problems['organisation.name'] = "Give your organisation's name.";
  if (!d.adminName.trim()) problems['admin.name'] = 'Give your name.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim()))
    problems['admin.email'] = 'Give your work e-mail, such as ann@example.com.';
  if (d.password.length < minPasswordLength)
    problems['admin.password'] = `Use at least ${minPasswordLength} characters.`;
  else if (d.password !== d.confirm) problems.confirm = 'The two passwords differ.';
  return problems;
}

/** The short name the server will make from the name when none is given. */
export const slugHint = (name: string) => (name.trim() ? slugFrom(name) : '');

/** `POST /setup`'s body. */
export function setupBody(d: SetupDraft) {
  return {
    setupToken: d.setupToken.trim(),
    organisation: { name: d.name.trim(), slug: d.slug.trim() || undefined, timezone: d.timezone },
    admin: { name: d.adminName.trim(), email: d.email.trim(), password: d.password },
    starterTeams: d.starterTeams,
  };
}
