// Whether an organisation's people must sign in in two steps: pure rules over the setting, the
// person's roles and their own two-step sign-in.

export const twoStepRequirements = ['nobody', 'admins', 'everyone'] as const;
export type TwoStepRequirement = (typeof twoStepRequirements)[number];

/** Whether the organisation's requirement covers a person with these roles. */
export function requiredFor(requirement: TwoStepRequirement, roles: Iterable<string>): boolean {
  if (requirement === 'everyone') return true;
  if (requirement === 'admins') return [...roles].includes('admin');
  return false;
}

/**
 * Whether a signed-in person has to set two-step sign-in up before anything else: the
 * requirement covers them and theirs is off (never set up, or turned off by an admin).
 */
export const setupDue = (requirement: TwoStepRequirement, roles: Iterable<string>, enabled: boolean) =>
  !enabled && requiredFor(requirement, roles);

// What a person whose setup is due may still do: see who they are, set it up, change their
// password, see and end their sessions, and sign out.
const openWhileDue: readonly RegExp[] = [
  /^\/api\/v1\/me$/,
  /^\/api\/v1\/me\/two-step(\/(setup|enable))?$/,
  /^\/api\/v1\/me\/password$/,
  /^\/api\/v1\/me\/sessions(\/.*)?$/,
  /^\/api\/v1\/auth\/.*$/,
];

/** Whether a request may go on while the caller's two-step setup is due. */
export const allowedWhileSetupDue = (path: string) => openWhileDue.some((p) => p.test(path));
