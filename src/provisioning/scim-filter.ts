// SCIM filters (RFC 7644 3.4.2.2) as far as identity providers use them when they look a person up:
// `userName eq "amara@acme.com"`, `externalId eq "00u1"`, `emails.value eq "…"`, joined with
// `and`, `or`, `not (…)` and parentheses. Written here rather than taken from a package: this
// subset is a page of code, and every attribute must map onto a column anyway.
import { ScimProblem } from './scim-problem.ts';

export type Comparison = 'eq' | 'ne' | 'co' | 'sw' | 'ew';

/** The attributes a filter may name, as this service provider stores them. */
export const filterAttributes = [
  'id',
  'userName',
  'externalId',
  'emails.value',
  'displayName',
  'name.givenName',
  'name.familyName',
  'active',
] as const;
export type FilterAttribute = (typeof filterAttributes)[number];

export type Filter =
  | { op: 'and' | 'or'; left: Filter; right: Filter }
  | { op: 'not'; filter: Filter }
  | { op: 'pr'; attr: FilterAttribute }
  | { op: Comparison; attr: FilterAttribute; value: string | boolean | null };

const corePrefix = 'urn:ietf:params:scim:schemas:core:2.0:user:';
/** Attribute names are case-insensitive (RFC 7643 2.1); `emails` alone means its `value`. */
const byLowerName = new Map<string, FilterAttribute>([
  ...filterAttributes.map((a) => [a.toLowerCase(), a] as const),
  ['emails', 'emails.value'],
]);

/** The attribute a path names, or undefined when this service provider does not know it. */
export function attributeOf(path: string): FilterAttribute | undefined {
  const lower = path.toLowerCase();
  return byLowerName.get(lower.startsWith(corePrefix) ? lower.slice(corePrefix.length) : lower);
}

type Token = { kind: 'word' | 'string' | '(' | ')' | '[' | ']'; text: string; at: number };

const maxDepth = 20;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === '[' || ch === ']') {
      tokens.push({ kind: ch, text: ch, at: i });
      i++;
    } else if (ch === '"') {
      // A JSON string: the same escapes, so `\"` and `\u00e9` read as JSON reads them.
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw invalid(`the string starting at ${i + 1} is not closed`);
      let text: string;
      try {
        text = JSON.parse(input.slice(i, j + 1)) as string;
      } catch {
        throw invalid(`the string starting at ${i + 1} has a bad escape`);
      }
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else {
      const word = /^[^\s()[\]"]+/.exec(input.slice(i))![0];
      tokens.push({ kind: 'word', text: word, at: i });
      i += word.length;
    }
  }
  return tokens;
}

const invalid = (why: string) =>
  new ScimProblem('scim_invalid_filter', `filter: ${why}`, { field: 'filter' });

/** Parses a filter; a filter this service provider cannot answer exactly is refused, never guessed at. */
export function parseFilter(input: string): Filter {
  const tokens = tokenize(input);
  if (tokens.length === 0) throw invalid('it is empty');
  let pos = 0;
  const peek = () => tokens[pos];
  const keyword = (word: string) => {
    const t = peek();
    return t?.kind === 'word' && t.text.toLowerCase() === word;
  };

  function expression(depth: number): Filter {
    if (depth > maxDepth) throw invalid(`it nests deeper than ${maxDepth} levels`);
    let left = conjunction(depth);
    while (keyword('or')) {
      pos++;
      left = { op: 'or', left, right: conjunction(depth) };
    }
    return left;
  }
  function conjunction(depth: number): Filter {
    let left = factor(depth);
    while (keyword('and')) {
      pos++;
      left = { op: 'and', left, right: factor(depth) };
    }
    return left;
  }
  function factor(depth: number): Filter {
    const t = peek();
    if (!t) throw invalid('it ends where an expression should be');
    if (keyword('not')) {
      pos++;
      if (peek()?.kind !== '(') throw invalid('`not` must be followed by an expression in parentheses');
      return { op: 'not', filter: group(depth) };
    }
    if (t.kind === '(') return group(depth);
    return comparison();
  }
  function group(depth: number): Filter {
    pos++; // (
    const inner = expression(depth + 1);
    if (peek()?.kind !== ')') throw invalid('a parenthesis is not closed');
    pos++;
    return inner;
  }
  function comparison(): Filter {
    const name = peek()!;
    if (name.kind !== 'word') throw invalid(`expected an attribute at ${name.at + 1}`);
    pos++;
    if (peek()?.kind === '[')
      throw invalid(`value filters such as ${name.text}[…] are not supported: use ${name.text}.value`);
    const attr = attributeOf(name.text);
    if (!attr)
      throw invalid(`${name.text} is not an attribute Baton filters on (${filterAttributes.join(', ')})`);
    const opToken = peek();
    if (opToken?.kind !== 'word') throw invalid(`expected an operator after ${name.text}`);
    const op = opToken.text.toLowerCase();
    pos++;
    if (op === 'pr') return { op: 'pr', attr };
    if (!['eq', 'ne', 'co', 'sw', 'ew'].includes(op))
      throw invalid(`the operator ${opToken.text} is not supported (eq, ne, co, sw, ew, pr)`);
    const value = literal(attr);
    if (attr === 'active' && op !== 'eq' && op !== 'ne') throw invalid('active is compared with eq or ne');
    return { op: op as Comparison, attr, value };
  }
  function literal(attr: FilterAttribute): string | boolean | null {
    const t = peek();
    if (!t) throw invalid(`expected a value for ${attr}`);
    pos++;
    if (t.kind === 'string') {
      if (attr === 'active') throw invalid('active is true or false, without quotes');
      return t.text;
    }
    const word = t.kind === 'word' ? t.text.toLowerCase() : '';
    if (word === 'true' || word === 'false') {
      if (attr !== 'active') throw invalid(`${attr} is compared with a quoted string`);
      return word === 'true';
    }
    if (word === 'null') return null;
    throw invalid(`expected a quoted value for ${attr}, found ${t.text}`);
  }

  const filter = expression(0);
  if (pos < tokens.length) throw invalid(`unexpected ${tokens[pos]!.text} at ${tokens[pos]!.at + 1}`);
  return filter;
}
