import { Section } from '../app/ui.tsx';
import type { SkillOffer } from './skills.ts';

/**
 * Skills the owner should have, asked of the receiving team: Baton gives the handoff to the member
 * with most of them. Toggle buttons (Space or Enter), each naming who has the skill.
 */
export function SkillPicker({
  offers,
  scenarioSkills,
  value,
  onChange,
  fixed,
}: {
  offers: SkillOffer[];
  scenarioSkills: readonly string[];
  value: readonly string[];
  onChange: (skills: string[]) => void;
  /** Why the skills cannot change here (a saved draft keeps its own). */
  fixed?: string;
}) {
  if (offers.length === 0 && scenarioSkills.length === 0 && value.length === 0) return null;
  const toggle = (skill: string) =>
    onChange(value.includes(skill) ? value.filter((s) => s !== skill) : [...value, skill]);
  return (
    <Section title="Who should own it">
      {scenarioSkills.length > 0 ? (
        <p className="small">The scenario asks for {scenarioSkills.join(', ')}.</p>
      ) : null}
      {fixed ? (
        <p className="small" data-testid="asked-skills">
          {value.length ? `Asked for ${value.join(', ')}. ` : 'No skills asked for. '}
          <span className="muted">{fixed}</span>
        </p>
      ) : (
        <>
          <p className="hint" id="skill-picker-hint">
            Optional: the skills the owner needs. The member with most of them gets it (the least loaded among
            equals); without, the team’s usual rule chooses.
          </p>
          <ul className="plain skill-list" aria-describedby="skill-picker-hint">
            {offers.map((o) => (
              <li key={o.skill}>
                <button
                  type="button"
                  className="button small"
                  aria-pressed={value.includes(o.skill)}
                  onClick={() => toggle(o.skill)}
                >
                  {o.skill}
                </button>{' '}
                <span className="muted small">{o.people.join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
