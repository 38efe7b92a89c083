import type { ReactNode } from 'react';
import { percent } from '../analytics/figures.ts';
import { Badge, Empty } from '../app/ui.tsx';
import type { DriftReport as Report } from './vocabulary-api.ts';

export type DriftNames = { team: (key: string) => string; type: (path: string) => string };

type Volume = Report['volume'][number];

// The report's placeholders for cases without a readable type, in words.
const placeholders: Record<string, string> = {
  '(untagged)': 'No issue type',
  '(unmapped)': 'A tag no type knows',
  '(unknown)': 'No team',
  '(none)': 'None',
};

function TypeName({ path, names }: { path: string; names: DriftNames }) {
  if (placeholders[path]) return <em>{placeholders[path]}</em>;
  const name = names.type(path);
  return name === path ? (
    <code>{path}</code>
  ) : (
    <>
      {name} <code className="small muted">{path}</code>
    </>
  );
}

const teamName = (key: string | null, names: DriftNames) =>
  key === null ? 'No team' : (placeholders[key] ?? names.team(key));

const trends: Record<string, { label: string; tone: 'warn' | 'info' | 'good' | 'neutral' }> = {
  rising: { label: '↑ Rising', tone: 'warn' },
  falling: { label: '↓ Falling', tone: 'info' },
  new: { label: 'New', tone: 'warn' },
  appeared: { label: 'Appeared', tone: 'neutral' },
  steady: { label: 'Steady', tone: 'neutral' },
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A small table with a caption for screen readers and a heading for everyone. */
function Table({
  title,
  head,
  numeric = [],
  children,
}: {
  title: string;
  head: string[];
  /** The columns that hold counts, aligned right. */
  numeric?: number[];
  children: ReactNode;
}) {
  return (
    <div className="vocab-drift-part">
      <h3>{title}</h3>
      <div className="table-wrap">
        <table className="table vocab-drift-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={h} scope="col" className={numeric.includes(i) ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </div>
  );
}

/** Cases per type this week, each with a bar against the busiest, and its trend. */
function VolumeTable({ rows, names }: { rows: Volume[]; names: DriftNames }) {
  const most = Math.max(1, ...rows.map((r) => Math.max(r.count, r.baseline)));
  const shown = rows.filter((r) => r.count > 0 || r.baseline > 0);
  return (
    <Table
      title="Cases per issue type"
      head={['Issue type', 'This week', 'Weekly mean before', 'Trend']}
      numeric={[1, 2]}
    >
      {shown.map((r) => (
        <tr key={r.type} data-testid="drift-volume" data-type={r.type}>
          <th scope="row">
            <TypeName path={r.type} names={names} />
          </th>
          <td className="num">
            <span className="vocab-drift-bar" aria-hidden="true">
              <span style={{ width: `${(r.count / most) * 100}%` }} />
            </span>
            {r.count} <span className="muted small">({signed(r.change)})</span>
          </td>
          <td className="num">{r.baseline}</td>
          <td>
            <Badge tone={trends[r.trend]?.tone ?? 'neutral'}>{trends[r.trend]?.label ?? r.trend}</Badge>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** Each team's words that map to no type: the aliases or types the vocabulary lacks. */
function NewWords({ teams, names }: { teams: Report['teams']; names: DriftNames }) {
  const rows = teams.flatMap((t) => t.unmappedTerms.map((w) => ({ team: t.team, ...w })));
  if (rows.length === 0) return null;
  return (
    <Table title="Words no issue type knows" head={['Word', 'Team', 'Times', 'Seen before']} numeric={[2]}>
      {rows.map((r) => (
        <tr key={`${r.team}:${r.term}`} data-testid="drift-word">
          <th scope="row">“{r.term}”</th>
          <td>{teamName(r.team, names)}</td>
          <td className="num">{r.count}</td>
          <td>{r.isNew ? <Badge tone="warn">New word</Badge> : 'Yes'}</td>
        </tr>
      ))}
    </Table>
  );
}

function Divergent({ terms, names }: { terms: Report['divergence']['terms']; names: DriftNames }) {
  if (terms.length === 0) return null;
  return (
    <Table title="One word, different types" head={['Word', 'Read as']}>
      {terms.map((t) => (
        <tr key={t.term}>
          <th scope="row">“{t.term}”</th>
          <td>
            {t.teams.map((x, i) => (
              <span key={x.team}>
                {i > 0 ? '; ' : ''}
                {x.types.map((p) => names.type(p)).join(' or ')} by {teamName(x.team, names)}
              </span>
            ))}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function Tagger({ model }: { model: Report['model'] }) {
  if (model.suggestions === 0 && model.baselineSuggestions === 0) return null;
  const pair = (now: number | null, before: number | null) =>
    `${percent(now, 0)} (${percent(before, 0)} before)`;
  return (
    <div className="vocab-drift-part">
      <h3>The tagger</h3>
      <dl className="facts">
        <dt>Suggestions</dt>
        <dd>
          {model.suggestions} this week, {model.baselineSuggestions} in the weeks before
        </dd>
        <dt>Mean confidence</dt>
        <dd>{pair(model.meanConfidence, model.baselineMeanConfidence)}</dd>
        <dt>Withheld</dt>
        <dd>{pair(model.abstentionShare, model.baselineAbstentionShare)}</dd>
      </dl>
    </div>
  );
}

function Clusters({ clusters }: { clusters: Report['clusters'] }) {
  if (clusters.length === 0) return null;
  return (
    <Table title="What nobody could categorise" head={['Shared words', 'Items', 'Seen before']} numeric={[1]}>
      {clusters.map((c) => (
        <tr key={c.keywords.join(' ')}>
          <th scope="row" title={c.examples.join('\n')}>
            {c.keywords.join(', ')}
          </th>
          <td className="num">{c.size}</td>
          <td>{c.isNew ? <Badge tone="warn">New</Badge> : 'Yes'}</td>
        </tr>
      ))}
    </Table>
  );
}

function Misroutes({ report, names }: { report: Report; names: DriftNames }) {
  const rows = report.misroutes.filter((m) => m.count > 0 || m.baseline > 0);
  if (rows.length === 0 && report.corrections.length === 0) return null;
  return (
    <Table
      title="Wrong-team bounces and corrections"
      head={['Issue type', 'This week', 'What']}
      numeric={[1]}
    >
      {rows.map((m) => (
        <tr key={`m:${m.type}`}>
          <th scope="row">
            <TypeName path={m.type} names={names} />
          </th>
          <td className="num">{m.count}</td>
          <td>
            bounced as the wrong team ({m.baseline} a week before){m.rising ? ', rising' : ''}
          </td>
        </tr>
      ))}
      {report.corrections.map((c) => (
        <tr key={`c:${c.from}:${c.to}`}>
          <th scope="row">
            <TypeName path={c.to} names={names} />
          </th>
          <td className="num">{c.count}</td>
          <td>
            corrected from <TypeName path={c.from ?? '(none)'} names={names} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** Whether the weeks compared hold anything at all. */
export function driftIsEmpty(r: Report): boolean {
  return (
    r.volume.every((v) => v.count === 0 && v.baseline === 0) &&
    r.teams.length === 0 &&
    r.model.suggestions === 0 &&
    r.model.baselineSuggestions === 0 &&
    r.misroutes.length === 0 &&
    r.corrections.length === 0 &&
    r.clusters.length === 0
  );
}

/** One week's drift in words and tables: what raised an alert first, then each part's figures. */
export function DriftReport({ report, names }: { report: Report; names: DriftNames }) {
  if (driftIsEmpty(report)) {
    return (
      <Empty title={`Nothing to compare in ${report.week}`}>
        No cases, team words or tagger suggestions in that week or the {report.baselineWeeks.length} before
        it.
      </Empty>
    );
  }
  return (
    <div className="stack" data-testid="drift-report">
      <div className="vocab-drift-part">
        <h3>What drifted</h3>
        {report.alerts.length === 0 ? (
          <p className="muted">Nothing moved enough to raise an alert against the weeks before.</p>
        ) : (
          <ul className="plain vocab-drift-alerts" data-testid="drift-alerts">
            {report.alerts.map((a) => (
              <li key={`${a.kind}:${a.subject ?? ''}`}>
                <Badge tone={a.severity === 'warning' ? 'warn' : 'info'}>
                  {a.severity === 'warning' ? 'Check' : 'Note'}
                </Badge>{' '}
                {a.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <VolumeTable rows={report.volume} names={names} />
      <NewWords teams={report.teams} names={names} />
      <Divergent terms={report.divergence.terms} names={names} />
      <Tagger model={report.model} />
      <Misroutes report={report} names={names} />
      <Clusters clusters={report.clusters} />
    </div>
  );
}
