import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { ApiError } from '../http/errors.ts';
import { loadTagger } from './model-file.ts';
import { readTag } from './normalise.ts';
import { abstainThreshold, type Suggestion, suggestionFrom } from './suggestion.ts';
import { type Tagger, TaggerError } from './tagger.ts';
import { caseForTagging, correctionLabels, labelledHistory } from './tagging.queries.ts';
import type { Taxonomy } from './taxonomy.ts';
import { trainOffThread } from './training.ts';
import { trainingSet } from './training-set.ts';
import { loadTaxonomy, type ModelInfo, modelText } from './vocabulary.queries.ts';
import { vocabularyModels, vocabularyObservations, vocabularyState } from './vocabulary.table.ts';

export type Log = { info(o: object, m: string): void; warn(o: object, m: string): void };
const quiet: Log = { info() {}, warn() {} };

// --- the model in memory: loaded once per version, checked against the newest on each use ---

type Loaded = { version: number; tagger: Tagger; threshold: number };
const loaded = new Map<string, Loaded>();

/** The organisation's newest tagger, or null when none is trained yet. Never trains. */
export async function currentTagger(db: Queryable, orgId: string): Promise<Loaded | null> {
  const [row] = await db
    .select({ version: vocabularyModels.version })
    .from(vocabularyModels)
    .where(eq(vocabularyModels.orgId, orgId))
    .orderBy(desc(vocabularyModels.version))
    .limit(1);
  if (!row) return null;
  const hit = loaded.get(orgId);
  if (hit && hit.version === row.version) return hit;
  const text = await modelText(db, orgId, row.version);
  if (!text) return null;
  const tagger = loadTagger(JSON.parse(text));
  const entry = { version: row.version, tagger, threshold: abstainThreshold(tagger.report) };
  if (loaded.size >= 200) loaded.delete(loaded.keys().next().value!);
  loaded.set(orgId, entry);
  return entry;
}

// --- training ---

const leaseMs = 10 * 60_000;

/** A lease on the organisation's training, so that N processes train it once. */
async function claimTraining(db: Db, orgId: string, me: string, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db
    .insert(vocabularyState)
    .values({ orgId, trainingUntil: until, trainingBy: me, updatedAt: now })
    .onConflictDoUpdate({
      target: vocabularyState.orgId,
      set: { trainingUntil: until, trainingBy: me, updatedAt: now },
      where: or(isNull(vocabularyState.trainingUntil), lt(vocabularyState.trainingUntil, now)),
    })
    .returning({ orgId: vocabularyState.orgId });
  return rows.length > 0;
}

async function releaseTraining(db: Db, orgId: string, me: string) {
  await db
    .update(vocabularyState)
    .set({ trainingUntil: null, trainingBy: null })
    .where(and(eq(vocabularyState.orgId, orgId), eq(vocabularyState.trainingBy, me)));
}

/**
 * What a failed training leaves for the Vocabulary screen, or null when nothing failed: another
 * process training the tagger is not a failure. The catalogue's codes keep their words (written
 * for a lead); anything else is `internal`, its details left to the server log.
 */
export function trainingFailure(error: unknown): { code: string; message: string } | null {
  if (error instanceof ApiError) {
    return error.code === 'training_in_progress' ? null : { code: error.code, message: error.message };
  }
  return { code: 'internal', message: 'the training stopped on an unexpected error (see the server log)' };
}

/** Kept until a training succeeds; a failure to record it must not hide the training's own error. */
async function recordFailure(db: Db, orgId: string, error: unknown, now: Date, log: Log) {
  const failure = trainingFailure(error);
  if (!failure) return;
  await db
    .update(vocabularyState)
    .set({ lastFailureAt: now, lastFailureCode: failure.code, lastFailureMessage: failure.message })
    .where(eq(vocabularyState.orgId, orgId))
    .catch((err) => log.warn({ err, orgId }, 'the tagger training failure could not be recorded'));
}

const inFlight = new Map<string, Promise<ModelInfo>>();

/**
 * Trains the organisation's tagger on its taxonomy's examples, its resolved history and its
 * corrections, on a worker thread, and stores it as the next version. One training per
 * organisation at a time: in this process the callers share it; another process gets
 * `training_in_progress`.
 */
export function trainModel(db: Db, orgId: string, now: Date, log: Log = quiet): Promise<ModelInfo> {
  const running = inFlight.get(orgId);
  if (running) return running;
  const job = train(db, orgId, now, log).finally(() => inFlight.delete(orgId));
  inFlight.set(orgId, job);
  return job;
}

