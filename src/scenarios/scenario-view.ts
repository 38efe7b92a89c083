import { defaultRequiredFields } from '../packets/packet.types.ts';
import { defaultLadder, type Scenario } from './scenarios.types.ts';

/** A packet template not reviewed for this long shows as stale (the seed's "outdated templates"). */
export const staleTemplateDays = 180;

export function isTemplateStale(scenario: Scenario, now: Date): boolean {
  if (!scenario.template) return false;
  const reviewed = Date.parse(`${scenario.template.lastReviewed}T00:00:00Z`);
  return now.getTime() - reviewed > staleTemplateDays * 86_400_000;
}

/** The warm-handoff templates go stale on the same schedule as the packet template. */
export function isCustomerUpdateStale(scenario: Scenario, now: Date): boolean {
  const t = scenario.customerUpdate;
  if (!t || !('templates' in t)) return false;
  return now.getTime() - Date.parse(`${t.lastReviewed}T00:00:00Z`) > staleTemplateDays * 86_400_000;
}

export function requiredFields(scenario: Scenario) {
  return scenario.required ?? defaultRequiredFields;
}

export function ladderOf(scenario: Scenario) {
  return scenario.ladder ?? defaultLadder;
}

export function scenarioView(scenario: Scenario, version: number, now: Date) {
  return {
    ...scenario,
    version,
    required: requiredFields(scenario),
    ladder: ladderOf(scenario),
    templateStale: isTemplateStale(scenario, now),
    customerUpdateStale: isCustomerUpdateStale(scenario, now),
  };
}
