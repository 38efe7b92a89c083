import { useState } from 'react';
import { counted } from '../app/format.ts';
import { Badge, ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { analyticsApi, type Comparison, type Filters } from './analytics.api.ts';
import { duration, percent } from './figures.ts';

const LABELS: Record<string, string> = {
  repeatContact: 'Repeat contact',
  escalation: 'Escalation',
  contextComplete: 'Context complete at first send',
  bounce: 'Bounced',
  pingPong: 'Ping-pong',
  lostEscalations: 'Lost escalations',
  reExplanation: 'Customer explained again',
  documentReRequests: 'Cases with a document asked for again',
  complaints: 'Complaints',
  slaAttainment: 'SLA attainment',
  'resolutionTime.calendar': 'Resolution time (median)',
  'resolutionTime.business': 'Resolution time, business (median)',
  'pickup.calendar': 'Time to pick up (median)',
  'pickup.business': 'Time to pick up, business (median)',
  quality: 'Average handoff quality',
  satisfaction: 'CSAT',
};

const TONE = {
  improved: 'good',
  worsened: 'bad',
  'no clear change': 'neutral',
  'not enough data': 'neutral',
} as const;

const points = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pts`;
const signed = (ms: number) => `${ms < 0 ? '−' : '+'}${duration(Math.abs(ms))}`;
const pValue = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));

function Verdict({ verdict }: { verdict: keyof typeof TONE }) {
  return <Badge tone={TONE[verdict]}>{verdict}</Badge>;
}

/** Rows of the comparison: the rates in rate points, the times as durations, quality in points. */
function rowsOf(c: Comparison) {
  const rates = c.rates.map((r) => ({
    figure: r.figure,
    before: percent(r.before.rate),
    after: percent(r.after.rate),
    change: r.change === null ? '—' : points(r.change),
    ci: r.ci95 ? `${points(r.ci95[0])} to ${points(r.ci95[1])}` : '—',
    pValue: r.pValue,
    verdict: r.verdict,
  }));
  const times = c.times.map((t) => {
    const isTime = t.figure !== 'quality';
    const show = (v: number | null) => (v === null ? '—' : isTime ? duration(v) : v.toFixed(1));
    const change = (v: number) => (isTime ? signed(v) : `${v > 0 ? '+' : ''}${v.toFixed(1)}`);
    return {
      figure: t.figure,
      before: show(t.before.value),
      after: show(t.after.value),
      change: t.change === null ? '—' : change(t.change),
      ci: t.ci95 ? `${change(t.ci95[0])} to ${change(t.ci95[1])}` : '—',
      pValue: t.pValue,
      verdict: t.verdict,
    };
  });
  return [...rates, ...times];
}

/** A period as the form edits it: its first and last day. */
type Span = { from: string; to: string };
const spanOf = (period: string): Span => {
  const [from = '', to = ''] = period.split('/');
  return { from, to };
};

/** Two periods side by side: each figure's change, its 95 % interval, p-value and verdict. */
export function ComparePanel({
  filters,
  defaults,
}: {
  filters: Filters;
  defaults: { before: string; after: string };
}) {
  const [before, setBefore] = useState(() => spanOf(defaults.before));
  const [after, setAfter] = useState(() => spanOf(defaults.after));
  const [asked, setAsked] = useState(defaults);
  const key = `analytics:compare:${asked.before}:${asked.after}:${JSON.stringify(filters)}`;
  const result = useResource(key, (signal) =>
    analyticsApi.compare(asked.before, asked.after, filters, signal),
  );
  const c = result.data;
  const dates = (label: string, span: Span, set: (s: Span) => void) => (
    <fieldset className="inline-field compare-span">
      <legend>{label}</legend>
      <input
        type="date"
        aria-label={`${label}: from`}
        value={span.from}
        max={span.to || undefined}
        onChange={(e) => set({ ...span, from: e.target.value })}
      />
      <span aria-hidden="true">to</span>
      <input
        type="date"
        aria-label={`${label}: to`}
        value={span.to}
        min={span.from || undefined}
        onChange={(e) => set({ ...span, to: e.target.value })}
      />
    </fieldset>
  );
  return (
    <div className="stack">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ before: `${before.from}/${before.to}`, after: `${after.from}/${after.to}` });
        }}
      >
        {dates('Before', before, setBefore)}
        {dates('After', after, setAfter)}
        <button type="submit" className="button">
          Compare
        </button>
      </form>
      <ErrorNote error={result.error} title="The periods could not be compared" />
      {!c ? (
        result.error ? null : (
          <Loading label="Comparing the periods" />
        )
      ) : (
        <>
          {c.before.cases === 0 || c.after.cases === 0 ? (
            <div className="note note-info" role="note">
              {c.before.cases === 0 && c.after.cases === 0
                ? 'Neither period has a case: choose dates with history.'
                : `The ${c.before.cases === 0 ? 'before' : 'after'} period has no case, so no figure can be compared: choose dates with history on both sides.`}
            </div>
          ) : null}
          <p className="muted">
            Before: {counted(c.before.cases, 'case')}, {counted(c.before.handoffs, 'handoff')}. After:{' '}
            {counted(c.after.cases, 'case')}, {counted(c.after.handoffs, 'handoff')}. A change counts as
            improved or worsened when p &lt; 0.05; small periods give wide intervals.
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="comparison">
              <caption className="visually-hidden">Before and after, figure by figure</caption>
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col" className="num">
                    Before
                  </th>
                  <th scope="col" className="num">
                    After
                  </th>
                  <th scope="col" className="num">
                    Change
                  </th>
                  <th scope="col">95 % interval of the change</th>
                  <th scope="col" className="num">
                    p-value
                  </th>
                  <th scope="col">Verdict</th>
                </tr>
              </thead>
              <tbody>
                {rowsOf(c).map((r) => (
                  <tr key={r.figure}>
                    <th scope="row">{LABELS[r.figure] ?? r.figure}</th>
                    <td className="num">{r.before}</td>
                    <td className="num">{r.after}</td>
                    <td className="num">{r.change}</td>
                    <td>{r.ci}</td>
                    <td className="num">{pValue(r.pValue)}</td>
                    <td>
                      <Verdict verdict={r.verdict} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
