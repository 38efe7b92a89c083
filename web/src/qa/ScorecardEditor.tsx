import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useSession } from '../app/session.tsx';
import { ErrorNote } from '../app/ui.tsx';
import { qaApi, type ScorecardView } from './qa.api.ts';
import {
  type CriterionDraft,
  draftOf,
  emptyScorecard,
  fieldAt,
  idFromLabel,
  newCriterion,
  type ScorecardDraft,
  scorecardOf,
} from './scorecard-draft.ts';

function CriterionEditor({
  c,
  n,
  isNew,
  error,
  onChange,
  onRemove,
}: {
  c: CriterionDraft;
  n: number;
  isNew: boolean;
  error: string | undefined;
  onChange: (c: CriterionDraft) => void;
  onRemove: (() => void) | undefined;
}) {
  const s = useSession();
  const base = `${useId()}-crit`;
  const set = (patch: Partial<CriterionDraft>) => onChange({ ...c, ...patch });
  return (
    <fieldset className={`qa-crit-edit${error ? ' field-invalid' : ''}`} data-testid={`edit-criterion-${n}`}>
      <legend>Criterion {n}</legend>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${base}-label`}>Label</label>
          <input
            id={`${base}-label`}
            value={c.label}
            onChange={(e) =>
              // A new criterion's id follows its label until the lead edits the id.
              set(
                isNew
                  ? { label: e.target.value, id: idFromLabel(e.target.value) }
                  : { label: e.target.value },
              )
            }
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-id`}>Id (stable across versions)</label>
          <input id={`${base}-id`} value={c.id} onChange={(e) => set({ id: e.target.value })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${base}-desc`}>Guidance for reviewers</label>
        <input
          id={`${base}-desc`}
          value={c.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </div>
      <div className="qa-crit-row">
        <div className="field">
          <label htmlFor={`${base}-kind`}>Scale</label>
          <select
            id={`${base}-kind`}
            value={c.kind}
            onChange={(e) => set({ kind: e.target.value as CriterionDraft['kind'], critical: false })}
          >
            <option value="scale">Points</option>
            <option value="pass_fail">Pass / fail</option>
          </select>
        </div>
        {c.kind === 'scale' ? (
          <>
            <div className="field">
              <label htmlFor={`${base}-min`}>From</label>
              <input
                id={`${base}-min`}
                type="number"
                step={1}
                value={c.min}
                onChange={(e) => set({ min: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${base}-max`}>To</label>
              <input
                id={`${base}-max`}
                type="number"
                step={1}
                value={c.max}
                onChange={(e) => set({ max: e.target.value })}
              />
            </div>
          </>
        ) : (
          <div className="field qa-critical">
            <label>
              <input
                type="checkbox"
                checked={c.critical}
                onChange={(e) => set({ critical: e.target.checked })}
              />{' '}
              Critical (a fail zeroes the review)
            </label>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${base}-weight`}>Weight</label>
          <input
            id={`${base}-weight`}
            type="number"
            min={0.1}
            step={0.5}
            value={c.weight}
            onChange={(e) => set({ weight: e.target.value })}
          />
        </div>
      </div>
      <fieldset className="fieldset">
        <legend className="small">Only for these scenarios (none checked: every scenario)</legend>
        <div className="qa-scenarios">
          {s.scenarios.map((x) => (
            <label key={x.id} className="small">
              <input
                type="checkbox"
                checked={c.scenarios.includes(x.id)}
                onChange={(e) =>
                  set({
                    scenarios: e.target.checked
                      ? [...c.scenarios, x.id]
                      : c.scenarios.filter((id) => id !== x.id),
                  })
                }
              />{' '}
              {x.name}
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {onRemove ? (
        <button type="button" className="button ghost small" onClick={onRemove}>
          Remove criterion {n}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Creates a scorecard, or saves the next version of one (reviews keep the version they scored). */
export function ScorecardEditor({
  card,
  onDone,
}: {
  card: ScorecardView | undefined;
  onDone: (saved: ScorecardView | null) => void;
}) {
  const [d, setD] = useState<ScorecardDraft>(() => (card ? draftOf(card) : emptyScorecard()));
  const [existing] = useState(() => new Set(card?.criteria.map((c) => c.id) ?? []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const base = useId();
  const at = error instanceof ApiError ? fieldAt(error.field) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = scorecardOf(d);
      onDone(card ? await qaApi.saveScorecard(card.id, body) : await qaApi.createScorecard(body));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const setCriterion = (i: number, c: CriterionDraft) =>
    setD((x) => ({ ...x, criteria: x.criteria.map((y, j) => (j === i ? c : y)) }));

  return (
    <form
      className="form qa-editor"
      onSubmit={submit}
      noValidate
      aria-label={card ? `Edit ${card.name}` : 'New scorecard'}
    >
      <div className="field">
        <label htmlFor={`${base}-name`}>Scorecard name</label>
        <input id={`${base}-name`} value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${base}-desc`}>Description</label>
        <input
          id={`${base}-desc`}
          value={d.description}
          onChange={(e) => setD({ ...d, description: e.target.value })}
        />
      </div>
      {d.criteria.map((c, i) => (
        <CriterionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: a criterion's id is edited in place; its position is its identity here
          key={i}
          c={c}
          n={i + 1}
          isNew={!existing.has(c.id) || c.label === ''}
          error={at?.index === i ? (error as Error).message : undefined}
          onChange={(next) => setCriterion(i, next)}
          onRemove={
            d.criteria.length > 1
              ? () => setD((x) => ({ ...x, criteria: x.criteria.filter((_, j) => j !== i) }))
              : undefined
          }
        />
      ))}
      <div>
        <button
          type="button"
          className="button small"
          onClick={() =>
            setD((x) => ({ ...x, criteria: [...x.criteria, newCriterion(x.criteria.length + 1)] }))
          }
        >
          Add a criterion
        </button>
      </div>
      {at ? null : <ErrorNote error={error} title="The scorecard was not saved" />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : card ? `Save version ${card.version + 1}` : 'Create scorecard'}
        </button>
        <button type="button" className="button ghost" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
