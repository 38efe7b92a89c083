// Whom a two-step requirement would stop, in words, before an admin saves it: pure, so it is
// tested apart from the page.
import { requiredFor, type TwoStepRequirement } from '../../../src/auth/two-step-policy.ts';

/** The people without two-step sign-in that `requirement` covers: stopped until they set it up. */
export const stoppedBy = <P extends { roles: string[] }>(requirement: TwoStepRequirement, people: P[]): P[] =>
  people.filter((p) => requiredFor(requirement, p.roles));
