import { query } from '../api/client.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { ChangeLog } from './ChangeLog.tsx';
import { adminChangeQuery, type ChangeArea, changeAreas } from './change-words.ts';

const isArea = (v: string | null): v is ChangeArea => changeAreas.some((a) => a.area === v);
const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Settings > Change log: every change to how the organisation is run (people, teams, calendars,
 * scenarios, scorecards, settings, webhooks, helpdesk mappings), by area and by person. The filter
 * lives in the address, so a lead can send a colleague "what Grace changed in the policies".
 */
export default function ChangeLogPage() {
  const s = useSession();
  const { search } = useLocation();
  const area = search.get('area');
  const actor = search.get('actor') ?? '';
  const from = search.get('from');
  const to = search.get('to');
  const set = (key: 'area' | 'actor' | 'from' | 'to', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    const q = next.toString();
    navigate(`/settings/changes${q ? `?${q}` : ''}`, { replace: true });
  };
  const filter = {
    areas: isArea(area) ? [area] : undefined,
    actor: actor || undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
  };
  const filtered = Boolean(filter.areas || filter.actor || filter.from || filter.to);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Change log</h1>
          <p className="muted">
            Who changed people, teams, calendars, scenarios, scorecards, settings and integrations, and what
            they changed. Handoffs and cases keep their own history on their pages.
          </p>
        </div>
        <div className="page-actions">
          <a
            className="button"
            href={`/api/v1/exports/admin-changes${query(adminChangeQuery(filter))}`}
            download
          >
            Download CSV
          </a>
          {s.can('lead') ? (
            <Link to="/settings" className="button">
              Back to settings
            </Link>
          ) : null}
        </div>
      </div>
      <form
        className="toolbar change-filters"
        aria-label="Filter the change log"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="inline-field">
          <label htmlFor="changes-area">Area</label>
          <select
            id="changes-area"
            value={filter.areas?.[0] ?? ''}
            onChange={(e) => set('area', e.target.value)}
          >
            <option value="">Everything</option>
            {changeAreas.map((a) => (
              <option key={a.area} value={a.area}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor="changes-actor">Changed by</label>
          <select id="changes-actor" value={actor} onChange={(e) => set('actor', e.target.value)}>
            <option value="">Anyone</option>
            {s.people
              .filter((p) => p.roles.some((r) => r === 'lead' || r === 'admin'))
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor="changes-from">From</label>
          <input
            id="changes-from"
            type="date"
            value={filter.from ?? ''}
            max={filter.to}
            onChange={(e) => set('from', e.target.value)}
          />
        </div>
        <div className="inline-field">
          <label htmlFor="changes-to">To</label>
          <input
            id="changes-to"
            type="date"
            value={filter.to ?? ''}
            min={filter.from}
            onChange={(e) => set('to', e.target.value)}
          />
        </div>
        {filtered ? (
          <button
            type="button"
            className="button"
            onClick={() => navigate('/settings/changes', { replace: true })}
          >
            Clear filters
          </button>
        ) : null}
      </form>
      <ChangeLog
        filter={filter}
        empty={filtered ? 'Nothing matches this filter.' : 'Changes made in Baton are listed here.'}
      />
    </div>
  );
}
