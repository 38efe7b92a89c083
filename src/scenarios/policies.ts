import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { newScenarioSchema, type Scenario } from './scenarios.types.ts';

const folder = fileURLToPath(new URL('../../policies/scenarios/', import.meta.url));

/** The default scenarios, as YAML files in policies/scenarios a lead can edit. */
export function loadScenarioPolicies(dir: string = folder): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((file) => {
      const parsed = newScenarioSchema.safeParse(parse(readFileSync(`${dir}/${file}`, 'utf8')));
      if (!parsed.success) throw new Error(`policies/scenarios/${file}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}
