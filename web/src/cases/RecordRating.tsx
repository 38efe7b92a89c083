import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { fieldMessage } from '../app/InputField.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { type RatingChoice, type SatisfactionRating, satisfactionApi } from './satisfaction-api.ts';
import './satisfaction.css';

type Field = 'rating' | 'comment' | 'at';
const MAX_COMMENT = 2000;
const stars: RatingChoice[] = ['1', '2', '3', '4', '5'];
const verdicts: { value: RatingChoice; label: string }[] = [
  { value: 'good', label: 'Good' },
  { value: 'bad', label: 'Bad' },
];

/** The field the API found at fault, in words that say what to do rather than the schema's. */
function fieldError(error: unknown, comment: string): { field: Field; message: string } | undefined {
  if (!(error instanceof ApiError) || !['rating', 'comment', 'at'].includes(error.field ?? ''))
    return undefined;
  const field = error.field as Field;
  if (error.code === 'rating_in_future')
    return {
      field,
      message: 'That is still to come: give when the customer rated, or leave it empty for now.',
    };
  if (error.code !== 'validation_failed') return { field, message: fieldMessage(error.message) };
  if (field === 'rating')
    return { field, message: "Choose the customer's rating: 1 to 5 stars, or good or bad." };
  if (field === 'at')
    return { field, message: 'Give the day and time the customer rated, or leave it empty for now.' };
  return {
    field,
    message: `Keep the comment to ${MAX_COMMENT.toLocaleString()} characters; it has ${comment.trim().length.toLocaleString()}.`,
  };
}

/**
 * "Record rating": a satisfaction rating the customer gave on a call or in a chat, entered by whoever
 * works the case. Ratings from helpdesk surveys arrive by the API instead.
 */
export function RecordRating({
  caseId,
  onRecorded,
}: {
  caseId: string;
  onRecorded: (r: SatisfactionRating) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Record rating
      </button>
      <Dialog title="Record the customer's rating" open={open} onClose={() => setOpen(false)}>
        <RatingForm
          caseId={caseId}
          onCancel={() => setOpen(false)}
          onRecorded={(r) => {
            setOpen(false);
            onRecorded(r);
          }}
        />
      </Dialog>
    </>
  );
}

function RatingForm({
  caseId,
  onCancel,
  onRecorded,
}: {
  caseId: string;
  onCancel: () => void;
  onRecorded: (r: SatisfactionRating) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [rating, setRating] = useState<RatingChoice | null>(null);
  const [comment, setComment] = useState('');
  // A rating given on last week's call is dated then, not when it is typed in (datetime-local, the browser's zone).
  const [when, setWhen] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const at = fieldError(error, comment);
  const errorOf = (f: Field) => (at?.field === f ? at.message : undefined);

  // Opened to be filled in: the rating comes first. The dialog is open by the time effects run.
  useEffect(() => form.current?.querySelector<HTMLElement>('[data-focus="rating"]')?.focus(), []);
  // After a refusal, a keyboard or screen-reader user lands on what to fix (the chosen star, if any).
  useEffect(() => {
    const field = error instanceof ApiError ? error.field : undefined;
    const el =
      field === 'rating'
        ? (form.current?.querySelector<HTMLElement>('input[name="csat-rating"]:checked') ??
          form.current?.querySelector<HTMLElement>('[data-focus="rating"]'))
        : field === 'comment' || field === 'at'
          ? form.current?.querySelector<HTMLElement>(`#csat-${field}`)
          : undefined;
    el?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const given = when ? new Date(when) : null;
      onRecorded(
        await satisfactionApi.record(
          caseId,
          rating,
          comment,
          given && !Number.isNaN(given.getTime()) ? given.toISOString() : when || undefined,
        ),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const choice = (value: RatingChoice, content: ReactNode, first = false) => (
    <label key={value} className={rating === value ? 'on' : ''}>
      <input
        type="radio"
        name="csat-rating"
        value={value}
        checked={rating === value}
        data-focus={first ? 'rating' : undefined}
        aria-invalid={errorOf('rating') ? true : undefined}
        onChange={() => setRating(value)}
      />
      {content}
    </label>
  );
  const ratingDescribed = ['csat-rating-hint', errorOf('rating') ? 'csat-rating-error' : '']
    .filter(Boolean)
    .join(' ');
  const commentDescribed = ['csat-comment-hint', errorOf('comment') ? 'csat-comment-error' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <form ref={form} className="form csat-form" onSubmit={submit} noValidate data-testid="csat-form">
      <fieldset
        className={`fieldset${errorOf('rating') ? ' field-invalid' : ''}`}
        aria-describedby={ratingDescribed}
      >
        <legend>Rating</legend>
        <div className="csat-choices">
          <div className="segmented">
            {stars.map((n, i) =>
              choice(
                n,
                <>
                  <span aria-hidden="true">{n} ★</span>
                  <span className="visually-hidden">{n === '1' ? '1 star' : `${n} stars`}</span>
                </>,
                i === 0,
              ),
            )}
          </div>
          <span className="muted small" aria-hidden="true">
            or
          </span>
          <div className="segmented">{verdicts.map((v) => choice(v.value, v.label))}</div>
        </div>
        <span className="hint" id="csat-rating-hint">
          As the customer said it. 4 or 5 stars, or good, count as satisfied.
        </span>
        {errorOf('rating') ? (
          <span className="field-error" id="csat-rating-error">
            {errorOf('rating')}
          </span>
        ) : null}
      </fieldset>
      <div className={`field${errorOf('comment') ? ' field-invalid' : ''}`}>
        <label htmlFor="csat-comment">
          Comment <span className="opt">optional</span>
        </label>
        <textarea
          id="csat-comment"
          rows={3}
          value={comment}
          aria-invalid={errorOf('comment') ? true : undefined}
          aria-describedby={commentDescribed}
          onChange={(e) => setComment(e.target.value)}
        />
        <span className="hint" id="csat-comment-hint">
          The customer's own words, up to {MAX_COMMENT.toLocaleString()} characters. Erased with their
          personal data.
        </span>
        {errorOf('comment') ? (
          <span className="field-error" id="csat-comment-error">
            {errorOf('comment')}
          </span>
        ) : null}
      </div>
      <div className={`field${errorOf('at') ? ' field-invalid' : ''}`}>
        <label htmlFor="csat-at">
          When <span className="opt">optional</span>
        </label>
        <input
          id="csat-at"
          type="datetime-local"
          value={when}
          aria-invalid={errorOf('at') ? true : undefined}
          aria-describedby={['csat-at-hint', errorOf('at') ? 'csat-at-error' : ''].filter(Boolean).join(' ')}
          onChange={(e) => setWhen(e.target.value)}
        />
        <span className="hint" id="csat-at-hint">
          When the customer gave the rating, in your time; left empty, now. It is counted for the handoff that
          held the case then.
        </span>
        {errorOf('at') ? (
          <span className="field-error" id="csat-at-error">
            {errorOf('at')}
          </span>
        ) : null}
      </div>
      {error && !at ? <ErrorNote error={error} title="The rating was not recorded" /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record rating'}
        </button>
      </div>
    </form>
  );
}
