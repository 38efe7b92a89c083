// The getting-started guide of an organisation set up new: what is left before its handoffs run as
// Baton means them to. Pure: the facts are read elsewhere (getting-started.queries.ts).

/** The guide's steps, in the order an admin takes them. */
export const gettingStartedSteps = [
  'people',
  'teams',
  'sign_in',
  'email',
  'helpdesk',
  'first_handoff',
] as const;
export type GettingStartedStep = (typeof gettingStartedSteps)[number];

/** What the guide is judged on, read from the organisation as it is now. */
export type GettingStartedFacts = {
  /** Active people, the admin included. */
  activePeople: number;
  /** Teams nobody is a member of: their lead takes every handoff (names, by name). */
  teamsWithoutMembers: string[];
  /** Active people with no password, no unexpired invitation and no single sign-on to sign in with. */
  peopleWithoutWayIn: { id: string; name: string }[];
  /** Whether this Baton sends e-mail with links (BATON_SMTP_URL and BATON_PUBLIC_URL): invitations, resets, notifications. */
  emailConfigured: boolean;
  /** Whether a helpdesk or script is connected: a webhook, an API token in use, or events received. */
  helpdeskConnected: boolean;
  /** Whether a handoff was ever sent (drafts do not count). */
  handoffSent: boolean;
};

export type StepState = { step: GettingStartedStep; done: boolean };

/**
 * Each step, done or not: colleagues added; every team with members (a team of nobody hands all
 * its work to its lead); everyone able to sign in (a password, an invitation on its way, or single
 * sign-on); e-mail on; a helpdesk connected; a first handoff sent.
 */
export function gettingStarted(f: GettingStartedFacts) {
  const done: Record<GettingStartedStep, boolean> = {
    people: f.activePeople > 1,
    teams: f.teamsWithoutMembers.length === 0,
    sign_in: f.activePeople > 1 && f.peopleWithoutWayIn.length === 0,
    email: f.emailConfigured,
    helpdesk: f.helpdeskConnected,
    first_handoff: f.handoffSent,
  };
  const steps: StepState[] = gettingStartedSteps.map((step) => ({ step, done: done[step] }));
  return {
    steps,
    done: steps.filter((s) => s.done).length,
    total: steps.length,
    /** The first step not done: where the guide points. */
    next: steps.find((s) => !s.done)?.step ?? null,
  };
}
