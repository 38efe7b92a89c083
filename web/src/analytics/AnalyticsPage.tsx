import { useMemo, useState } from 'react';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { analyticsApi, type Filters, handoffsExportUrl, type Metrics } from './analytics.api.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { CustomerRatings } from './CustomerRatings.tsx';
import { FigureTiles, type Tile } from './FigureTiles.tsx';
import { duration, isoDate, lastWeeks, percent } from './figures.ts';
import { ImportRatings } from './ImportRatings.tsx';
import { PairsChart, PickupChart, RatesChart, SlaChart, TrendChart } from './MetricsCharts.tsx';
import {
  SatisfactionByTeamChart,
  SatisfactionCostChart,
  SatisfactionJourneyChart,
} from './SatisfactionCharts.tsx';
import './analytics.css';

const DAY = 86_400_000;
const TREND_WEEKS = 8;

function Tiles({ m }: { m: Metrics }) {
  const tiles: Tile[] = [
    ['Cases opened', m.cases.toLocaleString()],
    ['Handoffs sent', m.handoffs.toLocaleString()],
    ['Escalation rate', percent(m.escalation.rate)],
    [
      'Resolution time (median)',
      duration(m.resolutionTime.calendar.p50Ms),
      `${m.resolutionTime.count} resolved, ${m.resolutionTime.open} open; business ${duration(m.resolutionTime.business.p50Ms)}`,
    ],
    [
      'Time to pick up (median)',
      duration(m.pickup.overall.calendar.p50Ms),
      `business ${duration(m.pickup.overall.business.p50Ms)}`,
    ],
    ['Average handoff quality', m.quality.mean === null ? '—' : m.quality.mean.toFixed(1), 'out of 100'],
    ['SLA attainment', percent(m.slaAttainment.overall.rate)],
    [
      'Documents asked for again',
      String(m.documentReRequests.requests),
      // Requests and cases differ (one case can be asked twice): both counted, neither implied.
      `${m.documentReRequests.requests === 1 ? 'request' : 'requests'}, on ${m.documentReRequests.cases.count} ${m.documentReRequests.cases.count === 1 ? 'case' : 'cases'} (${percent(m.documentReRequests.cases.rate)} of cases)`,
    ],
    [
      'CSAT',
      percent(m.satisfaction.rate),
      m.satisfaction.of === 0
        ? 'no case rated'
        : `${m.satisfaction.count} satisfied of ${m.satisfaction.of} rated`,
    ],
  ];
  return <FigureTiles tiles={tiles} testId="analytics-tiles" />;
}

/** Quality and three rates over the last weeks: one metrics request per week. */
function Trend({ filters }: { filters: Filters }) {
  const weeks = useMemo(() => lastWeeks(Date.now(), TREND_WEEKS), []);
  const trend = useResource(`analytics:trend:${JSON.stringify(filters)}`, (signal) =>
    Promise.all(
      weeks.map(async (w) => ({
        id: w.id,
        metrics: await analyticsApi.metrics({ from: w.from, to: w.to, ...filters }, signal),
      })),
    ),
  );
  if (trend.error) return <ErrorNote error={trend.error} title="The weekly trend could not be computed" />;
  if (!trend.data) return <Loading label="Computing the weekly trend" />;
  return <TrendChart weeks={trend.data} />;
}

/**
 * Handoff analytics for leads, supervisors and QA: the figures of a period (default: the last 30
 * days) narrowed by team, scenario or issue type, as charts with their tables, the weekly trend,
 * and a before/after comparison with confidence. Definitions: docs/analytics.md.
 */
export default function AnalyticsPage() {
  const s = useSession();
  const today = Date.now();
  const [from, setFrom] = useState(isoDate(today - 29 * DAY));
  const [to, setTo] = useState(isoDate(today));
  const [team, setTeam] = useState('');
  const [scenario, setScenario] = useState('');
  const [issueType, setIssueType] = useState('');
  // Read again after an import, so the ratings just brought in show.
  const [ratingsRead, setRatingsRead] = useState(0);
  const filters: Filters = {
    team: team || undefined,
    scenario: scenario || undefined,
    issueType: issueType || undefined,
  };
  const key = `analytics:metrics:${from}:${to}:${team}:${scenario}:${issueType}`;
  const metrics = useResource(key, (signal) => analyticsApi.metrics({ from, to, ...filters }, signal));
  const m = metrics.data;
  const compareDefaults = {
    before: `${isoDate(today - 59 * DAY)}/${isoDate(today - 30 * DAY)}`,
    after: `${isoDate(today - 29 * DAY)}/${isoDate(today)}`,
  };
  if (!s.can('lead', 'supervisor', 'qa')) {
    return <Empty title="Analytics are for leads, supervisors and QA">Ask a lead for access.</Empty>;
  }
  return (
    <div className="page page-wide an-page">
      <div className="page-head">
        <div>
          <h1>Analytics</h1>
          <p className="muted">
            How handoffs behave: case figures count the cases opened in the period, handoff figures the
            handoffs sent in it.
          </p>
        </div>
        <div className="page-actions">
          <Link to="/audit" className="button">
            Audit a helpdesk export
          </Link>
          <Link to="/reviews" className="button">
            Weekly reviews
          </Link>
          <a
            className="button"
            href={handoffsExportUrl({ from, to, ...filters })}
            download
            title="Every handoff created in the period (of the team, scenario and issue type chosen) as a spreadsheet"
          >
            Export handoffs (CSV)
          </a>
        </div>
      </div>
      <form
        className="toolbar an-filters"
        aria-label="Period and filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="inline-field">
          <label htmlFor="an-from">From</label>
          <input id="an-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="inline-field">
          <label htmlFor="an-to">To (included)</label>
          <input id="an-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="inline-field">
          <label htmlFor="an-team">Team</label>
          <select id="an-team" value={team} onChange={(e) => setTeam(e.target.value)}>
            <option value="">All teams</option>
            {s.teams.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor="an-scenario">Scenario</label>
          <select id="an-scenario" value={scenario} onChange={(e) => setScenario(e.target.value)}>
            <option value="">All scenarios</option>
            {s.scenarios.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor="an-issue">Issue type</label>
          <input
            id="an-issue"
            value={issueType}
            onChange={(e) => setIssueType(e.target.value.trim())}
            placeholder="any"
            size={14}
          />
        </div>
      </form>
      <ErrorNote error={metrics.error} title="The figures could not be computed" />
      {!m ? (
        metrics.error ? null : (
          <Loading label="Computing the figures" />
        )
      ) : (
        <div className="stack">
          <Tiles m={m} />
          {m.cases === 0 && m.handoffs === 0 ? (
            <Empty title="Nothing happened in this period">Pick a longer period or fewer filters.</Empty>
          ) : (
            <div className="an-grid">
              <RatesChart metrics={m} />
              <PickupChart metrics={m} />
              <PairsChart metrics={m} />
              <SlaChart metrics={m} />
              <SatisfactionByTeamChart metrics={m} />
              <SatisfactionCostChart metrics={m} />
              <SatisfactionJourneyChart metrics={m} />
            </div>
          )}
        </div>
      )}
      <Section
        title="What customers said"
        actions={s.can('lead') ? <ImportRatings onImported={() => setRatingsRead((n) => n + 1)} /> : null}
      >
        <CustomerRatings key={ratingsRead} period={{ from, to }} team={filters.team} />
      </Section>
      <Section title={`The last ${TREND_WEEKS} weeks`}>
        <Trend filters={filters} />
      </Section>
      <Section title="Before and after">
        <ComparePanel filters={filters} defaults={compareDefaults} />
      </Section>
    </div>
  );
}
