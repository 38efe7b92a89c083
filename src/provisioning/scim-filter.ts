// SCIM filters (RFC 7644 3.4.2.2) as far as identity providers use them when they look a person (or a
// group: `displayName eq "Billing"`) up:
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

/** What a Group filter may name: Okta and Entra ID look a group up by displayName or externalId. */
export const groupFilterAttributes = ['id', 'externalId', 'displayName', 'members.value'] as const;
export type GroupFilterAttribute = (typeof groupFilterAttributes)[number];

export type Filter<A extends string = FilterAttribute> =
  | { op: 'and' | 'or'; left: Filter<A>; right: Filter<A> }
  | { op: 'not'; filter: Filter<A> }
  | { op: 'pr'; attr: A }
  | { op: Comparison; attr: A; value: string | boolean | null };

/** A resource type's filterable attributes, its schema's prefix, and the short names it also takes. */
export type FilterResource<A extends string> = {
  attributes: readonly A[];
  prefix: string;
  aliases: Record<string, A>;
};

const users: FilterResource<FilterAttribute> = {
  attributes: filterAttributes,
  prefix: 'urn:ietf:params:scim:schemas:core:2.0:user:',
  // `emails` alone means its `value`.
  aliases: { emails: 'emails.value' },
};

export const groupFilter: FilterResource<GroupFilterAttribute> = {
  attributes: groupFilterAttributes,
  prefix: 'urn:ietf:params:scim:schemas:core:2.0:group:',
  aliases: { members: 'members.value' },
};

/** The attribute a path names (case-insensitive, RFC 7643 2.1), or undefined when this service provider does not know it. */
export function attributeOf<A extends string = FilterAttribute>(
  path: string,
  of: FilterResource<A> = users as unknown as FilterResource<A>,
): A | undefined {
  let lower = path.toLowerCase();
  if (lower.startsWith(of.prefix)) lower = lower.slice(of.prefix.length);
  // Own keys only: `constructor` is no alias.
  const alias = Object.hasOwn(of.aliases, lower) ? of.aliases[lower] : undefined;
  return of.attributes.find((a) => a.toLowerCase() === lower) ?? alias;
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

/**
 * Parses a filter on Users (or, given `groupFilter`, on Groups); a filter this service provider cannot
 * answer exactly is refused, never guessed at.
 */
export function parseFilter<A extends string = FilterAttribute>(
  input: string,
  of: FilterResource<A> = users as unknown as FilterResource<A>,
): Filter<A> {
  const tokens = tokenize(input);
  if (tokens.length === 0) throw invalid('it is empty');
  let pos = 0;
  const peek = () => tokens[pos];
  const keyword = (word: string) => {
    const t = peek();
    return t?.kind === 'word' && t.text.toLowerCase() === word;
  };

  function expression(depth: number): Filter<A> {
    if (depth > maxDepth) throw invalid(`it nests deeper than ${maxDepth} levels`);
    let left = conjunction(depth);
    while (keyword('or')) {
      pos++;
      left = { op: 'or', left, right: conjunction(depth) };
    }
    return left;
  }
  function conjunction(depth: number): Filter<A> {
    let left = factor(depth);
    while (keyword('and')) {
      pos++;
      left = { op: 'and', left, right: factor(depth) };
    }
    return left;
  }
  function factor(depth: number): Filter<A> {
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
  function group(depth: number): Filter<A> {
    pos++; // (
    const inner = expression(depth + 1);
    if (peek()?.kind !== ')') throw invalid('a parenthesis is not closed');
    pos++;
    return inner;
  }
  function comparison(): Filter<A> {
    const name = peek()!;
    if (name.kind !== 'word') throw invalid(`expected an attribute at ${name.at + 1}`);
    pos++;
    if (peek()?.kind === '[')
      throw invalid(`value filters such as ${name.text}[…] are not supported: use ${name.text}.value`);
    const attr = attributeOf(name.text, of);
    if (!attr)
      throw invalid(`${name.text} is not an attribute Baton filters on (${of.attributes.join(', ')})`);
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
  function literal(attr: A): string | boolean | null {
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
