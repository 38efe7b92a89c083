import { type FormEvent, useState } from 'react';
import { retentionDays } from '../../../src/customers/retention.ts';
import { counted } from '../app/format.ts';
import { ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { continuityApi } from './continuity-api.ts';

/** Common schedules, in the words people use for them. */
const presets = [
  { days: 365, label: '1 year' },
  { days: 730, label: '2 years' },
  { days: 1095, label: '3 years' },
];

const inWords = (days: number) => presets.find((p) => p.days === days)?.label ?? `${days} days`;

/**
 * The customer data retention schedule (admins edit, leads read): after how many days without
 * contact a customer's personal data is erased, with how many customers that would erase at the
 * next hourly pass, asked again before saving a schedule that erases anyone.
 */
export function RetentionForm({ canEdit }: { canEdit: boolean }) {
  const saved = useResource('retention', (signal) => continuityApi.retention(undefined, signal));
  const [draft, setDraft] = useState<string | null>(null);
  const days = draft === null ? (saved.data?.eraseAfterDays ?? null) : draft === '' ? null : Number(draft);
  const valid =
    days === null || (Number.isInteger(days) && days >= retentionDays.min && days <= retentionDays.max);
  const changed = draft !== null && days !== (saved.data?.eraseAfterDays ?? null);
  const preview = useResource(
    changed && valid && days !== null ? `retention-preview-${days}` : null,
    (signal) => continuityApi.retention(days ?? undefined, signal),
  );
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);

  if (!saved.data) return saved.error ? <ErrorNote error={saved.error} /> : <Loading />;
  const current = saved.data;
  const wouldErase = changed && days !== null ? preview.data?.preview?.dueNow : undefined;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid || !changed || busy) return;
    if (wouldErase && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const answer = await continuityApi.saveRetention({ eraseAfterDays: days });
      saved.set(answer);
      setDraft(null);
      setConfirming(false);
      setDone(
        answer.eraseAfterDays === null
          ? 'Saved: customer data is kept until an admin erases it.'
          : `Saved: erased after ${inWords(answer.eraseAfterDays)} without contact.`,
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="retention-form">
      <p className="muted">
        A customer whose cases are all resolved and who has not been in touch for this long has their personal
        data erased, as an admin can from the customer's page: names, messages, notes and packets become
        "Erased"; cases, handoffs and their timing stay for reporting. Checked every hour.
      </p>
      <p data-testid="retention-now">
        {current.eraseAfterDays === null ? (
          <>Now: kept until an admin erases it.</>
        ) : (
          <>
            Now: erased after <strong>{inWords(current.eraseAfterDays)}</strong> without contact
            {current.dueNow > 0 ? ` (${counted(current.dueNow, 'customer')} due at the next pass)` : ''}.
          </>
        )}
      </p>
      {canEdit ? (
        <>
          <fieldset className="field">
            <legend>Erase personal data</legend>
            <label className="radio">
              <input
                type="radio"
                name="retention"
                checked={days === null}
                onChange={() => {
                  setDraft('');
                  setConfirming(false);
                  setDone(null);
                }}
              />{' '}
              Never (an admin erases on request)
            </label>
            {presets.map((p) => (
              <label className="radio" key={p.days}>
                <input
                  type="radio"
                  name="retention"
                  checked={days === p.days}
                  onChange={() => {
                    setDraft(String(p.days));
                    setConfirming(false);
                    setDone(null);
                  }}
                />{' '}
                After {p.label} without contact
              </label>
            ))}
            <label className="radio" htmlFor="retention-days">
              After{' '}
              <input
                id="retention-days"
                type="number"
                inputMode="numeric"
                min={retentionDays.min}
                max={retentionDays.max}
                className="input-narrow"
                value={draft ?? (current.eraseAfterDays === null ? '' : String(current.eraseAfterDays))}
                aria-invalid={valid ? undefined : true}
                aria-describedby="retention-days-hint"
                onChange={(e) => {
                  setDraft(e.target.value);
                  setConfirming(false);
                  setDone(null);
                }}
              />{' '}
              days without contact
            </label>
            <p className={valid ? 'small muted' : 'field-error'} id="retention-days-hint">
              From {retentionDays.min} to {retentionDays.max} days; empty for never.
            </p>
          </fieldset>
          {wouldErase !== undefined ? (
            <p className={wouldErase > 0 ? 'note note-warn' : 'small muted'} data-testid="retention-preview">
              {wouldErase > 0
                ? `${counted(wouldErase, 'customer')} would have their personal data erased within the hour. This cannot be undone.`
                : 'No customer would be erased now.'}
            </p>
          ) : null}
          <ErrorNote error={error} title="The schedule was not saved" />
          {done ? (
            <p className="note note-good" role="status">
              {done}
            </p>
          ) : null}
          <div className="form-actions">
            <button
              type="submit"
              className={confirming ? 'button danger' : 'button primary'}
              disabled={!changed || !valid || busy}
            >
              {busy
                ? 'Saving…'
                : confirming
                  ? `Erase ${counted(wouldErase ?? 0, 'customer')} and save`
                  : 'Save schedule'}
            </button>
            {confirming ? (
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <p className="small muted">Only an admin changes the schedule.</p>
      )}
    </form>
  );
}
