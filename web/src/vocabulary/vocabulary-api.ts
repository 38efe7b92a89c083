/**
 * The vocabulary API as the Vocabulary screen uses it (docs/vocabulary.md). The answers' shapes are
 * derived from the server's own view functions (type-only imports: nothing reaches the bundle).
 */

import type { driftReport } from '../../../src/vocabulary/drift.queries.ts';
import type { TaggerReport } from '../../../src/vocabulary/tagger.types.ts';
import type {
  lastTrainingFailure,
  modelView,
  revisionLog,
  taxonomyView,
} from '../../../src/vocabulary/vocabulary.queries.ts';
import type { TypeStatus } from '../../../src/vocabulary/vocabulary.types.ts';
import { del, get, patch, post, query } from '../api/client.ts';
import type { Json } from '../api/types.ts';

type Answer<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

export type { TypeStatus };
export type TaxonomyAnswer = Answer<typeof taxonomyView>;
/** One issue type: its spec, status, how its tags read, the scenario it routes to (own or inherited). */
export type IssueTypeView = TaxonomyAnswer['items'][number];
export type RevisionRow = Answer<typeof revisionLog>[number];
type ModelAnswer = NonNullable<Answer<typeof modelView>>;
/** The newest model; its report is the tagger's own plus what it trained on. */
export type TaggerModel = Omit<ModelAnswer, 'report'> & {
  report: Partial<TaggerReport> & {
    trainedOn?: { taxonomy: number; history: number; corrections: number; skipped: number };
    trainingMs?: number;
  };
};
/** The last training that failed since one succeeded: when, the API's code, its words. */
export type TrainingFailure = NonNullable<Answer<typeof lastTrainingFailure>>;
export type ModelState = {
  model: TaggerModel | null;
  training: boolean;
  lastFailure: TrainingFailure | null;
};
/** One ISO week's vocabulary drift against the weeks before it (docs/vocabulary.md, Drift). */
export type DriftReport = NonNullable<Answer<typeof driftReport>>;

/** What a create or an edit sends (the API trims, checks and answers errors by field). */
export type TypeInput = {
  name: string;
  definition: string;
  examples: string[];
  /** null: none of its own (a child then inherits its parent's). */
  scenario: string | null;
};

const v1 = '/api/v1/vocabulary';
/** A type's address: `billing` or `billing/duplicate-charge` as two segments. */
const typeUrl = (path: string) => `${v1}/types/${path.split('/').map(encodeURIComponent).join('/')}`;

export const vocabularyApi = {
  types: (status: 'active' | 'all', signal?: AbortSignal) =>
    get<TaxonomyAnswer>(`${v1}/types${query({ status })}`, signal),
  create: (body: TypeInput & { path: string }) => post<IssueTypeView>(`${v1}/types`, body),
  update: (path: string, body: Partial<TypeInput>) => patch<IssueTypeView>(typeUrl(path), body),
  /** 201 with the alias added; 200 (same revision) when the team already had it. */
  addAlias: (path: string, team: string, alias: string) =>
    post<IssueTypeView>(`${typeUrl(path)}/aliases`, { team, alias }),
  /** One team's word, and nothing else of the type: a new revision. */
  removeAlias: (path: string, team: string, alias: string) =>
    del<IssueTypeView>(`${typeUrl(path)}/aliases/${encodeURIComponent(team)}/${encodeURIComponent(alias)}`),
  retire: (path: string, note?: string) => post<IssueTypeView>(`${typeUrl(path)}/retire`, { note }),
  merge: (path: string, into: string, note?: string) =>
    post<{ merged: IssueTypeView; into: IssueTypeView }>(`${typeUrl(path)}/merge`, { into, note }),
  revisions: (limit: number, signal?: AbortSignal) =>
    get<{ items: RevisionRow[] }>(`${v1}/revisions${query({ limit })}`, signal),
  model: (signal?: AbortSignal) => get<ModelState>(`${v1}/model`, signal),
  /**
   * Starts training on the server's worker (202): `started`, or `running` when one already is.
   */
  train: () => post<{ status: 'started' | 'running' }>(`${v1}/train`, {}),
  /** The current week (in the organisation's time zone) when `week` is left out. */
  drift: (week: string | undefined, baselineWeeks: number, signal?: AbortSignal) =>
    get<DriftReport>(`${v1}/drift${query({ week, baselineWeeks })}`, signal),
};
