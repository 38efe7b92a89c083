import { createReadStream } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { issueText, messageLineSchema } from '../conversation/conversation.types.ts';
import { CsvError, parseCsvStream, readLabelledExamples } from '../vocabulary/csv.ts';
import { loadTagger, serializeTagger } from '../vocabulary/model-file.ts';
import { type Tagger, TaggerError, trainTagger } from '../vocabulary/tagger.ts';
import { CliError, jsonLinesWriter, progress, readLines } from './jsonl.ts';

type TrainOptions = { in: string; out: string; textColumn: string; labelColumn: string };
type PredictOptions = { model: string; in: string; top?: number };

export function registerTag(program: Command): void {
  const tag = program
    .command('tag')
    .description('issue-type tagger: train on labelled texts, then suggest types');
  tag
    .command('train')
    .description('train a tagger from a CSV with a header naming `text` and `label` columns')
    .requiredOption('--in <file>', 'training CSV (RFC 4180), or - for standard input')
    .requiredOption('--out <file>', 'where to write the model (JSON)')
    .option('--text-column <name>', 'the column holding the text', 'text')
    .option('--label-column <name>', 'the column holding the label', 'label')
    .action(train);
  tag
    .command('predict')
    .description('suggest a type per line: lines {id, text} -> lines {id, label, confidence}')
    .requiredOption('--model <file>', 'a model written by `baton tag train`')
    .requiredOption('--in <file>', 'JSON lines input, or - for standard input')
    .option('--top <n>', 'also print the n most likely labels as `top`', positiveInteger)
    .action(predict);
}

async function train(options: TrainOptions): Promise<void> {
  const started = Date.now();
  const { examples, skipped } = await readTrainingCsv(options);
  let tagger: Tagger;
  try {
    tagger = trainTagger(examples);
  } catch (error) {
    if (error instanceof TaggerError) throw new CliError(`cannot train on ${options.in}: ${error.message}`);
    throw error;
  }
  const json = JSON.stringify(serializeTagger(tagger));
  try {
    await writeFile(options.out, json);
  } catch (error) {
    throw new CliError(`cannot write model file: ${options.out}: ${(error as Error).message}`);
  }
  const { rows, labels, features, heldOut, abstainBelow } = tagger.report;
  const lines = [
    `tag train: ${rows} rows${skipped > 0 ? ` (${skipped} skipped: blank text or label)` : ''}, ${labels} labels, ${features} features`,
    heldOut
      ? `${heldOut.method} accuracy ${heldOut.accuracy.toFixed(3)}, macro-F1 ${heldOut.macroF1.toFixed(3)} on ${heldOut.rows} rows; calibration error ${heldOut.ece.toFixed(3)}`
      : 'too few rows to hold any out: accuracy not measured',
    `abstain below confidence ${abstainBelow.toFixed(2)}; model ${options.out} (${(json.length / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

async function readTrainingCsv(options: TrainOptions) {
  if (options.in !== '-') {
    try {
      await access(options.in);
    } catch {
      throw new CliError(`cannot read input file: ${options.in}`);
    }
  }
  const input = options.in === '-' ? process.stdin : createReadStream(options.in);
  try {
    return await readLabelledExamples(parseCsvStream(input), {
      text: options.textColumn,
      label: options.labelColumn,
    });
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(`${options.in}: ${error.message}`);
    throw new CliError(`cannot read input file: ${options.in}: ${(error as Error).message}`);
  }
}

async function predict(options: PredictOptions): Promise<void> {
  const tagger = await readModel(options.model);
  const out = jsonLinesWriter();
  const meter = progress('tag predict');
  let count = 0;
  for await (const line of readLines(options.in)) {
    if (line.trim() === '') continue;
    await out.write(tagLine(tagger, line, options.top));
    meter.tick(++count);
  }
  await out.flush();
  meter.done(count);
}

/** Tags one input line; a bad line gives `{id, error}` with the id when it can be recovered. */
export function tagLine(tagger: Tagger, line: string, top?: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: recoverId(line), error: 'invalid JSON' };
  }
  const parsed = messageLineSchema.safeParse(value);
  if (!parsed.success) {
    const id = (value as { id?: unknown } | null)?.id;
    return {
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      error: issueText(parsed.error),
    };
  }
  const prediction = tagger.predict(parsed.data.text, top ?? 1);
  const result: Record<string, unknown> = {
    id: parsed.data.id,
    label: prediction.label,
    confidence: prediction.confidence,
  };
  if (top !== undefined) result.top = prediction.top;
  return result;
}

const ID = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/** The id of a line that is not valid JSON, when its `"id": ...` pair is still readable. */
function recoverId(line: string): string | number | null {
  const match = ID.exec(line);
  if (!match) return null;
  try {
    return JSON.parse(match[1]) as string | number;
  } catch {
    return null;
  }
}

async function readModel(path: string): Promise<Tagger> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError(`cannot read model file: ${path}`);
  }
  try {
    return loadTagger(JSON.parse(text));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not JSON' : (error as Error).message;
    throw new CliError(`cannot load model file ${path}: ${reason}`);
  }
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}
