import fc from 'fast-check';

/**
 * Hostile input for the fuzz tests: values a client should never send, built from the OpenAPI
 * document's JSON schemas so that every route is reached with bodies that are almost right.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON schemas are open-ended
export type JsonSchema = Record<string, any>;

/** Strings that break naive code: injection, unicode edge cases, control characters, big numbers. */
export const nastyStrings = [
  '',
  ' ',
  '\t\n\r',
  "' OR '1'='1' --",
  "'; DROP TABLE cases; --",
  '" OR ""="',
  '\\',
  '%_%',
  '$1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, meant literally
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\u202Egnp.exe',
  'مرحبا بالعالم',
  '\u200B\u200C\u200D\uFEFF',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\u001b[31mred',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '2026-02-30T25:61:00Z',
  '__proto__',
  'constructor',
  'x'.repeat(10_001),
];

export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'é'.repeat(n)) },
  );

/** Values of the wrong type for wherever they land. */
export const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, [], {}, [null], { '': '' }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  );

/** A document nested `depth` levels deep, as arrays or objects. */
export function deep(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const sampleOne = <T>(a: fc.Arbitrary<T>, seed: number): T => fc.sample(a, { numRuns: 1, seed })[0]!;

/** A plausible value for a schema: required properties, first enum member, a string the pattern accepts. */
export function skeleton(schema: JsonSchema | undefined, seed = 1, full = false): unknown {
  if (!schema) return null;
  if ('default' in schema && schema.type !== 'object') return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return skeleton(options.find((o: JsonSchema) => o.type !== 'null') ?? options[0], seed, full);
  if (schema.allOf) return skeleton(schema.allOf[0], seed, full);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required: string[] = schema.required ?? [];
      for (const [key, sub] of Object.entries<JsonSchema>(schema.properties ?? {}))
        if (full || required.includes(key)) out[key] = skeleton(sub, seed, full);
      return out;
    }
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((s: JsonSchema) => skeleton(s, seed, full));
      const n = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: n }, () => skeleton(schema.items, seed, full));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return true;
    case 'string':
      return plausibleString(schema, seed);
    default:
      return 'x';
  }
}

function plausibleString(schema: JsonSchema, seed: number): string {
  if (schema.format === 'date-time') return '2026-11-23T10:00:00.000Z';
  if (schema.format === 'date') return '2026-11-23';
  if (schema.format === 'email') return 'someone@example.com';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com/hook';
  if (schema.pattern) {
    try {
      return sampleOne(fc.stringMatching(new RegExp(schema.pattern)), seed);
    } catch {
      return 'x';
    }
  }
  const min = schema.minLength ?? 1;
  return 'fuzz'.padEnd(Math.max(min, 4), 'z').slice(0, Math.max(min, Math.min(schema.maxLength ?? 40, 40)));
}

type Path = (string | number)[];

/** Every place inside a JSON value, the root included. */
export function placesIn(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...placesIn(v, [...at, i]));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...placesIn(v, [...at, k]));
  return out;
}

/** A copy of `value` with the thing at `at` replaced (or removed when `replacement` is `remove`). */
export function replaceAt(value: unknown, at: Path, replacement: unknown | typeof remove): unknown {
  if (at.length === 0) return replacement === remove ? undefined : replacement;
  // biome-ignore lint/suspicious/noExplicitAny: a structural copy of any JSON value
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [head, ...rest] = at;
  if (rest.length === 0 && replacement === remove) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head as string];
  } else copy[head as string] = replaceAt(copy[head as string], rest, replacement);
  return copy;
}
export const remove = Symbol('remove');

export type BodyCase = { kind: string; raw: string; contentType?: string };

/** A hostile body for a route whose JSON schema is `schema` (undefined: a route without a body). */
export function hostileBody(schema: JsonSchema | undefined): fc.Arbitrary<BodyCase> {
  const json = (kind: string) => (v: unknown) => ({ kind, raw: JSON.stringify(v) ?? 'null' });
  const base = fc.integer({ min: 1, max: 1_000_000 }).map((seed) => skeleton(schema, seed, seed % 2 === 0));
  const mutate = (kind: string, leaf: fc.Arbitrary<unknown>, leavesOnly: boolean) =>
    base.chain((b) => {
      const places = placesIn(b).filter(
        (p) => !leavesOnly || typeof at(b, p) !== 'object' || at(b, p) === null,
      );
      return fc
        .tuple(fc.constantFrom(...(places.length ? places : [[]])), leaf)
        .map(([p, v]) => json(kind)(replaceAt(b, p, v)));
    });
  return fc.oneof(
    { weight: 2, arbitrary: base.map(json('plausible')) },
    { weight: 4, arbitrary: mutate('nasty string in a field', nastyString(), true) },
    { weight: 3, arbitrary: mutate('wrong type in a field', wrongType(), false) },
    {
      weight: 2,
      arbitrary: base.chain((b) => {
        const places = placesIn(b).filter((p) => p.length > 0);
        return places.length
          ? fc.constantFrom(...places).map((p) => json('a field missing')(replaceAt(b, p, remove)))
          : fc.constant(json('a field missing')({}));
      }),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json('random JSON')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 500, max: 20_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
        .map(([d, k]) => ({ kind: `JSON ${d} levels deep`, raw: deep(d, k) })),
    },
    {
      weight: 1,
      arbitrary: base.map((b) => ({
        kind: 'deep JSON in a field',
        raw: JSON.stringify(b).replace(/^\{/, `{"extra":${deep(2000, 'object')},`),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { kind: 'not JSON', raw: '{"a": ' },
        { kind: 'empty body', raw: '' },
        { kind: 'form body', raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
        { kind: 'text body', raw: 'hello', contentType: 'text/plain' },
        { kind: 'JSON without a content type', raw: '{}', contentType: '' },
        { kind: 'JSON with a NUL byte', raw: '{"a":"\u0000"}' },
        { kind: 'over the size limit', raw: JSON.stringify({ big: 'x'.repeat(1_100_000) }) },
        { kind: 'BOM then JSON', raw: '\uFEFF{}' },
        { kind: 'duplicate keys', raw: '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}' },
      ),
    },
  );
}

function at(value: unknown, p: Path): unknown {
  // biome-ignore lint/suspicious/noExplicitAny: walks any JSON value
  return p.reduce<any>((v, k) => (v == null ? undefined : v[k]), value);
}
