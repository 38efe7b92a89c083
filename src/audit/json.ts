import { AuditInputError } from './values.ts';

const SKIP = Symbol('skip');
const WHOLE = Symbol('whole');

/**
 * JSON values from a stream of text chunks: JSON Lines (one value a line, streamed), or, when the
 * first non-blank line is not a whole JSON value, one JSON document read in full (an API page).
 */
export async function* readJson(chunks: AsyncIterable<string>): AsyncGenerator<unknown> {
  let rest = '';
  let line = 0;
  let values = 0;
  let whole: string[] | null = null;
  const parse = (text: string): unknown => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return SKIP;
    try {
      const value = JSON.parse(trimmed);
      values++;
      return value;
    } catch {
      if (values === 0) return WHOLE;
      throw new AuditInputError(`JSON: line ${line} is not valid JSON`);
    }
  };
  for await (const chunk of chunks) {
    if (whole !== null) {
      whole.push(chunk);
      continue;
    }
    rest += chunk;
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      const text = rest.slice(start, end);
      const value = parse(text);
      start = end + 1;
      if (value === SKIP) continue;
      if (value === WHOLE) {
        whole = [text, '\n', rest.slice(start)];
        break;
      }
      yield value;
    }
    if (whole === null) rest = rest.slice(start);
  }
  if (whole !== null) {
    yield document(whole.join(''));
    return;
  }
  const value = parse(rest);
  if (value === WHOLE) yield document(rest);
  else if (value !== SKIP) yield value;
}

function document(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AuditInputError(`JSON: the input is neither JSON Lines nor one JSON document (${reason})`);
  }
}
