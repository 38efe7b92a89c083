import { useEffect, useRef, useState } from 'react';
import { abstainThreshold } from '../../../src/vocabulary/suggestion.ts';
import { formatDateTime, relative } from '../app/format.ts';
import { ErrorNote, Loading } from '../app/ui.tsx';
import type { Resource } from '../app/useResource.ts';
import { type ModelState, type TaggerModel, type TrainingFailure, vocabularyApi } from './vocabulary-api.ts';

const percent = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)} %`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function Facts({ model, revision }: { model: TaggerModel; revision: number | undefined }) {
  const r = model.report;
  const on = r.trainedOn;
  return (
    <>
      <dl className="facts" data-testid="model-facts">
        <dt>Version</dt>
        <dd>
          {model.version}, trained{' '}
          <time dateTime={model.createdAt} title={formatDateTime(model.createdAt)}>
            {relative(model.createdAt)}
          </time>
        </dd>
        <dt>Learnt from</dt>
        <dd>
          {on
            ? `${on.taxonomy} examples, ${on.history} resolved cases, ${on.corrections} corrections`
            : `${r.rows ?? '—'} examples`}
        </dd>
        <dt>Tells apart</dt>
        <dd>{r.labels ?? '—'} types</dd>
        <dt>Accuracy</dt>
        <dd>
          {r.heldOut ? `${percent(r.heldOut.accuracy)} on examples it did not train on` : 'not measured yet'}
        </dd>
        <dt>Suggests</dt>
        <dd>
          at{' '}
          {r.abstainBelow === undefined ? '—' : percent(abstainThreshold({ abstainBelow: r.abstainBelow }))}{' '}
          confidence or more
        </dd>
      </dl>
      {revision !== undefined && model.taxonomyRevision < revision ? (
        <p className="small muted" data-testid="model-stale">
          Trained on revision {model.taxonomyRevision}; the vocabulary is at {revision}. The next training
          follows the changes since.
        </p>
      ) : null}
    </>
  );
}

/** What went wrong, and what a lead can do about it. */
function failureText(f: TrainingFailure): string {
  if (f.code === 'tagger_unavailable') {
    const why = f.message.charAt(0).toUpperCase() + f.message.slice(1);
    return `${why}. Add examples to more issue types (Edit a type, then Examples), or let resolved cases with an issue type come in, then train again.`;
  }
  if (f.code === 'internal') {
    return 'It stopped on an unexpected error; the server log has the details. Try again, and tell your administrator if it happens again.';
  }
  return f.message;
}

/**
 * The last failed training, kept by the server until one succeeds: also one the job or another
 * lead started. Announced (role="alert") only when it ends the training started here.
 */
function Failure({ failure, announce }: { failure: TrainingFailure; announce: boolean }) {
  return (
    <div className="note note-error" role={announce ? 'alert' : undefined} data-testid="model-failure">
      <strong>
        {announce ? 'The training failed' : 'The last training failed'},{' '}
        <time dateTime={failure.at} title={formatDateTime(failure.at)}>
          {relative(failure.at)}
        </time>
      </strong>
      <span>
        {failureText(failure)} <code className="muted">({failure.code})</code>
      </span>
    </div>
  );
}

/**
 * The tagger that suggests a type from the conversation: its newest model, and (for leads) training
 * it now, on the server's worker, with the seconds counted until the new version is stored.
 */
export function ModelPanel({
  state,
  revision,
  canTrain,
}: {
  state: Resource<ModelState>;
  revision: number | undefined;
  canTrain: boolean;
}) {
  const [seconds, setSeconds] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [announce, setAnnounce] = useState(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const serverTraining = state.data?.training === true && seconds === null;
  const { reload } = state;
  // Training someone else started (or the job): look again until it is over.
  useEffect(() => {
    if (!serverTraining) return;
    const t = setTimeout(reload, 1500);
    return () => clearTimeout(t);
  }, [serverTraining, reload]);

  const train = async () => {
    const before = state.data?.model?.version ?? 0;
    setDone(null);
    setError(undefined);
    setAnnounce(false);
    setSeconds(0);
    const started = Date.now();
    try {
      await vocabularyApi.train();
      for (;;) {
        await wait(700);
        if (!alive.current) return;
        const now = await vocabularyApi.model();
        state.set(now);
        setSeconds(Math.round((Date.now() - started) / 1000));
        if (!now.training) {
          const v = now.model?.version ?? 0;
          if (v > before) setDone(`Version ${v} is trained: suggestions use it now.`);
          else if (now.lastFailure) setAnnounce(true);
          else setDone('Training ended without a new model; try again later.');
          break;
        }
      }
    } catch (err) {
      setError(err);
    } finally {
      if (alive.current) setSeconds(null);
    }
  };

  const model = state.data?.model;
  const training = seconds !== null || serverTraining;
  return (
    <div className="stack-tight" data-testid="model-panel">
      {state.error ? <ErrorNote error={state.error} title="The tagger's state could not be read" /> : null}
      {!state.data && !state.error ? <Loading label="Reading the tagger" /> : null}
      {state.data && !model ? (
        <p className="muted">No model yet: the first suggestion (or the next scheduled run) trains one.</p>
      ) : null}
      {model ? <Facts model={model} revision={revision} /> : null}
      {state.data?.lastFailure && !training ? (
        <Failure failure={state.data.lastFailure} announce={announce} />
      ) : null}
      {training ? (
        <p className="vocab-training" role="status" data-testid="model-training">
          <span className="spinner" aria-hidden="true" /> Training…
          {seconds ? ` ${seconds} s` : ''}
        </p>
      ) : null}
      {done ? (
        <div className="note note-good" role="status" data-testid="model-trained">
          {done}
        </div>
      ) : null}
      {error ? <ErrorNote error={error} title="Training did not start" /> : null}
      {canTrain ? (
        <div className="form-actions">
          <button type="button" className="button small" disabled={training} onClick={() => void train()}>
            {training ? 'Training…' : 'Train now'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
