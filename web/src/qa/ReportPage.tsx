import { useState } from 'react';
import { checkLabels, counted, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { QaNav } from './QaNav.tsx';
import { qaApi, type Report, type ReportBy } from './qa.api.ts';
import './qa.css';

const groupings: [ReportBy, string][] = [
  ['week', 'Week'],
  ['agent', 'Agent'],
  ['team', 'Sending team'],
  ['receiving_team', 'Receiving team'],
  ['scenario', 'Scenario'],
];

const checkName = (id: string) => checkLabels[id] ?? humanize(id);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(1));

function Costliest({ items }: { items: Report['overall']['costliest'] }) {
  if (items.length === 0) return <p className="muted">No check failed in this period.</p>;
  const top = items[0]!.pointsLost || 1;
  return (
    <ol className="qa-costliest" aria-label="Failing checks that cost the most">
      {items.slice(0, 8).map((c) => (
        <li key={c.check}>
          <span className="qa-cost-name">{checkName(c.check)}</span>
          <span className="qa-cost-track" aria-hidden="true">
            <span className="qa-cost-bar" style={{ width: `${(c.pointsLost / top) * 100}%` }} />
          </span>
          <span className="qa-cost-figure">
            {c.pointsLost} points ({c.share}%), {c.failures} fail{c.failures === 1 ? '' : 's'}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Handoff quality by agent, team, scenario or week, the checks that cost the most, and a CSV export. */
export default function ReportPage() {
  const s = useSession();
  const [by, setBy] = useState<ReportBy>('week');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = useResource(`qa:report:${by}:${from}:${to}`, (signal) =>
    qaApi.report(by, from || undefined, to || undefined, signal),
  );
  const r = report.data;
  const scenarioName = (id: string) => s.scenarios.find((x) => x.id === id)?.name ?? id;
  const label = (key: string, text: string) => (by === 'scenario' ? scenarioName(key) : text);
  return (
    <div className="page page-wide qa-page">
      <div className="page-head">
        <div>
          <h1>Quality report</h1>
          <p className="muted">
            Automatic handoff quality of the handoffs sent in the period (default: the last 28 days), with the
            reviewers' average and the failing checks that cost the most points.
          </p>
        </div>
        <a className="button" href={qaApi.reportCsvUrl(by, from || undefined, to || undefined)} download>
          Export CSV
        </a>
      </div>
      <QaNav />
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">Group by</legend>
          {groupings.map(([id, text]) => (
            <label key={id} className={by === id ? 'on' : ''}>
              <input
                type="radio"
                name="report-by"
                value={id}
                checked={by === id}
                onChange={() => setBy(id)}
              />
              {text}
            </label>
          ))}
        </fieldset>
        <div className="inline-field">
          <label htmlFor="report-from">From</label>
          <input id="report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="inline-field">
          <label htmlFor="report-to">To (included)</label>
          <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <ErrorNote error={report.error} title="The report could not be computed" />
      {!r ? (
        report.error ? null : (
          <Loading label="Computing the report" />
        )
      ) : r.overall.handoffs === 0 ? (
        <Empty title="No handoffs in this period" />
      ) : (
        <div className="stack">
          <div className="qa-figures" data-testid="report-overall">
            <div>
              <span className="qa-figure">{r.overall.handoffs.toLocaleString()}</span> handoffs
            </div>
            <div>
              <span className="qa-figure">{num(r.overall.averageScore)}</span> average quality
            </div>
            <div>
              <span className="qa-figure">{num(r.overall.reviews.averageTotal)}</span> reviewers' average (
              {counted(r.overall.reviews.count, 'review')})
            </div>
          </div>
          <Section title="Failing checks that cost the most">
            <Costliest items={r.overall.costliest} />
          </Section>
          <Section title={`By ${groupings.find(([id]) => id === by)?.[1].toLowerCase()}`}>
            <div className="table-wrap">
              <table className="table" data-testid="report-groups">
                <caption className="visually-hidden">Quality by {by}</caption>
                <thead>
                  <tr>
                    <th scope="col">{groupings.find(([id]) => id === by)?.[1]}</th>
                    <th scope="col">Handoffs</th>
                    <th scope="col">Average quality</th>
                    <th scope="col">Reviews (average)</th>
                    <th scope="col">Costliest failing check</th>
                  </tr>
                </thead>
                <tbody>
                  {r.groups.map((g) => (
                    <tr key={g.key}>
                      <th scope="row">{label(g.key, g.label)}</th>
                      <td className="num">{g.handoffs}</td>
                      <td className="num">{num(g.averageScore)}</td>
                      <td className="num">
                        {g.reviews.count ? `${g.reviews.count} (${num(g.reviews.averageTotal)})` : '—'}
                      </td>
                      <td>
                        {g.costliest[0]
                          ? `${checkName(g.costliest[0].check)}: ${g.costliest[0].pointsLost} points`
                          : 'None'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        </div>
      )}
    </div>
  );
}
