// Who may be chosen as a handoff's owner, and by what rule Baton chooses: pure, for the owner pickers.

export type Member = { id: string; name: string; availability: string; active: boolean };

/** Who of a team's members may be given a handoff: not those who lost access (the server refuses them). */
export const mayOwn = <M extends Member>(members: readonly M[]): M[] => members.filter((m) => m.active);

/**
 * The rule Baton chooses an owner by, in words ("round-robin", "skills: mobile"): the handoff's
 * scenario's strategy and skills, else its team's, as the server chooses.
 */
export function ownerRuleWords(
  teamStrategy: string,
  scenario?: { ownership?: string | undefined; skills?: readonly string[] | undefined },
): string {
  const rule = scenario?.ownership ?? teamStrategy;
  return rule === 'skills' && scenario?.skills?.length ? `skills: ${scenario.skills.join(', ')}` : rule;
}
