import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from './jsonl.ts';
import { openForCommand, organisationFor } from './org-database.ts';

/** `baton customers import FILE`: tenure and value from a CSV (columns in docs/customers.md). */
export function registerCustomers(program: Command): void {
  const customers = program
    .command('customers')
    .description('customers: tenure and value for the churn risk');
  customers
    .command('import')
    .argument(
      '<file>',
      'CSV with a header row: external_id, name, customer_since, annual_value, tier, ... (- for stdin)',
    )
    .description('import or update customers from a CSV; the whole file is refused when a row is wrong')
    .option('--org <slug>', 'organisation id or slug (the first organisation when left out)')
    .action(async (file: string, o: { org?: string }) => {
      await importFile(file, o.org);
    });
}

async function readInput(file: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

async function importFile(file: string, orgRef: string | undefined): Promise<void> {
  const csv = await readInput(file);
  const database = await openForCommand(
    'Send the file to the running server instead: POST /api/v1/customers/import {"csv": "..."}',
  );
  try {
    const { importCustomers } = await import('../customers/customers.commands.ts');
    const { ApiError } = await import('../http/errors.ts');
    const org = await organisationFor(database, orgRef, 'no organisation in this database yet');
    try {
      const r = await importCustomers(database.db, org.id, csv, new Date());
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.stderr.write(
        `imported ${r.rows} customers into ${org.slug}: ${r.created} new, ${r.updated} updated\n`,
      );
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'invalid_import') throw error;
      const issues = (error.details.issues ?? []) as { line: number; column?: string; message: string }[];
      for (const i of issues)
        process.stderr.write(`${file}:${i.line}${i.column ? ` ${i.column}` : ''}: ${i.message}\n`);
      throw new CliError(error.message);
    }
  } finally {
    await database.close();
  }
}
