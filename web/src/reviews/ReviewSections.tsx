import { rateFigures } from '../../../src/analytics/headline-figures.ts';
import type { WeeklyReview } from '../analytics/analytics.api.ts';
import { DataTable } from '../analytics/ChartFigure.tsx';
import { duration, percent } from '../analytics/figures.ts';
import { humanize } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Section } from '../app/ui.tsx';
import { formatTarget } from '../sla/business-time.ts';
import { dayOf, signalWord, weekWords } from './review-words.ts';

type Headline = WeeklyReview['headline'][number];

const TIME_FIGURES = new Set(['pickupP50', 'resolutionP50']);

function value(h: Headline, v: number | null): string {
  if (v === null) return '—';
  if (rateFigures.has(h.figure)) return percent(v);
  if (TIME_FIGURES.has(h.figure)) return duration(v);
  return h.figure === 'quality' ? v.toFixed(1) : v.toLocaleString();
}

/** "better" / "worse" in words (never colour alone), or nothing for volumes and unchanged figures. */
function direction(h: Headline): { text: string; tone: 'good' | 'bad' | 'neutral' } | null {
  if (h.better === null || h.thisWeek === null || h.previousWeek === null || h.thisWeek === h.previousWeek)
    return null;
  const up = h.thisWeek > h.previousWeek;
  const good = (h.better === 'higher') === up;
  return { text: `${up ? 'up' : 'down'}, ${good ? 'better' : 'worse'}`, tone: good ? 'good' : 'bad' };
}

export function HeadlineSection({ review }: { review: WeeklyReview }) {
  return (
    <Section title="This week against the week before">
      <DataTable
        caption="Headline figures"
        rows={review.headline}
        rowKey={(h) => h.figure}
        columns={[
          { label: 'Figure', cell: (h) => h.label },
          {
            label: `This week (${weekWords(review.week.id)})`,
            cell: (h) => value(h, h.thisWeek),
            numeric: true,
          },
          {
            label: `Week before (${weekWords(review.week.previous)})`,
            cell: (h) => value(h, h.previousWeek),
            numeric: true,
          },
          {
            label: 'Direction',
            cell: (h) => {
              const d = direction(h);
              return d ? <Badge tone={d.tone}>{d.text}</Badge> : '—';
            },
          },
        ]}
      />
    </Section>
  );
}

/** A scenario's name as the organisation has it now (its id when it has none, or is gone). */
function useScenarioName() {
  const s = useSession();
  return (id: string) => s.scenarios.find((x) => x.id === id)?.name ?? id;
}

/** A team's name from its key (the key when the team is gone). */
function useTeamName() {
  const s = useSession();
  return (key: string) => s.teams.find((t) => t.key === key)?.name ?? key;
}

