import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { dialogLineSchema, issueText } from '../conversation/conversation.types.ts';
import { type LlmConfig, summarizeWithLlm } from '../conversation/llm.ts';
import { summarizeDialog, type Turn } from '../conversation/summarize.ts';
import { CliError, jsonLinesWriter, progress, readLines } from './jsonl.ts';

/** How many dialogues are at the LLM endpoint at once with `--llm`; output keeps input order. */
const LLM_CONCURRENCY = 4;

/** Parses one input line: the dialogue, or the `{id, error}` line to print for it. */
function parseLine(
  line: string,
): { id: string | number; turns: Turn[] } | { error: Record<string, unknown> } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: { id: null, error: 'invalid JSON' } };
  }
  const id = (value as { id?: unknown } | null)?.id ?? null;
  const parsed = dialogLineSchema.safeParse(value);
  if (!parsed.success) return { error: { id, error: issueText(parsed.error) } };
  return parsed.data;
}

/** Summarises one input line; a bad line gives `{id, error}`. */
export function summarizeLine(line: string): Record<string, unknown> {
  const dialog = parseLine(line);
  if ('error' in dialog) return dialog.error;
  const { summary, packet } = summarizeDialog(dialog.turns);
  return { id: dialog.id, summary, packet };
}

/** The same through the LLM endpoint; a fallback to the local summary is told on standard error. */
async function summarizeLineWithLlm(line: string, llm: LlmConfig): Promise<Record<string, unknown>> {
  const dialog = parseLine(line);
  if ('error' in dialog) return dialog.error;
  const { summary, packet, fallbackReason } = await summarizeWithLlm(dialog.turns, llm);
  if (fallbackReason) process.stderr.write(`baton: ${dialog.id}: local summary (${fallbackReason})\n`);
  return { id: dialog.id, summary, packet };
}

function llmConfig(): LlmConfig {
  let llm: LlmConfig | undefined;
  try {
    llm = loadConfig().llm;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (!llm) throw new CliError('--llm needs BATON_LLM_URL and BATON_LLM_MODEL in the environment');
  return llm;
}

export function registerSummarize(program: Command): void {
  program
    .command('summarize')
    .description(
      'summarise conversations and pre-fill packets: lines {id, turns} -> lines {id, summary, packet}',
    )
    .requiredOption('--in <file>', 'JSON lines input, or - for standard input')
    .option(
      '--llm',
      'improve the summaries through the OpenAI-compatible endpoint of BATON_LLM_URL and BATON_LLM_MODEL ' +
        '(personal data is redacted first; any failure falls back to the local summary)',
    )
    .action(async (options: { in: string; llm?: boolean }) => {
      const llm = options.llm ? llmConfig() : undefined;
      const out = jsonLinesWriter();
      const meter = progress('summarize');
      const pending: Promise<Record<string, unknown>>[] = [];
      let count = 0;
      const writeOldest = async () => {
        await out.write(await pending.shift()!);
        meter.tick(++count);
      };
      for await (const line of readLines(options.in)) {
        if (line.trim() === '') continue;
        if (!llm) {
          await out.write(summarizeLine(line));
          meter.tick(++count);
          continue;
        }
        pending.push(summarizeLineWithLlm(line, llm));
        if (pending.length >= LLM_CONCURRENCY) await writeOldest();
      }
      while (pending.length > 0) await writeOldest();
      await out.flush();
      meter.done(count);
    });
}
