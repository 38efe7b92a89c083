import { useLocation } from '../app/router.tsx';
import { Badge, Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { QaNav } from './QaNav.tsx';
import { type Agreement, type Calibration, qaApi } from './qa.api.ts';
import { verdictLabels, verdictTone } from './reasons.ts';
import { ScorecardPicker } from './ScorecardPicker.tsx';
import './qa.css';
import { counted } from '../app/format.ts';

const alphaText = (a: number | null) => (a === null ? '—' : a.toFixed(2));
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(2)}`;

/** A reviewer's drift: signed, in scale points, with a bar of its share of the range; words say which way. */
function Drift({ r }: { r: Agreement['reviewers'][number] | undefined }) {
  if (!r || r.drift === null || r.driftShare === null) return <span className="muted">—</span>;
  const share = r.driftShare;
  const big = Math.abs(share) >= 0.15;
  const way = Math.abs(share) < 0.05 ? 'in line' : share > 0 ? 'lenient' : 'strict';
  return (
    <span className={`qa-drift${big ? ' qa-drift-big' : ''}`}>
      <span className="qa-drift-track" aria-hidden="true">
        <span
          className={`qa-drift-bar ${share >= 0 ? 'qa-drift-plus' : 'qa-drift-minus'}`}
          style={{ width: `${Math.min(50, Math.abs(share) * 100)}%` }}
        />
      </span>
      <span>
        {signed(r.drift)} <span className="small">({way})</span>
      </span>
    </span>
  );
}

function AgreementTable({ c }: { c: Calibration }) {
  const rows = [
    ...c.criteria.map((x) => ({ key: x.criterion, label: x.label, a: x as Agreement })),
    {
      key: '__total',
      label: 'Review total',
      a: c.total,
    },
  ];
  return (
    <table className="table" data-testid="agreement">
      <caption className="visually-hidden">Agreement per criterion</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Alpha</th>
          <th scope="col">Verdict</th>
          <th scope="col">Metric</th>
          <th scope="col">Handoffs scored by 2+</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, a }) => (
          <tr key={key} className={key === '__total' ? 'qa-total-row' : undefined}>
            <th scope="row">{label}</th>
            <td className="num">{alphaText(a.alpha)}</td>
            <td>
              <Badge tone={verdictTone(a.verdict)}>{verdictLabels[a.verdict] ?? a.verdict}</Badge>
            </td>
            <td>{a.metric}</td>
            <td className="num">{a.units}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DriftTable({ c }: { c: Calibration }) {
  const reviewers = c.total.reviewers;
  return (
    <table className="table" data-testid="drift">
      <caption className="visually-hidden">Each reviewer's drift from the others</caption>
      <thead>
        <tr>
          <th scope="col">Reviewer</th>
          <th scope="col">Reviews</th>
          {c.criteria.map((x) => (
            <th scope="col" key={x.criterion}>
              {x.label}
            </th>
          ))}
          <th scope="col">Total (points of 100)</th>
        </tr>
      </thead>
      <tbody>
        {reviewers.map((r) => (
          <tr key={r.reviewer.id}>
            <th scope="row">{r.reviewer.name}</th>
            <td className="num">{r.ratings}</td>
            {c.criteria.map((x) => (
              <td key={x.criterion}>
                <Drift r={x.reviewers.find((y) => y.reviewer.id === r.reviewer.id)} />
              </td>
            ))}
            <td>
              <Drift r={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For leads: how far reviewers agree, criterion by criterion, and who scores apart from the group. */
export default function CalibrationPage() {
  const { search } = useLocation();
  const cards = useResource('qa:scorecards', (signal) => qaApi.scorecards(signal));
  const scorecard = search.get('scorecard') || cards.data?.[0]?.id;
  const cal = useResource(scorecard ? `qa:calibration:${scorecard}` : null, (signal) =>
    qaApi.calibration(scorecard!, signal),
  );
  const error = cards.error ?? cal.error;
  return (
    <div className="page page-wide qa-page">
      <div className="page-head">
        <div>
          <h1>Calibration</h1>
          <p className="muted">
            Krippendorff's alpha per criterion over the handoffs several reviewers scored (reliable from 0.80,
            tentative from 0.67), and each reviewer's drift: the mean difference from the others on the same
            handoffs, + lenient, − strict.
          </p>
        </div>
      </div>
      <QaNav />
      <ErrorNote error={error} title="Calibration could not be loaded" />
      {cards.data?.length === 0 ? (
        <Empty title="No scorecard yet">Calibration needs reviews on a scorecard.</Empty>
      ) : !cards.data || (!cal.data && !error) ? (
        error ? null : (
          <Loading label="Computing agreement" />
        )
      ) : cal.data ? (
        <>
          <div className="toolbar">
            <ScorecardPicker cards={cards.data} value={scorecard!} path="/qa/calibration" />
            <p className="small muted" data-testid="calibration-summary">
              {counted(cal.data.reviews, 'review')} of {counted(cal.data.handoffs, 'handoff')} on version{' '}
              {cal.data.scorecard.version}
            </p>
          </div>
          <div className="stack">
            <Section title="Agreement per criterion">
              <div className="table-wrap">
                <AgreementTable c={cal.data} />
              </div>
            </Section>
            <Section title="Reviewer drift">
              {cal.data.total.reviewers.length === 0 ? (
                <Empty title="No reviews yet" />
              ) : (
                <div className="table-wrap">
                  <DriftTable c={cal.data} />
                </div>
              )}
            </Section>
          </div>
        </>
      ) : null}
    </div>
  );
}