export function CalibrationSection({ review }: { review: WeeklyReview }) {
  const rows = review.slaCalibration;
  const scenarioName = useScenarioName();
  return (
    <Section title="SLA calibration">
      {rows.length === 0 ? (
        <p className="muted">No SLA clock started this week.</p>
      ) : (
        <DataTable
          caption="SLA calibration: actual times against each target"
          rows={rows}
          rowKey={(r) => `${r.scenario}:${r.clock}:${r.target}`}
          columns={[
            {
              label: 'Scenario and clock',
              cell: (r) => `${scenarioName(r.scenario)} · ${humanize(r.clock)}`,
            },
            { label: 'Target', cell: (r) => <abbr title={r.target}>{formatTarget(r.target)}</abbr> },
            { label: 'Finished (open)', cell: (r) => `${r.finished} (${r.open})`, numeric: true },
            {
              // Of the clocks decided: met, or breached (a breached clock still running is decided too,
              // though its time is not known yet), so "0 of 1" where nothing has finished.
              label: 'Met (of decided)',
              cell: (r) =>
                r.attainment.of === 0
                  ? '—'
                  : `${percent(r.attainment.rate)} (${r.attainment.count} of ${r.attainment.of})`,
              numeric: true,
            },
            { label: 'p50', cell: (r) => duration(r.p50Ms), numeric: true },
            { label: 'p90', cell: (r) => duration(r.p90Ms), numeric: true },
            {
              label: 'Fit',
              cell: (r) => (
                <Badge tone={r.fit === 'over' ? 'bad' : r.fit === 'under' ? 'info' : 'good'}>
                  {r.fit ?? '—'}
                </Badge>
              ),
            },
            {
              label: 'Suggested target',
              cell: (r) =>
                r.suggestedTarget ? (
                  <abbr title={r.suggestedTarget}>{formatTarget(r.suggestedTarget)}</abbr>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </Section>
  );
}

export function PatternsSection({ review }: { review: WeeklyReview }) {
  const p = review.issuePatterns;
  const v = review.vocabulary;
  return (
    <Section title="Issue patterns and vocabulary">
      <div className="stack">
        <p>
          Rising this week:{' '}
          {p.rising.length === 0
            ? 'none.'
            : p.rising.map((t) => `${t.issueType} (${t.thisWeek}, was ${t.previousWeek})`).join(', ')}
        </p>
        {p.types.length > 0 ? (
          <DataTable
            caption="Cases per issue type"
            rows={p.types}
            rowKey={(t) => t.issueType}
            columns={[
              { label: 'Issue type', cell: (t) => t.issueType },
              { label: 'This week', cell: (t) => t.thisWeek, numeric: true },
              { label: 'Week before', cell: (t) => t.previousWeek, numeric: true },
            ]}
          />
        ) : null}
        <p>
          {p.untagged.count} case{p.untagged.count === 1 ? '' : 's'} without an issue type
          {p.untagged.clusters.length > 0
            ? `, grouped: ${p.untagged.clusters.map((c) => `“${c.keywords.join(' ')}” (${c.cases.length})`).join(', ')}.`
            : '.'}
        </p>
        <p>
          Untagged share: {percent(v.untagged.rate)} (week before {percent(v.previousWeekUntagged.rate)}).
          {v.unknownTerms.length > 0
            ? ` Terms no scenario knows: ${v.unknownTerms.map((t) => t.term).join(', ')}.`
            : ''}
          {v.variants.length > 0
            ? ` Spellings of one term: ${v.variants.map((x) => x.join(' / ')).join('; ')}.`
            : ''}
        </p>
      </div>
    </Section>
  );
}

export function WorkflowSection({ review }: { review: WeeklyReview }) {
  const teamName = useTeamName();
  const scenarioName = useScenarioName();
  return (
    <Section title="Teams passing work back and forth, and stale templates">
      <div className="stack">
        {review.bouncingPairs.length === 0 ? (
          <p className="muted">No pair of teams bounced work this week.</p>
        ) : (
          <DataTable
            caption="Team pairs that bounce work"
            rows={review.bouncingPairs}
            rowKey={(b) => b.teams.join('-')}
            columns={[
              { label: 'Teams', cell: (b) => b.teams.map(teamName).join(' ⇄ ') },
              { label: 'Bounces', cell: (b) => b.bounces, numeric: true },
              { label: 'Ping-pongs', cell: (b) => b.pingPongs, numeric: true },
              { label: 'Cases', cell: (b) => b.cases, numeric: true },
            ]}
          />
        )}
        {review.staleTemplates.length === 0 ? (
          <p className="muted">Every packet template was reviewed recently.</p>
        ) : (
          <p>
            Stale packet templates:{' '}
            {review.staleTemplates
              .map(
                (t) =>
                  `${scenarioName(t.scenario)} (last reviewed ${dayOf(t.lastReviewed)}, ${t.ageDays} days ago)`,
              )
              .join(', ')}
            .
          </p>
        )}
      </div>
    </Section>
  );
}

export function NotableSection({ review }: { review: WeeklyReview }) {
  const teamName = useTeamName();
  return (
    <Section title="Cases to discuss">
      {review.notableCases.length === 0 ? (
        <p className="muted">No case had two warning signals this week.</p>
      ) : (
        <DataTable
          caption="Notable cases"
          rows={review.notableCases}
          rowKey={(c) => c.caseId}
          columns={[
            { label: 'Case', cell: (c) => <Link to={`/cases/${c.caseId}`}>{c.subject}</Link> },
            { label: 'Teams', cell: (c) => c.teams.map(teamName).join(', ') || '—' },
            { label: 'Signals', cell: (c) => c.signals.map(signalWord).join(', ') },
          ]}
        />
      )}
    </Section>
  );
}
