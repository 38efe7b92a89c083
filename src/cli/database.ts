import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { type Role, roles } from '../http/context.ts';
import { CliError } from './jsonl.ts';
import { webBuildNeeded } from './web-build.ts';

// Database modules load inside the commands that need them: the line-oriented commands start fast.
const openDb = async () => (await import('../db/open.ts')).openDatabase;

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `serve`, `migrate` and `token create`: the commands that run or administer a Baton. */
export function registerDatabase(program: Command) {
  program
    .command('serve')
    .description('run the HTTP server, the web app and the scheduler')
    .option('--demo', 'load the demo organisation on first start')
    .option('--build-web', 'build the web app first when it is missing or its sources changed')
    .action(async (o: { demo?: boolean; buildWeb?: boolean }) => {
      const needed = o.buildWeb ? webBuildNeeded(root) : null;
      if (needed) {
        process.stderr.write(
          needed === 'missing'
            ? 'building the web app (first start)...\n'
            : 'building the web app (its sources changed since the last build)...\n',
        );
        const r = spawnSync(
          process.execPath,
          [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'],
          { cwd: root, stdio: 'inherit' },
        );
        if (r.status !== 0) process.stderr.write('web build failed; serving the API only\n');
      }
      const { startServer } = await import('../server.ts');
      await startServer(loadConfig(), { demo: Boolean(o.demo) });
    });

  program
    .command('migrate')
    .description('apply database migrations (PGlite in BATON_DATA_DIR, or DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const database = await (await openDb())({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await database.close();
      process.stderr.write(`migrations applied (${database.kind})\n`);
    });

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token and print it once')
    .requiredOption('--org <slug>', 'organisation id or slug')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--roles <list>', `comma-separated roles (${roles.join(', ')})`, 'admin')
    .option('--person <id>', 'act as this person')
    .action(async (o: { org: string; name: string; roles: string; person?: string }) => {
      const wanted = o.roles.split(',').map((r) => r.trim()) as Role[];
      const bad = wanted.filter((r) => !roles.includes(r));
      if (bad.length) throw new CliError(`unknown role ${bad.join(', ')}; use ${roles.join(', ')}`);
      const config = loadConfig();
      const database = await (await openDb())({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const { eq, or } = await import('drizzle-orm');
      const { organisations } = await import('../orgs/orgs.table.ts');
      const { createApiToken } = await import('../auth/auth.commands.ts');
      try {
        const [org] = await database.db
          .select()
          .from(organisations)
          .where(or(eq(organisations.id, o.org), eq(organisations.slug, o.org)));
        if (!org) throw new CliError(`no organisation ${o.org}`);
        const created = await createApiToken(database.db, {
          orgId: org.id,
          name: o.name,
          roles: wanted,
          personId: o.person,
        });
        process.stdout.write(`${created.token}\n`);
      } finally {
        await database.close();
      }
    });
}
