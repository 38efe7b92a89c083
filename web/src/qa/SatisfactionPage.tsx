import { useState } from 'react';
import { DataTable } from '../analytics/ChartFigure.tsx';
import { percent } from '../analytics/figures.ts';
import { checkLabels, formatDay, humanize } from '../app/format.ts';
import { navigate, useLocation } from '../app/router.tsx';
import { Badge, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { CsatByBandChart, FailedPassedChart } from './AgreementCharts.tsx';
import { Disagreements } from './Disagreements.tsx';
import { QaNav } from './QaNav.tsx';
import { qaApi, type SatisfactionAgreement } from './qa.api.ts';
import { separationLabels, separationSentence, separationTone } from './satisfaction-words.ts';
import '../analytics/analytics.css';
import './qa.css';

const path = '/qa/satisfaction';

type Separation = Parameters<typeof separationSentence>[1];

function Verdict({ title, what, s, note }: { title: string; what: string; s: Separation; note?: string }) {
  return (
    <div className="qa-verdict" data-testid="qa-csat-verdict">
      <h3>
        {title} <Badge tone={separationTone(s.verdict)}>{separationLabels[s.verdict]}</Badge>
      </h3>
      <p>{separationSentence(what, s)}</p>
      {note ? <p className="muted small">{note}</p> : null}
    </div>
  );
}

const mean = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** Whose totals tell the customers' satisfied handoffs from the rest: the calibration session's other question. */
function ReviewerAgreement({ a }: { a: SatisfactionAgreement }) {
  const reviewers = a.reviews.reviewers;
  return (
    <Section title="Each reviewer against CSAT">
      <p className="muted small">
        For each reviewer, their totals on the rated handoffs they reviewed, set against the customers'
        ratings of the same handoffs. A reviewer whose totals point the wrong way scores something customers
        do not feel.
      </p>
      {reviewers.length === 0 ? (
        <p className="muted">Nobody reviewed a rated handoff of this period.</p>
      ) : (
        <DataTable
          caption="Each reviewer's totals against CSAT"
          rows={reviewers}
          rowKey={(r) => r.reviewer.id}
          columns={[
            { label: 'Reviewer', cell: (r) => r.reviewer.name },
            { label: 'Rated handoffs reviewed', cell: (r) => r.handoffs.toLocaleString(), numeric: true },
            { label: 'Satisfied', cell: (r) => r.satisfied.toLocaleString(), numeric: true },
            { label: 'Not satisfied', cell: (r) => r.unsatisfied.toLocaleString(), numeric: true },
            { label: 'Mean total, satisfied', cell: (r) => mean(r.meanSatisfied), numeric: true },
            { label: 'Mean total, not satisfied', cell: (r) => mean(r.meanUnsatisfied), numeric: true },
            { label: 'AUC', cell: (r) => (r.auc === null ? '—' : r.auc.toFixed(2)), numeric: true },
            {
              label: 'Verdict',
              cell: (r) => <Badge tone={separationTone(r.verdict)}>{separationLabels[r.verdict]}</Badge>,
            },
          ]}
        />
      )}
    </Section>
  );
}

/**
 * QA against CSAT: does what QA scores match what customers feel? The automatic quality score and
 * the reviewers' totals set against the customers' ratings of the same handoffs.
 */
export default function SatisfactionPage() {
  const { search } = useLocation();
  const scorecard = search.get('scorecard') ?? '';
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const cards = useResource('qa:scorecards', (signal) => qaApi.scorecards(signal));
  const result = useResource(`qa:satisfaction:${from}:${to}:${scorecard}`, (signal) =>
    qaApi.satisfaction(from || undefined, to || undefined, scorecard || undefined, signal),
  );
  const a = result.data;
  const criteriaOf = (x: SatisfactionAgreement) =>
    x.reviews.criteria.map((c) => ({
      key: c.criterion,
      label: c.label,
      failed: c.failed,
      passed: c.passed,
      gap: c.gap,
    }));
  return (
    <div className="page page-wide qa-page">
      <div className="page-head">
        <div>
          <h1>QA against CSAT</h1>
          <p className="muted">
            Does what QA scores match what customers feel? For the handoffs sent in the period (default: the
            last 28 days) that a customer rated while the handoff held the case, their latest rating against
            the automatic quality score and the reviewers' totals.
          </p>
        </div>
      </div>
      <QaNav />
      <div className="toolbar">
        <div className="inline-field">
          <label htmlFor="csat-from">From</label>
          <input id="csat-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="inline-field">
          <label htmlFor="csat-to">To (included)</label>
          <input id="csat-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="inline-field">
          <label htmlFor="csat-scorecard">Reviews on</label>
          <select
            id="csat-scorecard"
            value={scorecard}
            onChange={(e) =>
              navigate(e.target.value ? `${path}?scorecard=${encodeURIComponent(e.target.value)}` : path, {
                replace: true,
              })
            }
          >
            <option value="">Any scorecard (totals only)</option>
            {(cards.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} (v{c.version})
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNote error={result.error} title="The comparison could not be computed" />
      {!a ? (
        result.error ? null : (
          <Loading label="Setting QA against the customers' ratings" />
        )
      ) : (
        <div className="stack">
          <div className="qa-figures" data-testid="qa-csat-overall">
            <div>
              <span className="qa-figure">{a.rated.of.toLocaleString()}</span> rated handoffs sent{' '}
              {formatDay(a.from)} to {formatDay(new Date(Date.parse(a.to) - 1).toISOString())}
            </div>
            <div>
              <span className="qa-figure">{percent(a.rated.rate)}</span> CSAT ({a.rated.count} satisfied)
            </div>
            <div>
              <span className="qa-figure">{a.reviews.handoffs.toLocaleString()}</span> of them reviewed
            </div>
          </div>
          <div className="qa-verdicts">
            <Verdict title="Automatic quality" what="The automatic quality score" s={a.automatic} />
            <Verdict
              title="Whole journey"
              what="The journey's weakest automatic score"
              s={a.journey}
              note={`The case's handoffs up to the rating, the weakest counted: ${a.journey.afterEarlierHandoffs.toLocaleString()} of the ${a.rated.of.toLocaleString()} followed an earlier handoff of their case, where a bounce or a lost day may be what the customer rated.`}
            />
            <Verdict title="Reviewers' totals" what="The reviewers' total" s={a.reviews} />
          </div>
          <CsatByBandChart a={a} />
          <FailedPassedChart
            title="CSAT where each check failed and passed"
            description="For each automatic check, the share of rated handoffs the customer was satisfied with where it failed and where it passed, in percent. A check customers feel has a large negative gap; one with none measures something they do not notice."
            what="check"
            rows={a.automatic.checks.map((c) => ({
              key: c.check,
              label: checkLabels[c.check] ?? humanize(c.check),
              ...c,
            }))}
          />
          {scorecard ? (
            <FailedPassedChart
              title="CSAT where each criterion scored low and high"
              description="For each criterion of the scorecard, the share of rated handoffs the customer was satisfied with where the reviewers scored it in the lower half of its scale (or failed it) and in the upper half (or passed it), in percent."
              what="criterion"
              rows={criteriaOf(a)}
            />
          ) : (
            <p className="muted small">Choose a scorecard above to see each of its criteria against CSAT.</p>
          )}
          <ReviewerAgreement a={a} />
          <Section title="QA passed them, the customer was not satisfied">
            <p className="muted small">
              A QA score of 80 or more (the reviewers' mean, else the automatic score) on a handoff whose
              customer was not satisfied: what the scorecard may be missing. The highest scores first.
            </p>
            <Disagreements
              title="QA passed them, the customer was not satisfied"
              items={a.disagreements.qaPassedCustomerUnsatisfied}
              none="No such handoff in this period"
            />
          </Section>
          <Section title="QA failed them, the customer was satisfied">
            <p className="muted small">
              A QA score below 60 on a handoff whose customer was satisfied: what the scorecard may punish
              that customers do not mind. The lowest scores first.
            </p>
            <Disagreements
              title="QA failed them, the customer was satisfied"
              items={a.disagreements.qaFailedCustomerSatisfied}
              none="No such handoff in this period"
            />
          </Section>
        </div>
      )}
    </div>
  );
}
