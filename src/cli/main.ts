import { Command, CommanderError } from 'commander';
import { registerAudit } from './audit.ts';
import { registerBackup } from './backup.ts';
import { registerCustomers } from './customers.ts';
import { registerDatabase } from './database.ts';
import { CliError } from './jsonl.ts';
import { registerOrg } from './org.ts';
import { registerRatings } from './ratings.ts';
import { registerRestore } from './restore.ts';
import { registerReview } from './review.ts';
import { registerSentiment } from './sentiment.ts';
import { registerSla } from './sla.ts';
import { registerSummarize } from './summarize.ts';
import { registerTag } from './tag.ts';

const program = new Command('baton')
  .description('Baton: the handoff and escalation control plane for customer support')
  .showHelpAfterError()
  .exitOverride();

registerDatabase(program);
registerOrg(program);
registerSla(program);
registerTag(program);
registerSummarize(program);
registerSentiment(program);
registerAudit(program);
registerReview(program);
registerCustomers(program);
registerRatings(program);
registerBackup(program);
registerRestore(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  if (error instanceof CliError) {
    process.stderr.write(`baton: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`baton: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
