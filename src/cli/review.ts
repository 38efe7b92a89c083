import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from './jsonl.ts';
import { openForCommand, organisationFor } from './org-database.ts';

type ReviewOptions = { week?: string; json?: string; html?: string; org?: string };

/** `baton review`: the weekly cross-team review, from the database, as JSON and HTML. */
export function registerReview(program: Command): void {
  program
    .command('review')
    .description('Build the weekly handoff review of an ISO week (see docs/analytics.md)')
    .option('--week <YYYY-Www>', 'the ISO week, for example 2026-W48 (the previous week when left out)')
    .option('--json <out.json>', 'where to write the JSON review (standard output when left out; - for it)')
    .option('--html <out.html>', 'where to write the HTML page')
    .option('--org <slug>', 'organisation id or slug (the first organisation when left out)')
    .action(async (options: ReviewOptions) => {
      await review(options);
    });
}

const serverHint = (week: string | undefined) =>
  `ask the running server instead: GET /api/v1/analytics/review?week=${week ?? 'YYYY-Www'}&format=json (or format=html)`;

async function review(o: ReviewOptions): Promise<void> {
  if (o.week !== undefined && !/^\d{4}-W\d{2}$/.test(o.week))
    throw new CliError(`--week ${o.week}: expected an ISO week YYYY-Www, for example 2026-W48`);
  const database = await openForCommand(serverHint(o.week));
  try {
    const { weeklyReview } = await import('../analytics/analytics.queries.ts');
    const { previousWeekId, PeriodError } = await import('../analytics/period.ts');
    const { renderReviewHtml } = await import('../analytics/review-html.ts');
    const org = await organisationFor(
      database,
      o.org,
      'no organisation in this database yet (start `baton serve --demo` once)',
    );
    const week = o.week ?? previousWeekId(Date.now(), org.timezone);
    const built = await weeklyReview(database.db, org.id, week).catch((error: unknown) => {
      if (error instanceof PeriodError) throw new CliError(`--week: ${error.message}`);
      throw error;
    });
    const json = `${JSON.stringify(built.review, null, 2)}\n`;
    if (o.json === undefined || o.json === '-') process.stdout.write(json);
    else await save(o.json, json);
    if (o.html !== undefined) await save(o.html, renderReviewHtml(built.review, org.name));
    const r = built.review;
    process.stderr.write(
      `review ${r.week.id} (${org.slug}): ${r.metrics.cases} cases, ${r.metrics.handoffs} handoffs, ` +
        `${r.notableCases.length} notable cases, ${r.staleTemplates.length} stale templates\n`,
    );
  } finally {
    await database.close();
  }
}

async function save(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
