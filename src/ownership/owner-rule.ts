import type { Strategy } from './assign.ts';

/**
 * The rule a handoff's owner is chosen by, at its send and at every later choice (a reassignment,
 * the sweeper, a ladder's reassign rung, evening out): its scenario's strategy (else, undefined, its
 * team's) and the skills the scenario asks for. Skills the sender asked for on the handoff itself
 * join the scenario's and make it a skills match whatever the strategy: a sender who asks for
 * someone who knows the mobile app means it.
 */
export function ownerRule(
  scenario: { ownership?: Strategy; skills?: readonly string[] } | null | undefined,
  asked: readonly string[] | null | undefined,
): { strategy?: Strategy; skills?: string[] } {
  const own = scenario?.skills ?? [];
  if (!asked?.length) return { strategy: scenario?.ownership, skills: own.length ? [...own] : undefined };
  return { strategy: 'skills', skills: [...new Set([...own, ...asked])] };
}
