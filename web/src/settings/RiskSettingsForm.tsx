import { type FormEvent, useEffect, useId, useState } from 'react';
import { longTenureMonths, newCustomerMonths, riskWeights } from '../../../src/continuity/risk.ts';
import { humanize } from '../app/format.ts';
import { Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { continuityApi, errorLines, faultyFields, type RiskSettings } from './continuity-api.ts';

const labels: Record<string, string> = {
  pageThreshold: 'Page threshold',
  highValueMinAnnual: 'High value from',
  highValueTiers: 'High-value tiers',
};
const fieldLabel = (field: string) => labels[field.split('.')[0]!] ?? field;

type Draft = { threshold: string; minAnnual: string; tiers: string };
const toDraft = (r: RiskSettings): Draft => ({
  threshold: String(r.pageThreshold),
  minAnnual: r.highValueMinAnnual === null ? '' : String(r.highValueMinAnnual),
  tiers: r.highValueTiers.join(', '),
});

/** A number field's text as the API reads it: blank is null, anything else a number (or NaN, refused there). */
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** Points of one reason as a person reads them, from the model's own weights. */
function points(id: keyof typeof riskWeights): string {
  const w = riskWeights[id];
  if (id === 'waiting') return `1 per ${(1 / w.each).toFixed(1)} h waited, from 4 h`;
  if (id === 'high_value') return `${Math.round(w.each * 100)} % of the other points`;
  if (id === 'negative_sentiment') return `${w.each} × how negative the last 3 messages read`;
  if (id === 'new_customer') return `${w.each} under ${newCustomerMonths} months`;
  if (id === 'long_tenure') return `${w.each} from ${longTenureMonths} months`;
  if (id === 'many_handoffs') return `${w.each} per handoff past 2`;
  if (w.each === w.max) return `${w.each}`;
  return `${w.each} each`;
}

/**
 * What makes a customer high value and the risk score that pages the supervisors. The weights of
 * each reason are the model's (read only here); a lead sets the threshold and "high value".
 */
export function RiskSettingsForm({ canEdit }: { canEdit: boolean }) {
  const current = useResource('continuity:risk-settings', (signal) => continuityApi.riskSettings(signal));
  const [d, setD] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const base = useId();
  const f = (name: string) => `${base}-${name}`;
  useEffect(() => {
    if (current.data) setD(toDraft(current.data));
  }, [current.data]);
  const faulty = new Set([...faultyFields(error)].map((x) => x.split('.')[0]!));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!d) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const answer = await continuityApi.saveRiskSettings({
        pageThreshold: numberOrNull(d.threshold) as number,
        highValueMinAnnual: numberOrNull(d.minAnnual),
        highValueTiers: d.tiers
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      });
      current.set(answer);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (current.error && !current.data)
    return (
      <div className="note note-error" role="alert">
        <strong>The risk settings could not be loaded</strong>
        <span>{current.error.message}</span>
      </div>
    );
  if (!d) return <Loading label="Loading the risk settings" />;
  const invalid = (field: string) => (faulty.has(field) ? { 'aria-invalid': true as const } : {});
  const describe = (hint: string, field: string) =>
    [f(hint), faulty.has(field) ? f('error') : ''].filter(Boolean).join(' ');
  return (
    <div className="grid-2">
      <form className="form" onSubmit={save} aria-label="High-value pages" noValidate>
        <fieldset className="fieldset" disabled={!canEdit || busy}>
          <legend className="visually-hidden">High-value pages</legend>
          <div className={`field${faulty.has('pageThreshold') ? ' field-invalid' : ''}`}>
            <label htmlFor={f('threshold')}>Page supervisors at a risk score of</label>
            <input
              id={f('threshold')}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              value={d.threshold}
              onChange={(e) => setD({ ...d, threshold: e.target.value })}
              aria-describedby={describe('threshold-hint', 'pageThreshold')}
              {...invalid('pageThreshold')}
            />
            <span className="hint" id={f('threshold-hint')}>
              1 to 100. A high-value customer's risk reaching it pages every supervisor, once per crossing.
            </span>
          </div>
          <div className={`field${faulty.has('highValueMinAnnual') ? ' field-invalid' : ''}`}>
            <label htmlFor={f('min-annual')}>High value from (annual value)</label>
            <input
              id={f('min-annual')}
              type="number"
              inputMode="decimal"
              min={0}
              value={d.minAnnual}
              onChange={(e) => setD({ ...d, minAnnual: e.target.value })}
              aria-describedby={describe('min-annual-hint', 'highValueMinAnnual')}
              {...invalid('highValueMinAnnual')}
            />
            <span className="hint" id={f('min-annual-hint')}>
              Customers worth at least this much a year. Leave empty: value alone never makes one.
            </span>
          </div>
          <div className={`field${faulty.has('highValueTiers') ? ' field-invalid' : ''}`}>
            <label htmlFor={f('tiers')}>High-value tiers</label>
            <input
              id={f('tiers')}
              value={d.tiers}
              placeholder="enterprise, gold"
              onChange={(e) => setD({ ...d, tiers: e.target.value })}
              aria-describedby={describe('tiers-hint', 'highValueTiers')}
              {...invalid('highValueTiers')}
            />
            <span className="hint" id={f('tiers-hint')}>
              Comma-separated; a customer on one of these tiers is high value whatever their amount.
            </span>
          </div>
        </fieldset>
        {error ? (
          <div className="note note-error" role="alert" id={f('error')}>
            <strong>The risk settings were not saved</strong>
            {errorLines(error, fieldLabel).map((line) => (
              <span key={line}>{line}</span>
            ))}
          </div>
        ) : null}
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save risk settings'}
            </button>
            <span role="status" className="muted">
              {saved ? 'Saved: the next risk computed uses them.' : ''}
            </span>
          </div>
        ) : null}
      </form>
      <div className="table-wrap">
        <table className="table compact" data-testid="risk-weights">
          <caption>How the churn-risk score adds up (fixed in this version of Baton)</caption>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Points</th>
              <th scope="col">At most</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(riskWeights) as (keyof typeof riskWeights)[]).map((id) => (
              <tr key={id}>
                <td>{humanize(id)}</td>
                <td>{points(id)}</td>
                <td>{riskWeights[id].max}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
