import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { CliError } from './jsonl.ts';
import { openForCommand } from './org-database.ts';

type Options = {
  name: string;
  slug?: string;
  timezone: string;
  adminName: string;
  adminEmail: string;
  starterTeams: boolean;
};

/** `baton org create`: an organisation with its first admin, for a new install or one more tenant. */
export function registerOrg(program: Command) {
  const org = program.command('org').description('organisations');
  org
    .command('create')
    .description(
      "create an organisation with its first admin (and, by default, the starter teams with the default scenarios); prints it as JSON with the admin's initial password, once",
    )
    .requiredOption('--name <name>', "the organisation's name")
    .requiredOption('--admin-email <email>', "the first admin's work e-mail (they sign in with it)")
    .requiredOption('--admin-name <name>', "the first admin's name")
    .option('--slug <slug>', 'its short name for --org and X-Baton-Org (made from the name by default)')
    .option(
      '--timezone <zone>',
      "its IANA time zone: reports and new teams' hours",
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    )
    .option('--no-starter-teams', 'make no teams and no scenarios (add them in the web app or the API)')
    .action(async (o: Options) => {
      const { newOrganisationSchema } = await import('../orgs/setup.types.ts');
      // Shown once and to be changed at the first sign-in: 24 random bytes, URL-safe.
      const password = randomBytes(18).toString('base64url');
      const parsed = newOrganisationSchema.safeParse({
        organisation: { name: o.name, slug: o.slug, timezone: o.timezone },
        admin: { name: o.adminName, email: o.adminEmail, password },
        starterTeams: o.starterTeams,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new CliError(`${optionOf(issue.path)}: ${issue.message}`);
      }
      const database = await openForCommand(
        'Stop it first, or set the first organisation up in the web app (the setup link is in its log).',
      );
      const { createNewOrganisation } = await import('../orgs/setup.commands.ts');
      const { ApiError } = await import('../http/errors.ts');
      try {
        const made = await createNewOrganisation(database.db, parsed.data, new Date());
        process.stdout.write(`${JSON.stringify({ ...made, admin: { ...made.admin, password } })}\n`);
        process.stderr.write(
          `${made.organisation.name} (${made.organisation.slug}) created: ${made.admin.email} signs in with the password above, to be changed from the account menu\n`,
        );
      } catch (error) {
        if (error instanceof ApiError) throw new CliError(error.message);
        throw error;
      } finally {
        await database.close();
      }
    });
}

/** The command-line option a schema path came from. */
function optionOf(path: PropertyKey[]): string {
  const options: Record<string, string> = {
    'organisation.name': '--name',
    'organisation.slug': '--slug',
    'organisation.timezone': '--timezone',
    'admin.name': '--admin-name',
    'admin.email': '--admin-email',
  };
  const key = path.map(String).join('.');
  return options[key] ?? key;
}
