import type { Calendar, OwnershipStrategy, PacketField, Scenario, ScenarioInput } from '../api/types.ts';
import { parseSkills } from '../people/person-form.ts';
import type { LadderAction } from '../sla/ladder-actions.ts';
import { targetFromInput, targetProblem } from './target-input.ts';

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
/** A rung as the form edits it; `respectHours`, which the form does not show, is kept as it was. */
export type RungDraft = { at: string; action: LadderAction; clock: string; respectHours?: boolean };
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
    ladder: x.ladder.map((r) => ({
      at: String(r.at),
      action: r.action,
      clock: r.clock ?? '',
      ...(r.respectHours !== undefined ? { respectHours: r.respectHours } : {}),
    })),
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
      target: targetFromInput(c.target) ?? c.target.trim().toUpperCase(),
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
      ...(r.respectHours !== undefined ? { respectHours: r.respectHours } : {}),
    })),
    // Unset (undefined is left out of the JSON): the team's rule, no skills asked for.
    ownership: d.ownership || undefined,
    skills: skills.length ? skills : undefined,
    template: {
      ...(base?.template ?? {}),
      version: Number(d.templateVersion),
      lastReviewed: d.lastReviewed,
    },
  } as ScenarioInput;
}

/**
 * What stops the form from being saved, by the API's field paths (`sla.1.name`), in the form's
 * words: checked before anything is sent, so the lead is taken to the field rather than shown the
 * server's refusal. The server checks the same rules (scenarios.types.ts).
 */
export function scenarioIssues(d: Draft): Map<string, string> {
  const issues = new Map<string, string>();
  if (!d.id.trim()) issues.set('id', 'Give the scenario an id, such as billing-to-finance');
  else if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(d.id.trim()))
    issues.set('id', 'Use letters, digits, dashes, dots and underscores, no spaces');
  if (!d.name.trim()) issues.set('name', 'Give the scenario a name: agents pick it by its name');
  const named = new Set<string>();
  for (const [i, c] of d.sla.entries()) {
    const name = c.name.trim();
    if (!name)
      issues.set(`sla.${i}.name`, 'Name the clock (acknowledge stops on accept, resolve on resolve)');
    else if (named.has(name))
      issues.set(`sla.${i}.name`, `Another clock is named ${name}: each needs its own name`);
    named.add(name);
    const problem = targetProblem(c.target);
    if (problem) issues.set(`sla.${i}.target`, problem);
  }
  for (const [i, r] of d.ladder.entries()) {
    const at = Number(r.at);
    if (!r.at.trim() || !Number.isFinite(at) || at < 0 || at > 1000)
      issues.set(`ladder.${i}.at`, 'A share of the target from 0 to 1000 (%)');
    if (r.clock && !named.has(r.clock))
      issues.set(`ladder.${i}.clock`, `No clock is named ${r.clock} any more`);
  }
  const version = Number(d.templateVersion);
  if (!Number.isInteger(version) || version < 1) issues.set('template.version', 'A whole number, 1 or more');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.lastReviewed))
    issues.set('template.lastReviewed', 'Pick the day it was last reviewed');
  return issues;
}

/** JSON with its keys in one order, undefined left out: two equal values read the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Whether saving would make a version that says exactly what the current one says: the form then
 * saves nothing ("Nothing changed"), rather than a new version a lead would have to tell apart.
 */
export function sameAsCurrent(input: ScenarioInput, current: Scenario | undefined): boolean {
  if (!current) return false;
  const { version: _v, templateStale: _t, ...rest } = current;
  return canonical(input) === canonical(rest);
}
