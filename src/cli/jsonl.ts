import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** A usage or input problem: the CLI prints the message and exits with code 2. */
export class CliError extends Error {}

/** Opens `path` (or standard input for `-`) and yields its lines, streaming. */
export async function* readLines(path: string): AsyncGenerator<string> {
  if (path !== '-') {
    try {
      await access(path);
    } catch {
      throw new CliError(`cannot read input file: ${path}`);
    }
  }
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) yield line;
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
  return {
    async write(value: unknown) {
      const line = `${JSON.stringify(value)}\n`;
      buffer.push(line);
      size += line.length;
      if (size >= 64 * 1024) await flush();
    },
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
