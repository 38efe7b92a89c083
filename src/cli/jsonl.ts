import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';

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
  const input = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  input.setEncoding('utf8');
  let rest = '';
  let first = true;
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let text = rest + chunk;
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      const lines: string[] = [];
      let from = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
        lines.push(text.charCodeAt(nl - 1) === 13 && nl > from ? text.slice(from, nl - 1) : text.slice(from, nl));
        from = nl + 1;
      }
      rest = text.slice(from);
      if (lines.length > 0) yield lines;
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read input ${path === '-' ? '(standard input)' : `file: ${path}`}: ${(error as Error).message}`);
  }
  if (rest.length > 0) yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
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
