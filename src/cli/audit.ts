import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { inputKindOf, runAudit } from '../audit/audit.ts';
import { AUDIT_FORMATS, type AuditFormat } from '../audit/audit.types.ts';
import { renderAuditHtml } from '../audit/report-html.ts';
import { AuditInputError } from '../audit/values.ts';
import { CliError, progress } from './jsonl.ts';

type AuditCliOptions = { in: string; format?: string; json?: string; html?: string };

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('Audit a helpdesk export: how its handoffs behave (see docs/audit.md)')
    .requiredOption('--in <file>', 'the export: CSV, JSON Lines or JSON; - for standard input')
    .option('--format <format>', `${AUDIT_FORMATS.join(' | ')} (guessed from the content when left out)`)
    .option('--json <out.json>', 'where to write the JSON report (standard output when left out)')
    .option('--html <out.html>', 'where to write the HTML report')
    .action(async (options: AuditCliOptions) => {
      await audit(options);
    });
}

async function audit(options: AuditCliOptions): Promise<void> {
  const format = options.format?.toLowerCase();
  if (format !== undefined && !(AUDIT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`unknown --format ${options.format}: use one of ${AUDIT_FORMATS.join(', ')}`);
  }
  const started = Date.now();
  const bar = progress('audit');
  let rows = 0;
  const report = await runAudit(await openInput(options.in), {
    format: format as AuditFormat | undefined,
    kind: inputKindOf(options.in),
    file: options.in === '-' ? undefined : options.in,
    onProgress: (count) => {
      rows = count;
      bar.tick(count);
    },
  }).catch((error: unknown) => {
    if (error instanceof AuditInputError) throw new CliError(error.message);
    if (isFileError(error)) throw new CliError(`cannot read input file: ${options.in} (${error.code})`);
    throw error;
  });
  bar.done(rows);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (options.json === undefined || options.json === '-') process.stdout.write(json);
  else await save(options.json, json);
  if (options.html !== undefined) await save(options.html, renderAuditHtml(report));
  const s = report.summary;
  const seconds = ((Date.now() - started) / 1000).toFixed(2);
  process.stderr.write(
    `audit: ${s.events} events, ${s.cases} cases, ${s.handoffs} handoffs (${report.input.format}) in ${seconds} s\n`,
  );
  if (report.input.skippedRows > 0) {
    process.stderr.write(
      `audit: skipped ${report.input.skippedRows} rows without a case id or not understood\n`,
    );
  }
}

async function openInput(path: string): Promise<AsyncIterable<string>> {
  if (path === '-') {
    process.stdin.setEncoding('utf8');
    return process.stdin;
  }
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile()) throw new CliError(`cannot read input file: ${path}`);
  return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
}

async function save(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${isFileError(error) ? error.code : String(error)}`);
  }
}

function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
