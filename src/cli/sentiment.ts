import type { Command } from 'commander';
import { issueText, messageLineSchema } from '../conversation/conversation.types.ts';
import { scoreSentiment } from '../conversation/sentiment.ts';
import { jsonLinesWriter, progress, readLines } from './jsonl.ts';

/** Scores one input line; a bad line gives `{id, error}`. */
export function sentimentLine(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: 'invalid JSON' };
  }
  const id = (value as { id?: unknown } | null)?.id ?? null;
  const parsed = messageLineSchema.safeParse(value);
  if (!parsed.success) return { id, error: issueText(parsed.error) };
  const { score, label } = scoreSentiment(parsed.data.text);
  return { id: parsed.data.id, score, label };
}

export function registerSentiment(program: Command): void {
  program
    .command('sentiment')
    .description('score the sentiment of messages: lines {id, text} -> lines {id, score, label}')
    .requiredOption('--in <file>', 'JSON lines input, or - for standard input')
    .action(async (options: { in: string }) => {
      const out = jsonLinesWriter();
      const meter = progress('sentiment');
      let count = 0;
      for await (const line of readLines(options.in)) {
        if (line.trim() === '') continue;
        await out.write(sentimentLine(line));
        meter.tick(++count);
      }
      await out.flush();
      meter.done(count);
    });
}
