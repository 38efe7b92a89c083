import { type FormEvent, useMemo, useRef, useState } from 'react';
import { ApiError, randomKey } from '../api/client.ts';
import { Badge, ErrorNote } from '../app/ui.tsx';
import { type Criterion, qaApi, type Review, type ScorecardView } from './qa.api.ts';
import {
  appliesTo,
  emptyDraft,
  previewTotal,
  type ReviewDraft,
  reviewBody,
  scalePoints,
} from './review-draft.ts';

const pointLabel = (v: number | boolean) => (v === true ? 'Pass' : v === false ? 'Fail' : String(v));

function CriterionField({
  c,
  value,
  note,
  invalid,
  onValue,
  onNote,
}: {
  c: Criterion;
  value: number | boolean | undefined;
  note: string;
  invalid: string | undefined;
  onValue: (v: number | boolean) => void;
  onNote: (text: string) => void;
}) {
  const base = `crit-${c.id}`;
  const scale = c.scale === 'pass_fail' ? 'pass or fail' : `${c.scale.min} (worst) to ${c.scale.max} (best)`;
  return (
    <fieldset
      className={`field qa-criterion${invalid ? ' field-invalid' : ''}`}
      aria-describedby={`${base}-hint${invalid ? ` ${base}-error` : ''}`}
      data-testid={`criterion-${c.id}`}
    >
      <legend>
        {c.label} {c.critical ? <Badge tone="bad">Critical</Badge> : null}
      </legend>
      <p className="small muted" id={`${base}-hint`}>
        {c.description ? `${c.description} ` : ''}Scored {scale}
        {c.weight !== 1 ? `, weight ${c.weight}` : ''}
        {c.critical ? '; a fail zeroes the review' : ''}.
      </p>
      <div className="segmented">
        {scalePoints(c).map((v) => (
          <label key={String(v)} className={value === v ? 'on' : ''}>
            <input
              type="radio"
              name={base}
              value={String(v)}
              checked={value === v}
              onChange={() => onValue(v)}
              aria-invalid={invalid ? true : undefined}
            />
            {pointLabel(v)}
          </label>
        ))}
      </div>
      <label className="visually-hidden" htmlFor={`${base}-note`}>
        Note on {c.label}
      </label>
      <input
        id={`${base}-note`}
        className="qa-note"
        placeholder="Note (optional)"
        value={note}
        onChange={(e) => onNote(e.target.value)}
      />
      {invalid ? (
        <span className="field-error" id={`${base}-error`}>
          {invalid}
        </span>
      ) : null}
    </fieldset>
  );
}

/**
 * Scoring one handoff on a scorecard: each applicable criterion on its scale, critical fails,
 * notes and a comment; the total previewed as the server will compute it.
 */
export function ScoreForm({
  card,
  handoffId,
  scenario,
  onSubmitted,
}: {
  card: ScorecardView;
  handoffId: string;
  scenario: string;
  onSubmitted: (r: Review) => void;
}) {
  const [draft, setDraft] = useState<ReviewDraft>(emptyDraft);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  // One key per form: a retried submit after a dropped answer is not a second review.
  const key = useRef(randomKey());
  const applicable = card.criteria.filter((c) => appliesTo(c, scenario));
  const skipped = card.criteria.filter((c) => !appliesTo(c, scenario));
  const preview = useMemo(() => previewTotal(card, scenario, draft), [card, scenario, draft]);
  const serverIssues = new Map(
    error instanceof ApiError && Array.isArray(error.details.issues)
      ? (error.details.issues as { criterion: string | null; message: string }[])
          .filter((i) => i.criterion)
          .map((i) => [i.criterion!, i.message])
      : [],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (preview.missing.length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      onSubmitted(await qaApi.submitReview(reviewBody(card, handoffId, scenario, draft), key.current));
    } catch (err) {
      setError(err);
      key.current = randomKey();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form qa-score-form" onSubmit={submit} noValidate aria-label={`Score on ${card.name}`}>
      {applicable.map((c) => (
        <CriterionField
          key={c.id}
          c={c}
          value={draft.values[c.id]}
          note={draft.notes[c.id] ?? ''}
          invalid={
            serverIssues.get(c.id) ??
            (tried && draft.values[c.id] === undefined ? 'Choose a score.' : undefined)
          }
          onValue={(v) => setDraft((d) => ({ ...d, values: { ...d.values, [c.id]: v } }))}
          onNote={(t) => setDraft((d) => ({ ...d, notes: { ...d.notes, [c.id]: t } }))}
        />
      ))}
      {skipped.length > 0 ? (
        <p className="small muted" data-testid="criteria-not-applicable">
          Not scored for this scenario: {skipped.map((c) => c.label).join(', ')}.
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="review-comment">Comment for the agent and the team</label>
        <textarea
          id="review-comment"
          rows={3}
          value={draft.comment}
          onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))}
        />
      </div>
      <div className="qa-total" aria-live="polite" data-testid="review-preview">
        {preview.criticalFail.length > 0 ? (
          <strong className="qa-total-bad">Critical fail: the review scores 0</strong>
        ) : preview.total !== null ? (
          <strong>Total {preview.total} / 100</strong>
        ) : (
          <span className="muted">
            {preview.missing.length} of {applicable.length} criteria still to score
          </span>
        )}
      </div>
      {tried && preview.missing.length > 0 ? (
        <p className="field-error" role="alert">
          Score every criterion before submitting.
        </p>
      ) : null}
      <ErrorNote error={error} title="The review was not recorded" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Submitting…' : 'Submit review'}
        </button>
      </div>
    </form>
  );
}
