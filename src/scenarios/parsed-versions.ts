import { type Scenario, scenarioSchema } from './scenarios.types.ts';

// A scenario version is never changed once written (an edit writes the next version), so its parsed
// definition can be kept for the life of the process: a send then reads only the version number.
const parsed = new Map<string, Scenario>();
const key = (orgId: string, id: string, version: number) => `${orgId}\u0000${id}\u0000${version}`;

/** The parsed definition of one scenario version, if this process has parsed it before. */
export function knownScenario(orgId: string, id: string, version: number): Scenario | undefined {
  return parsed.get(key(orgId, id, version));
}

/** Parses (once) and keeps one scenario version's stored definition. */
export function parseScenarioVersion(
  orgId: string,
  id: string,
  version: number,
  definition: unknown,
): Scenario {
  const k = key(orgId, id, version);
  let scenario = parsed.get(k);
  if (!scenario) {
    scenario = scenarioSchema.parse(definition);
    parsed.set(k, scenario);
  }
  return scenario;
}
