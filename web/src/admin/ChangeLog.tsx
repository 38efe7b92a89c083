import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { formatDateTime } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Empty, ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { type AdminChange, type AdminChangeFilter, adminChangeQuery, changeWords } from './change-words.ts';
import './admin.css';

/**
 * Who changed what in how the organisation is run, newest first, 50 at a time, for the areas and
 * the person of `filter`. Read afresh each time it is shown (a change made a moment ago is there).
 */
export function ChangeLog({ filter = {}, empty }: { filter?: AdminChangeFilter; empty: string }) {
  const s = useSession();
  const key = `admin-changes:${JSON.stringify(adminChangeQuery(filter))}`;
  const first = useResource(key, (signal) => api.adminChanges(filter, signal));
  // Older pages belong to the filter they were read with: another filter starts afresh.
  const [older, setOlder] = useState<{ key: string; items: AdminChange[]; cursor: string | null }>();
  const [error, setError] = useState<unknown>();
  const mine = older?.key === key ? older : undefined;
  const next = mine ? mine.cursor : first.data?.nextCursor;
  const names = {
    person: (id: string) => s.people.find((p) => p.id === id)?.name ?? id,
    team: (key: string) => s.teams.find((t) => t.key === key)?.name ?? key,
    scenario: (id: string) => s.scenarios.find((x) => x.id === id)?.name ?? id,
  };
  const showMore = async () => {
    if (!next) return;
    setError(undefined);
    try {
      const page = await api.adminChanges({ ...filter, cursor: next });
      setOlder({ key, items: [...(mine?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (err) {
      setError(err);
    }
  };
  const items = [...(first.data?.items ?? []), ...(mine?.items ?? [])];
  if (first.error) return <ErrorNote error={first.error} title="The change log could not be read" />;
  if (first.loading && !first.data) return <Loading />;
  if (items.length === 0) return <Empty title="No changes yet">{empty}</Empty>;
  return (
    <div className="card card-body">
      <ol className="change-log" data-testid="change-log" aria-busy={first.loading}>
        {items.map((c) => (
          <li key={c.id} data-action={c.action}>
            <time dateTime={c.at} className="small muted">
              {formatDateTime(c.at)}
            </time>{' '}
            <strong>{c.actor?.name ?? (c.actor ? c.actor.id : 'An API token')}</strong>{' '}
            {changeWords(c, names)}
          </li>
        ))}
      </ol>
      <ErrorNote error={error} title="No more changes could be read" />
      {next ? (
        <button type="button" className="button" onClick={() => void showMore()}>
          Show older changes
        </button>
      ) : null}
    </div>
  );
}
