import type { Calendar, OwnershipStrategy, PacketField, Scenario, ScenarioInput } from '../api/types.ts';
import { parseSkills } from '../people/person-form.ts';
import type { LadderAction } from '../sla/ladder-actions.ts';

// The scenario editor's form state and its conversions to and from the API's scenario: pure.
export const packetFields: PacketField[] = [
  'whatHappened',
  'attempted',
  'emotion',
  'documents',
  'urgency',
  'nextSteps',
  'summary',
];
const defaultRequired: PacketField[] = packetFields.filter((f) => f !== 'summary');

/** A clock's calendar: the receiving team's (the default), around the clock, or one the scenario already had. */
export type CalendarChoice = 'team' | '24/7' | 'own';
export type ClockDraft = { name: string; target: string; calendar: CalendarChoice; own?: Calendar };
export type RungDraft = { at: string; action: LadderAction; clock: string };
export type Draft = {
  id: string;
  name: string;
  fromTeam: string;
  toTeam: string;
  required: PacketField[];
  sla: ClockDraft[];
  ladder: RungDraft[];
  templateVersion: string;
  lastReviewed: string;
  /** How the owner is chosen: '' is the receiving team's own rule. */
  ownership: OwnershipStrategy | '';
  /** The skills asked for, as typed: "mobile, api". */
  skills: string;
};

/**
 * Who in the receiving team has any of the skills asked for, with the ones they have: what a lead
 * sees before saving ("Kenji Watanabe (mobile)"), and nobody when Baton would fall back to load.
 */
export function skilledMembers(
  skills: readonly string[],
  members: readonly { id: string; name: string }[],
  people: readonly { id: string; skills: readonly string[] }[],
): { name: string; has: string[] }[] {
  const skillsById = new Map(people.map((p) => [p.id, p.skills]));
  return members
    .flatMap((m) => {
      const has = skills.filter((s) => skillsById.get(m.id)?.includes(s));
      return has.length ? [{ name: m.name, has }] : [];
    })
    .sort((a, b) => b.has.length - a.has.length);
}

export const today = () => new Date().toISOString().slice(0, 10);

export function toDraft(x: Scenario | undefined, teams: { key: string }[]): Draft {
  if (!x)
    return {
      id: '',
      name: '',
      fromTeam: '',
      toTeam: teams[0]?.key ?? '',
      required: defaultRequired,
      sla: [
        { name: 'acknowledge', target: 'PT4H', calendar: 'team' },
        { name: 'resolve', target: 'P2D', calendar: 'team' },
      ],
      ladder: [
        { at: '75', action: 'warn_owner', clock: '' },
        { at: '100', action: 'notify_lead', clock: '' },
        { at: '150', action: 'page_supervisor', clock: '' },
      ],
      templateVersion: '1',
      lastReviewed: today(),
      ownership: '',
      skills: '',
    };
  return {
    id: x.id,
    name: x.name ?? '',
    fromTeam: x.fromTeam ?? '',
    toTeam: x.toTeam,
    required: [...x.required],
    sla: x.sla.map((c) => {
      const cal = c.calendar as Calendar | undefined;
      return {
        name: c.name,
        target: c.target,
        calendar: !cal ? 'team' : cal.hours === '24/7' ? '24/7' : 'own',
        own: cal,
      };
    }),
    ladder: x.ladder.map((r) => ({ at: String(r.at), action: r.action, clock: r.clock ?? '' })),
    templateVersion: String(x.template?.version ?? 1),
    lastReviewed: x.template?.lastReviewed ?? today(),
    ownership: x.ownership ?? '',
    skills: (x.skills ?? []).join(', '),
  };
}

/** The new version: what the form edits over everything else the scenario already says. */
export function toInput(d: Draft, base: Scenario | undefined, teamTz: string): ScenarioInput {
  const { version: _v, templateStale: _t, ...rest } = base ?? ({} as Partial<Scenario>);
  const skills = parseSkills(d.skills);
  return {
    ...(rest as Partial<ScenarioInput>),
    id: d.id.trim(),
    name: d.name.trim() || undefined,
    fromTeam: d.fromTeam || undefined,
    toTeam: d.toTeam,
    required: d.required,
    sla: d.sla.map((c) => ({
      name: c.name.trim(),
      target: c.target.trim().toUpperCase(),
      ...(c.calendar === '24/7'
        ? { calendar: { timezone: c.own?.timezone ?? teamTz, hours: '24/7' as const } }
        : c.calendar === 'own' && c.own
          ? { calendar: c.own }
          : {}),
    })),
    ladder: d.ladder.map((r) => ({
      at: Number(r.at),
      action: r.action,
      ...(r.clock ? { clock: r.clock } : {}),
    })),
    // Unset (undefined is left out of the JSON): the team's rule, no skills asked for.
    ownership: d.ownership || undefined,
    skills: skills.length ? skills : undefined,
    template: {
      ...(base?.template ?? {}),
      version: Math.max(1, Math.trunc(Number(d.templateVersion)) || 1),
      lastReviewed: d.lastReviewed,
    },
  } as ScenarioInput;
}
