import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from './jsonl.ts';
import { openForCommand, organisationFor } from './org-database.ts';

type Options = { org?: string; format: string; source?: string };

/** `baton ratings import FILE`: a helpdesk's satisfaction ratings, back-filled (docs/integrations.md). */
export function registerRatings(program: Command): void {
  const ratings = program.command('ratings').description("customers' satisfaction ratings (CSAT)");
  ratings
    .command('import')
    .argument(
      '<file>',
      'JSON: {"source", "ratings": [...]} as the API takes it, or a Freshdesk page (- for stdin)',
    )
    .description(
      "record a helpdesk's ratings; the whole file is refused when one is wrong, cases Baton does not know are skipped",
    )
    .option(
      '--format <format>',
      'baton (the API body) or freshdesk (its /api/v2/surveys/satisfaction_ratings answer)',
      'baton',
    )
    .option('--source <name>', 'the helpdesk, with --format baton when the file names none')
    .option('--org <slug>', 'organisation id or slug (the first organisation when left out)')
    .action(async (file: string, o: Options) => {
      await importFile(file, o);
    });
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    if (file === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      text = Buffer.concat(chunks).toString('utf8');
    } else text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/** The file as the import takes it, or every problem named by its place in the file. */
async function parsed(file: string, o: Options) {
  const { freshdeskImportSchema, ratingsImportSchema } = await import('../satisfaction/import.types.ts');
  const body = await readJson(file);
  const fail = (issues: { path: PropertyKey[]; message: string }[]) => {
    for (const i of issues)
      process.stderr.write(`${file}: ${i.path.join('.') || '(the file)'}: ${i.message}\n`);
    return new CliError(
      `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported`,
    );
  };
  if (o.format === 'freshdesk') {
    const r = freshdeskImportSchema.safeParse(body);
    if (!r.success) throw fail(r.error.issues);
    return { source: 'freshdesk', ratings: r.data };
  }
  if (o.format !== 'baton') throw new CliError(`--format ${o.format}: baton or freshdesk`);
  const withSource =
    o.source && body && typeof body === 'object' && !Array.isArray(body)
      ? { source: o.source, ...body }
      : body;
  const r = ratingsImportSchema.safeParse(withSource);
  if (!r.success) throw fail(r.error.issues);
  return r.data;
}

async function importFile(file: string, o: Options): Promise<void> {
  const batch = await parsed(file, o);
  const database = await openForCommand(
    'Send the file to the running server instead: POST /api/v1/satisfaction/import (or /satisfaction/import/freshdesk)',
  );
  try {
    const { registerEventListeners } = await import('../runtime.ts');
    const { importRatings } = await import('../satisfaction/import.commands.ts');
    const { ApiError } = await import('../http/errors.ts');
    const org = await organisationFor(database, o.org, 'no organisation in this database yet');
    registerEventListeners();
    const principal = {
      orgId: org.id,
      personId: null,
      roles: new Set(['admin'] as const),
      via: 'admin-token' as const,
    };
    try {
      const r = await importRatings(database.db, batch.source, batch.ratings, { principal, now: new Date() });
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.stderr.write(
        `${batch.ratings.length} ratings into ${org.slug}: ${r.created} new, ${r.changed} changed, ${r.unchanged} unchanged, ${r.skipped.length} skipped (no such case)\n`,
      );
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  } finally {
    await database.close();
  }
}
