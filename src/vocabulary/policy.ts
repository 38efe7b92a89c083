import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { policyTypes } from './taxonomy.ts';
import type { TypeSpec } from './vocabulary.types.ts';
import { vocabularyPolicySchema } from './vocabulary.types.ts';

const defaultFile = fileURLToPath(new URL('../../policies/vocabulary/issue-types.yaml', import.meta.url));

const cache = new Map<string, { path: string; spec: TypeSpec }[]>();

/** The default taxonomy, `policies/vocabulary/issue-types.yaml`, flattened to paths (parents first). */
export function loadVocabularyPolicy(file: string = defaultFile): { path: string; spec: TypeSpec }[] {
  const hit = cache.get(file);
  if (hit) return hit;
  const parsed = vocabularyPolicySchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const types = policyTypes(parsed.data);
  cache.set(file, types);
  return types;
}