async function train(db: Db, orgId: string, now: Date, log: Log): Promise<ModelInfo> {
  const me = randomUUID();
  if (!(await claimTraining(db, orgId, me, now))) {
    throw new ApiError('training_in_progress', 'another process is training this tagger; retry shortly');
  }
  try {
    const taxonomy = await loadTaxonomy(db, orgId);
    const set = trainingSet(taxonomy, await labelledHistory(db, orgId), await correctionLabels(db, orgId));
    if (set.labels.length < 2) {
      throw new ApiError(
        'tagger_unavailable',
        `examples cover ${set.labels.length} issue type(s); two are needed`,
      );
    }
    const started = performance.now();
    const trained = await trainOffThread(set.examples, {}, (reason) =>
      log.warn({ orgId, reason }, 'tagger worker unavailable: training on the main thread'),
    ).catch((error) => {
      if (error instanceof TaggerError) throw new ApiError('tagger_unavailable', error.message);
      throw error;
    });
    const report = {
      ...trained.report,
      trainedOn: set.counts,
      trainingMs: Math.round(performance.now() - started),
      where: trained.where,
    };
    const info = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ max: sql<number>`coalesce(max(${vocabularyModels.version}), 0)::int` })
        .from(vocabularyModels)
        .where(eq(vocabularyModels.orgId, orgId));
      const version = Number(row?.max ?? 0) + 1;
      // Stamped with the time its data was read: what arrives during training counts for the next.
      const values = {
        orgId,
        version,
        model: trained.model,
        report,
        taxonomyRevision: taxonomy.revision,
        createdAt: now,
      };
      await tx.insert(vocabularyModels).values(values);
      await tx
        .update(vocabularyState)
        .set({ lastFailureAt: null, lastFailureCode: null, lastFailureMessage: null })
        .where(eq(vocabularyState.orgId, orgId));
      return { version, report, taxonomyRevision: taxonomy.revision, createdAt: now };
    });
    log.info({ orgId, version: info.version, rows: report.rows, ms: report.trainingMs }, 'tagger trained');
    return info;
  } catch (error) {
    await recordFailure(db, orgId, error, now, log);
    throw error;
  } finally {
    await releaseTraining(db, orgId, me);
  }
}

/** The newest tagger, training the first one when the organisation has none. */
export async function ensureTagger(db: Db, orgId: string, now: Date, log?: Log): Promise<Loaded> {
  const current = await currentTagger(db, orgId);
  if (current) return current;
  await trainModel(db, orgId, now, log);
  const trained = await currentTagger(db, orgId);
  if (!trained) throw new ApiError('tagger_unavailable', 'no tagger could be loaded');
  return trained;
}

export async function isTraining(db: Queryable, orgId: string, now: Date): Promise<boolean> {
  if (inFlight.has(orgId)) return true;
  const [row] = await db
    .select({ until: vocabularyState.trainingUntil })
    .from(vocabularyState)
    .where(eq(vocabularyState.orgId, orgId));
  return !!row?.until && row.until > now;
}

// --- suggestions ---

export type SuggestAnswer = Suggestion & { modelVersion: number };

function suggestWith(taxonomy: Taxonomy, model: Loaded, text: string): SuggestAnswer {
  return {
    ...suggestionFrom(taxonomy, model.tagger.predict(text, 6), model.threshold),
    modelVersion: model.version,
  };
}

/** Suggests a type for a text; records it for drift (and for the case, when given). */
export async function suggestType(
  db: Db,
  orgId: string,
  text: string,
  ctx: { now: Date; caseId?: string; log?: Log },
): Promise<SuggestAnswer> {
  const model = await ensureTagger(db, orgId, ctx.now, ctx.log);
  const answer = suggestWith(await loadTaxonomy(db, orgId), model, text);
  const best = answer.suggestion ?? answer.top[0];
  await db.insert(vocabularyObservations).values({
    id: newId('vo'),
    orgId,
    kind: 'suggestion',
    caseId: ctx.caseId ?? null,
    type: best?.type ?? null,
    score: best?.confidence ?? null,
    abstained: answer.abstained,
    modelVersion: answer.modelVersion,
    text: answer.abstained ? text.slice(0, 500) : null,
    createdAt: ctx.now,
  });
  return answer;
}

export type ProposedScenario = {
  scenario: string | null;
  type: string | null;
  confidence: number;
  abstained: boolean;
  /** Why there is no proposal: `tagger_unavailable` (no taxonomy examples) or `training_in_progress`. */
  unavailable?: string;
};

/**
 * Routing: the scenario of the type the tagger predicts for a conversation (null when it
 * abstains, or has no tagger yet). Never throws for a missing tagger. Pass the database, not a
 * transaction: the first call of an organisation trains its tagger (on a worker thread).
 * For the handoff form and `GET /cases/{id}/prefill`.
 */
export async function proposeScenario(
  db: Db,
  orgId: string,
  text: string,
  now = new Date(),
): Promise<ProposedScenario> {
  let model: Loaded;
  try {
    model = await ensureTagger(db, orgId, now);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'tagger_unavailable' && code !== 'training_in_progress') throw error;
    return { scenario: null, type: null, confidence: 0, abstained: true, unavailable: code };
  }
  const { suggestion, top, abstained } = suggestWith(await loadTaxonomy(db, orgId), model, text);
  const best = suggestion ?? top[0];
  return {
    scenario: suggestion?.scenario ?? null,
    type: best?.type ?? null,
    confidence: best?.confidence ?? 0,
    abstained,
  };
}

/** `proposeScenario` for a case's conversation (its subject and the customer's messages); not_found outside the organisation. */
export async function proposeScenarioForCase(db: Db, orgId: string, caseId: string, now = new Date()) {
  const kase = await caseForTagging(db, orgId, caseId);
  return proposeScenario(db, orgId, kase.text, now);
}

/** The tagger's view of a case, for the case page and the handoff form. */
export async function caseSuggestion(db: Db, orgId: string, caseId: string, ctx: { now: Date; log?: Log }) {
  const kase = await caseForTagging(db, orgId, caseId);
  const answer = await suggestType(db, orgId, kase.text, { ...ctx, caseId });
  const taxonomy = await loadTaxonomy(db, orgId);
  return { kase, answer, current: kase.issueType ? readTag(taxonomy, kase.issueType) : null };
}
