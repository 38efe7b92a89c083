import { closeSync, openSync, readSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/** A usage or input problem: the CLI prints the message and exits with code 2. */
export class CliError extends Error {}

/**
 * Opens `path` (or standard input for `-`) and yields its lines in batches, streaming: one await
 * per chunk instead of one per line. Lines end at "\n" (a "\r" before it is dropped); a leading
 * byte-order mark is dropped. A read error is a CliError.
 */
export async function* readLineBatches(path: string): AsyncGenerator<string[]> {
  if (path !== '-') {
    try {
      await access(path);
    } catch {
      throw new CliError(`cannot read input file: ${path}`);
    }
  }
  // A file is read with blocking reads: nothing else runs meanwhile, and a blocked read costs
  // less than a trip through the thread pool and the event loop for each chunk.
  const input = path === '-' ? process.stdin.setEncoding('utf8') : fileChunks(path);
  let rest = '';
  let first = true;
  try {
    for await (const chunk of input as AsyncIterable<string> | Iterable<string>) {
      let text = rest + chunk;
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      const lines: string[] = [];
      let from = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
        lines.push(
          text.charCodeAt(nl - 1) === 13 && nl > from ? text.slice(from, nl - 1) : text.slice(from, nl),
        );
        from = nl + 1;
      }
      rest = text.slice(from);
      if (lines.length > 0) yield lines;
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `cannot read input ${path === '-' ? '(standard input)' : `file: ${path}`}: ${(error as Error).message}`,
    );
  }
  if (rest.length > 0) yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}

function* fileChunks(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    const decoder = new StringDecoder('utf8');
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer))
      yield decoder.write(buffer.subarray(0, n));
    const tail = decoder.end();
    if (tail) yield tail;
  } finally {
    closeSync(fd);
  }
}

/** Opens `path` (or standard input for `-`) and yields its lines, streaming. */
export async function* readLines(path: string): AsyncGenerator<string> {
  for await (const batch of readLineBatches(path)) for (const line of batch) yield line;
}

/** Buffered JSON-lines writer on standard output that respects back-pressure. */
export function jsonLinesWriter(out: NodeJS.WritableStream = process.stdout) {
  let buffer: string[] = [];
  let size = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  /** Queues one line of JSON text (no newline); returns a promise only when it flushed. */
  const writeLine = (json: string): Promise<void> | undefined => {
    buffer.push(json, '\n');
    size += json.length + 1;
    return size >= 64 * 1024 ? flush() : undefined;
  };
  return {
    async write(value: unknown) {
      await writeLine(JSON.stringify(value));
    },
    writeLine,
    flush,
  };
}

/** Progress on standard error, at most every `everyMs`, only when stderr is a terminal or forced. */
export function progress(label: string, everyMs = 1000) {
  const started = Date.now();
  let last = started;
  const show = process.stderr.isTTY || process.env.BATON_PROGRESS === '1';
  return {
    tick(count: number) {
      if (!show) return;
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      process.stderr.write(`${label}: ${count} lines (${Math.round(count / ((now - started) / 1000))}/s)\n`);
    },
    done(count: number) {
      if (!show) return;
      process.stderr.write(`${label}: ${count} lines in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A fast path for hot line readers: the raw JSON text of the top-level values named in `fields`
 * (undefined when absent), or null when the line is better left to JSON.parse: not a flat object,
 * a backslash anywhere, a duplicate field, nesting. Strings come back quoted, and slicing off the
 * quotes gives their value, but raw control characters in them are not looked for. Only
 * `fields[nested]` may hold an object or array; its text is bracket-matched, not checked:
 * JSON.parse it before trusting it. Other keys are skipped, their values checked the same way.
 */
export function scanFields(
  line: string,
  fields: readonly string[],
  nested = -1,
): (string | undefined)[] | null {
  if (line.indexOf('\\') !== -1) return null;
  const out: (string | undefined)[] = new Array(fields.length).fill(undefined);
  let i = skipSpace(line, 0);
  if (line.charCodeAt(i) !== 123) return null;
  i = skipSpace(line, i + 1);
  if (line.charCodeAt(i) === 125) return skipSpace(line, i + 1) === line.length ? out : null;
  for (;;) {
    if (line.charCodeAt(i) !== 34) return null;
    const keyEnd = line.indexOf('"', i + 1);
    if (keyEnd < 0) return null;
    let field = -1;
    for (let f = 0; f < fields.length && field < 0; f++) {
      if (fields[f].length === keyEnd - i - 1 && line.startsWith(fields[f], i + 1)) field = f;
    }
    i = skipSpace(line, keyEnd + 1);
    if (line.charCodeAt(i) !== 58) return null;
    i = skipSpace(line, i + 1);
    const end = valueEnd(line, i, field >= 0 && field === nested);
    if (end < 0) return null;
    if (field >= 0) {
      if (out[field] !== undefined) return null;
      out[field] = line.slice(i, end);
    }
    i = skipSpace(line, end);
    const c = line.charCodeAt(i);
    if (c === 44) i = skipSpace(line, i + 1);
    else if (c === 125) return skipSpace(line, i + 1) === line.length ? out : null;
    else return null;
  }
}

function skipSpace(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
  return i;
}

function valueEnd(s: string, i: number, mayNest: boolean): number {
  const c = s.charCodeAt(i);
  if (c === 34) return s.indexOf('"', i + 1) + 1 || -1;
  if (c === 123 || c === 91) return mayNest ? bracketEnd(s, i) : -1;
  if (s.startsWith('true', i) || s.startsWith('null', i)) return i + 4;
  if (s.startsWith('false', i)) return i + 5;
  NUMBER.lastIndex = i;
  return NUMBER.test(s) ? NUMBER.lastIndex : -1;
}

/** Index after the bracket matching the one at `i`, skipping strings (free of escapes); -1 when unbalanced. */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 34) {
      j = s.indexOf('"', j + 1);
      if (j < 0) return -1;
    } else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return j + 1;
  }
  return -1;
}
