/** A skill the receiving team has, and who in it has it. */
export type SkillOffer = { skill: string; people: string[] };

/**
 * The skills a sender can ask of a team: those of its members who can own work (active), each with
 * who has it, the scenario's own skills left out (it asks for them already); most people first,
 * then by name.
 */
export function teamSkills(
  members: readonly { id: string; active: boolean }[],
  people: readonly { id: string; name: string; skills: readonly string[] }[],
  scenarioSkills: readonly string[] = [],
): SkillOffer[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const holders = new Map<string, string[]>();
  for (const m of members) {
    const p = byId.get(m.id);
    if (!m.active || !p) continue;
    for (const skill of new Set(p.skills))
      if (!scenarioSkills.includes(skill)) holders.set(skill, [...(holders.get(skill) ?? []), p.name]);
  }
  return [...holders]
    .map(([skill, names]) => ({ skill, people: names.sort() }))
    .sort((a, b) => b.people.length - a.people.length || a.skill.localeCompare(b.skill));
}
