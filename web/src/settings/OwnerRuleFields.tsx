import type { OwnershipStrategy, Team } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { parseSkills } from '../people/person-form.ts';
import { strategies, strategyOf } from '../people/team-form.ts';
import { skilledMembers } from './scenario-draft.ts';

/** A scenario's own rule for choosing the owner, and for a skills match who in the team has them. */
export function OwnerRuleFields({
  ownership,
  skills,
  toTeam,
  idOf: f,
  onOwnership,
  onSkills,
}: {
  ownership: OwnershipStrategy | '';
  skills: string;
  toTeam: Team | undefined;
  idOf: (name: string) => string;
  onOwnership: (v: OwnershipStrategy | '') => void;
  onSkills: (v: string) => void;
}) {
  const s = useSession();
  const rule = ownership || toTeam?.ownershipStrategy;
  const asked = parseSkills(skills);
  const matching = skilledMembers(asked, toTeam?.members.filter((m) => m.active) ?? [], s.people);
  const knownSkills = [...new Set(s.people.flatMap((p) => p.skills))].sort();
  return (
    <fieldset className="fieldset">
      <legend>Owner</legend>
      <div className="field">
        <label htmlFor={f('ownership')}>Choose the owner by</label>
        <select
          id={f('ownership')}
          value={ownership}
          aria-describedby={f('ownership-hint')}
          onChange={(e) => onOwnership(e.target.value as OwnershipStrategy | '')}
        >
          <option value="">
            {toTeam
              ? `${toTeam.name}'s rule (${strategyOf(toTeam.ownershipStrategy)?.label ?? toTeam.ownershipStrategy})`
              : 'The team’s rule'}
          </option>
          {strategies.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </select>
        <span className="hint" id={f('ownership-hint')}>
          {strategyOf(rule ?? '')?.explain ?? ''} Also when Baton chooses again (reassigned by rule, handed
          on, evened out).
        </span>
      </div>
      {rule === 'skills' ? (
        <div className="field">
          <label htmlFor={f('skills')}>Skills asked for</label>
          <input
            id={f('skills')}
            value={skills}
            list={f('known-skills')}
            placeholder="mobile, api"
            aria-describedby={f('skills-hint')}
            onChange={(e) => onSkills(e.target.value)}
          />
          <datalist id={f('known-skills')}>
            {knownSkills.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <span className="hint" id={f('skills-hint')} data-testid="skills-hint">
            {!asked.length
              ? 'None: the least loaded member takes it. Separate skills with commas.'
              : matching.length
                ? `Best match first: ${matching.map((m) => `${m.name} (${m.has.join(', ')})`).join(', ')}.`
                : `Nobody in ${toTeam?.name ?? 'the team'} has ${asked.length === 1 ? 'this skill' : 'these skills'}: the least loaded member takes it.`}
          </span>
        </div>
      ) : null}
    </fieldset>
  );
}
