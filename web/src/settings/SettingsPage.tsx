import type { Calendar } from '../api/types.ts';
import { fieldLabel, formatDay, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, Section } from '../app/ui.tsx';

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function Hours({ calendar }: { calendar: Calendar }) {
  if (calendar.hours === '24/7') return <p>Open around the clock ({calendar.timezone}).</p>;
  const hours = calendar.hours as Record<string, [string, string][] | undefined>;
  return (
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
  );
}

/** Teams, calendars, scenarios and their SLAs, read-only for now (editing comes with the policy API). */
export default function SettingsPage() {
  const s = useSession();
  const team = (key: string | undefined) =>
    key ? (s.teams.find((t) => t.key === key)?.name ?? key) : 'Any team';
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
      </div>
      <Section title="Teams and calendars">
        <div className="settings-teams">
          {s.teams.map((t) => (
            <article key={t.key} className="settings-team" aria-labelledby={`team-${t.key}`}>
              <h3 id={`team-${t.key}`}>
                {t.name} <span className="muted small">({t.key})</span>
              </h3>
              <p className="small">
                {t.calendar.timezone} · ownership {humanize(t.ownershipStrategy)} · lead{' '}
                {s.personName(t.leadId)}
              </p>
              <Hours calendar={t.calendar} />
              {t.calendar.holidays?.length ? (
                <p className="small muted">
                  Holidays: {t.calendar.holidays.map((d) => formatDay(`${d}T12:00:00Z`)).join(', ')}
                </p>
              ) : null}
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
      <Section title="Scenarios">
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">From → to</th>
                <th scope="col">Required packet fields</th>
                <th scope="col">SLA targets</th>
                <th scope="col">Template</th>
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
                            {humanize(c.name)}: <code>{c.target}</code>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
