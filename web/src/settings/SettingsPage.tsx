import { useRef, useState } from 'react';
import type { Calendar, CalendarSaved, Scenario } from '../api/types.ts';
import { fieldLabel, formatDay, humanize } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Section } from '../app/ui.tsx';
import { formatTarget } from '../sla/business-time.ts';
import { CalendarEditor } from './CalendarEditor.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function Hours({ calendar }: { calendar: Calendar }) {
  if (calendar.hours === '24/7') return <p>Open around the clock ({calendar.timezone}).</p>;
  const hours = calendar.hours as Record<string, [string, string][] | undefined>;
  // The week is wider than a phone: it scrolls inside the team's card.
  return (
    <div className="table-wrap">
      <table className="table compact">
        <caption className="visually-hidden">Business hours in {calendar.timezone}</caption>
        <thead>
          <tr>
            {days.map((d) => (
              <th key={d} scope="col">
                {humanize(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {days.map((d) => (
              <td key={d}>
                {hours[d]?.length ? (
                  hours[d]!.map(([o, c]) => `${o}–${c}`).join(', ')
                ) : (
                  <span className="muted">Closed</span>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

const clocksMoved = (n: number) =>
  n === 0
    ? 'no running clock needed a new deadline'
    : n === 1
      ? '1 running clock recomputed'
      : `${n} running clocks recomputed`;

/**
 * Teams and their calendars, scenarios with their SLAs and templates. Leads edit calendars (with a
 * public-holiday import) and scenarios (each save is a new version); everyone else reads.
 */
export default function SettingsPage() {
  const s = useSession();
  const canEdit = s.can('lead');
  const [editingTeam, setEditingTeam] = useState<string | null>(null);
  const [teamSaved, setTeamSaved] = useState<CalendarSaved | null>(null);
  // undefined: no editor; null: a new scenario; an id: that scenario's next version.
  const [editingScenario, setEditingScenario] = useState<string | null | undefined>(undefined);
  // Where the focus goes back to when an editor closes: the button that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const openedBy = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const focusBack = (fallback: () => HTMLElement | null) =>
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : fallback())?.focus());
  const [scenarioSaved, setScenarioSaved] = useState<Scenario | null>(null);
  const team = (key: string | undefined) =>
    key ? (s.teams.find((t) => t.key === key)?.name ?? key) : 'Any team';
  const editing = editingScenario ? s.scenarios.find((x) => x.id === editingScenario) : undefined;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            How {s.me.organisation.name} hands off: teams and their hours, and the scenario of each
            transition.
          </p>
        </div>
        <div className="page-actions">
          <Link to="/settings/customers" className="button">
            Customer continuity
          </Link>
          <Link to="/settings/integrations" className="button">
            Integrations
          </Link>
          <Link to="/settings/vocabulary" className="button">
            Vocabulary
          </Link>
          <Link to="/settings/changes" className="button">
            Change log
          </Link>
          {s.can('admin') ? (
            <Link to="/settings/security" className="button">
              Security
            </Link>
          ) : null}
        </div>
      </div>
      <Section title="Teams and calendars">
        <div className="settings-teams">
          {s.teams.map((t) => (
            <article
              key={t.key}
              className={`settings-team${editingTeam === t.key ? ' editing' : ''}`}
              aria-labelledby={`team-${t.key}`}
            >
              <div className="settings-team-head">
                <h3 id={`team-${t.key}`}>
                  {t.name} <span className="muted small">({t.key})</span>
                </h3>
                {canEdit && editingTeam !== t.key ? (
                  <button
                    type="button"
                    className="button small"
                    id={`edit-calendar-${t.key}`}
                    onClick={() => {
                      openedBy();
                      setEditingTeam(t.key);
                      setTeamSaved(null);
                    }}
                  >
                    {/* The visible words are the accessible name (WCAG 2.5.3): the team is in them. */}
                    Edit {t.name} calendar
                  </button>
                ) : null}
              </div>
              <p className="small">
                {t.calendar.timezone} · ownership {humanize(t.ownershipStrategy)} · lead{' '}
                {s.personName(t.leadId)}
              </p>
              {teamSaved?.team === t.key ? (
                <div className="note note-good" role="status" data-testid="calendar-saved">
                  <strong>Calendar saved</strong>
                  <span>{clocksMoved(teamSaved.clocksRecomputed)}.</span>
                </div>
              ) : null}
              {editingTeam === t.key ? (
                <CalendarEditor
                  team={t}
                  onDone={(saved) => {
                    setEditingTeam(null);
                    setTeamSaved(saved);
                    // The button the editor replaced is back: the focus returns to it.
                    focusBack(() => document.getElementById(`edit-calendar-${t.key}`));
                  }}
                />
              ) : (
                <>
                  <Hours calendar={t.calendar} />
                  {t.calendar.holidays?.length ? (
                    <p className="small muted">
                      Holidays: {t.calendar.holidays.map((d) => formatDay(`${d}T12:00:00Z`)).join(', ')}
                    </p>
                  ) : null}
                </>
              )}
              <p className="small">
                Members:{' '}
                {t.members.map((m, i) => (
                  <span key={m.id}>
                    {i > 0 ? ', ' : ''}
                    {m.name}
                    {m.availability !== 'available' ? (
                      <span className="muted"> ({m.availability})</span>
                    ) : null}
                  </span>
                ))}
              </p>
            </article>
          ))}
        </div>
      </Section>
      {editingScenario !== undefined ? (
        <Section title={editing ? `Edit ${editing.name ?? editing.id}` : 'New scenario'} id="scenario-editor">
          <ScenarioEditor
            key={editingScenario ?? 'new'}
            scenario={editing}
            onDone={(saved) => {
              setEditingScenario(undefined);
              setScenarioSaved(saved);
              focusBack(() => document.querySelector<HTMLElement>('[data-testid="scenario-saved"]'));
            }}
          />
        </Section>
      ) : null}
      <Section
        title="Scenarios"
        actions={
          canEdit ? (
            <button
              type="button"
              className="button small primary"
              onClick={() => {
                openedBy();
                setEditingScenario(null);
                setScenarioSaved(null);
              }}
            >
              New scenario
            </button>
          ) : null
        }
      >
        {scenarioSaved ? (
          <div className="note note-good" role="status" data-testid="scenario-saved" tabIndex={-1}>
            <strong>
              {scenarioSaved.name ?? scenarioSaved.id} saved as version {scenarioSaved.version}
            </strong>
            <span>
              New handoffs use it at once; handoffs already sent keep the version they were sent under.
            </span>
          </div>
        ) : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">From → to</th>
                <th scope="col">Required packet fields</th>
                <th scope="col">SLA targets</th>
                <th scope="col">Template</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {s.scenarios.map((x) => (
                <tr key={x.id}>
                  <td>
                    <strong>{x.name ?? x.id}</strong>
                    <div className="muted small">
                      {x.id} · v{x.version}
                    </div>
                  </td>
                  <td>
                    {team(x.fromTeam)} → {team(x.toTeam)}
                  </td>
                  <td>{x.required.map(fieldLabel).join(', ')}</td>
                  <td>
                    {x.sla.length ? (
                      <ul className="plain">
                        {x.sla.map((c) => (
                          <li key={c.name}>
                            {humanize(c.name)}:{' '}
                            <abbr title={c.target}>
                              {formatTarget(c.target, c.calendar?.hours !== '24/7')}
                            </abbr>
                            {c.calendar ? ` (${c.calendar.timezone})` : ''}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td>
                    {x.template ? (
                      <>
                        v{x.template.version}, reviewed {formatDay(`${x.template.lastReviewed}T12:00:00Z`)}{' '}
                        {x.templateStale ? (
                          <Badge tone="warn">Review overdue</Badge>
                        ) : (
                          <Badge tone="good">Current</Badge>
                        )}
                      </>
                    ) : (
                      <span className="muted">No template</span>
                    )}
                  </td>
                  {canEdit ? (
                    <td>
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Edit ${x.id}`}
                        onClick={() => {
                          openedBy();
                          setEditingScenario(x.id);
                          setScenarioSaved(null);
                          requestAnimationFrame(() =>
                            document.getElementById('scenario-editor')?.scrollIntoView({ block: 'start' }),
                          );
                        }}
                      >
                        Edit
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
