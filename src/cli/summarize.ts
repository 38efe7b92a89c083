import type { Command } from 'commander';
import { dialogLineSchema, issueText } from '../conversation/conversation.types.ts';
import { summarizeDialog } from '../conversation/summarize.ts';
import { jsonLinesWriter, progress, readLines } from './jsonl.ts';

/** Summarises one input line; a bad line gives `{id, error}`. */
export function summarizeLine(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: 'invalid JSON' };
  }
  const id = (value as { id?: unknown } | null)?.id ?? null;
  const parsed = dialogLineSchema.safeParse(value);
  if (!parsed.success) return { id, error: issueText(parsed.error) };
  const { summary, packet } = summarizeDialog(parsed.data.turns);
  return { id: parsed.data.id, summary, packet };
}

export function registerSummarize(program: Command): void {
  program
    .command('summarize')
    .description(
      'summarise conversations and pre-fill packets: lines {id, turns} -> lines {id, summary, packet}',
    )
    .requiredOption('--in <file>', 'JSON lines input, or - for standard input')
    .action(async (options: { in: string }) => {
      const out = jsonLinesWriter();
      const meter = progress('summarize');
      let count = 0;
      for await (const line of readLines(options.in)) {
        if (line.trim() === '') continue;
        await out.write(summarizeLine(line));
        meter.tick(++count);
      }
      await out.flush();
      meter.done(count);
    });
}
