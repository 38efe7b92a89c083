import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { driftReport, organisationZone } from './drift.queries.ts';
import { type Log, trainModel } from './tagging.commands.ts';
import { learntSince } from './tagging.queries.ts';
import { retrainDue } from './training-set.ts';
import { latestModelInfo } from './vocabulary.queries.ts';
import { vocabularyState, vocabularyTypes } from './vocabulary.table.ts';
import { weekOf, weeksBefore } from './week.ts';

export type VocabularyJobOptions = {
  every: number;
  /** Retrain once this many new labels and corrections have arrived since the last model. */
  threshold: number;
};

export const defaultVocabularyJobOptions: VocabularyJobOptions = { every: 5 * 60_000, threshold: 20 };

/** Trains the organisation's tagger when it has none, or has learnt enough since the last. */
export async function retrainIfDue(db: Db, orgId: string, now: Date, threshold: number, log?: Log) {
  const last = await latestModelInfo(db, orgId);
  const learnt = last ? await learntSince(db, orgId, last.createdAt) : { newLabels: 0, newCorrections: 0 };
  if (!retrainDue({ exists: !!last, ...learnt }, threshold)) return { trained: false, ...learnt };
  const info = await trainModel(db, orgId, now, log);
  return { trained: true, version: info.version, ...learnt };
}

/**
 * Once per organisation and week (whichever process gets there first), last week's drift alerts
 * go to the log; the report itself is `GET /api/v1/vocabulary/drift`.
 */
async function weeklyDrift(db: Db, orgId: string, now: Date, log: Log) {
  const zone = await organisationZone(db, orgId);
  const [lastWeek] = weeksBefore(weekOf(now, zone), 1, zone);
  await db.insert(vocabularyState).values({ orgId, updatedAt: now }).onConflictDoNothing();
  const claimed = await db
    .update(vocabularyState)
    .set({ lastDriftWeek: lastWeek, updatedAt: now })
    .where(
      and(
        eq(vocabularyState.orgId, orgId),
        or(isNull(vocabularyState.lastDriftWeek), ne(vocabularyState.lastDriftWeek, lastWeek)),
      ),
    )
    .returning({ orgId: vocabularyState.orgId });
  if (claimed.length === 0) return;
  const report = await driftReport(db, orgId, { week: lastWeek, baselineWeeks: 4, now });
  if (report && report.alerts.length > 0) {
    log.warn({ orgId, week: lastWeek, alerts: report.alerts }, 'vocabulary drift');
  }
}

export async function runVocabularyJob(
  services: Pick<Services, 'database' | 'logger'>,
  now: Date,
  options: VocabularyJobOptions = defaultVocabularyJobOptions,
) {
  const db = services.database.db;
  const log = services.logger;
  const orgs = await db.selectDistinct({ orgId: vocabularyTypes.orgId }).from(vocabularyTypes);
  for (const { orgId } of orgs) {
    try {
      await retrainIfDue(db, orgId, now, options.threshold, log);
      await weeklyDrift(db, orgId, now, log);
    } catch (error) {
      // One organisation's failure (or another process training it) must not stop the others.
      const code = (error as { code?: string }).code;
      if (code !== 'training_in_progress' && code !== 'tagger_unavailable') {
        log.error({ err: error, orgId }, 'vocabulary job failed for an organisation');
      }
    }
  }
}

/** Retraining and the weekly drift check, as a scheduler job. */
export function vocabularyJob(
  services: Pick<Services, 'database' | 'clock' | 'logger'>,
  options: VocabularyJobOptions = defaultVocabularyJobOptions,
): Job {
  return {
    id: 'vocabulary.retrain',
    every: options.every,
    run: (now) => runVocabularyJob(services, now, options),
  };
}
