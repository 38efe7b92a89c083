import { type FormEvent, useEffect, useId, useState } from 'react';
import {
  longTenureMonths,
  loweringReasons,
  newCustomerMonths,
  type RiskCaps,
  type RiskReasonId,
  type RiskWeights,
  riskReasonIds,
  riskWeights,
  weightsWith,
} from '../../../src/continuity/risk.ts';
import { humanize } from '../app/format.ts';
import { Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { continuityApi, errorLines, faultyFields, type RiskSettings } from './continuity-api.ts';

const labels: Record<string, string> = {
  pageThreshold: 'Page threshold',
  highValueMinAnnual: 'High value from',
  highValueTiers: 'High-value tiers',
};
const fieldLabel = (field: string) => {
  const [name, reason] = field.split('.');
  if (name === 'caps' && reason) return `At most, ${humanize(reason)}`;
  return labels[name!] ?? field;
};

type Draft = { threshold: string; minAnnual: string; tiers: string; caps: Record<RiskReasonId, string> };
const toDraft = (r: RiskSettings): Draft => {
  const w = weightsWith(r.caps);
  return {
    threshold: String(r.pageThreshold),
    minAnnual: r.highValueMinAnnual === null ? '' : String(r.highValueMinAnnual),
    tiers: r.highValueTiers.join(', '),
    caps: Object.fromEntries(riskReasonIds.map((id) => [id, String(w[id].max)])) as Record<
      RiskReasonId,
      string
    >,
  };
};

/** The caps as the API takes them: the model's own cap goes back as null (not tuned). */
function capsOf(d: Draft): Record<RiskReasonId, number | null> {
  return Object.fromEntries(
    riskReasonIds.map((id) => {
      const n = numberOrNull(d.caps[id]);
      return [id, n === riskWeights[id].max ? null : n];
    }),
  ) as Record<RiskReasonId, number | null>;
}

/** The weights the draft's caps give, for the points column (a cap not yet a number keeps the model's). */
function draftWeights(d: Draft): RiskWeights {
  const caps: RiskCaps = {};
  for (const id of riskReasonIds) {
    const n = numberOrNull(d.caps[id]);
    if (n !== null && Number.isFinite(n)) caps[id] = n;
  }
  return weightsWith(caps);
}

/** A number field's text as the API reads it: blank is null, anything else a number (or NaN, refused there). */
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** Points of one reason as a person reads them, under the weights given. */
function points(id: RiskReasonId, weights: RiskWeights): string {
  const w = weights[id];
  if (w.max === 0) return 'off';
  if (id === 'waiting') return `1 per ${(1 / w.each).toFixed(1)} h waited, from 4 h`;
  if (id === 'high_value') return `${Math.round(w.each * 100)} % of the other points`;
  if (id === 'negative_sentiment') return `${w.each} × how negative the last 3 messages read`;
  if (id === 'new_customer') return `${w.each} under ${newCustomerMonths} months`;
  if (id === 'long_tenure') return `${w.each} from ${longTenureMonths} months`;
  if (id === 'many_handoffs') return `${w.each} per handoff past 2`;
  const each = Math.round(w.each * 10) / 10;
  if (w.each === w.max) return `${each}`;
  return `${each} each`;
}

/**
 * What makes a customer high value, the risk score that pages the supervisors, and how many points
 * each reason of the model may add at most; a lead edits them, everyone else reads them.
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
  const faultyPaths = faultyFields(error);
  const faulty = new Set([...faultyPaths].map((x) => x.split('.')[0]!));

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
        caps: capsOf(d),
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
  const weights = draftWeights(d);
  const invalid = (field: string) => (faulty.has(field) ? { 'aria-invalid': true as const } : {});
  const describe = (hint: string, field: string) =>
    [f(hint), faulty.has(field) ? f('error') : ''].filter(Boolean).join(' ');
  return (
    <div className="grid-2">
      <form className="form" id={f('form')} onSubmit={save} aria-label="High-value pages" noValidate>
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
          <caption>How the churn-risk score adds up</caption>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Points</th>
              <th scope="col">At most</th>
            </tr>
          </thead>
          <tbody>
            {riskReasonIds.map((id) => {
              const lowering = loweringReasons.has(id);
              const bad = faultyPaths.has(`caps.${id}`);
              return (
                <tr key={id}>
                  <td>{humanize(id)}</td>
                  <td>{points(id, weights)}</td>
                  <td className="nowrap">
                    {canEdit ? (
                      <input
                        form={f('form')}
                        className="input-narrow"
                        type="number"
                        inputMode="numeric"
                        step={1}
                        min={lowering ? -100 : 0}
                        max={lowering ? 0 : 100}
                        value={d.caps[id]}
                        disabled={busy}
                        aria-label={`At most, ${humanize(id)}`}
                        aria-describedby={bad ? f('error') : f('caps-hint')}
                        onChange={(e) => setD({ ...d, caps: { ...d.caps, [id]: e.target.value } })}
                        {...(bad ? { 'aria-invalid': true as const } : {})}
                      />
                    ) : (
                      weights[id].max
                    )}
                    {weights[id].max !== riskWeights[id].max ? (
                      <span className="muted"> (model: {riskWeights[id].max})</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="hint" id={f('caps-hint')}>
          Whole points, 0 to 100 (long tenure takes off: 0 to −100). A reason's points scale with its cap; 0
          turns it off; an empty cap puts the model's back.
        </p>
      </div>
    </div>
  );
}
