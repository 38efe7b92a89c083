import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { formatDateTime } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Empty, ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { type AdminChange, changeWords } from './change-words.ts';

/**
 * Who changed people, teams and webhooks, and what: newest first, 50 at a time. Read afresh each
 * time the tab opens (a change made on this page shows at once).
 */
export function ChangeLog() {
  const s = useSession();
  const first = useResource('admin-changes', (signal) => api.adminChanges(null, signal));
  const [more, setMore] = useState<AdminChange[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<unknown>();
  const next = cursor === undefined ? first.data?.nextCursor : cursor;
  const names = {
    person: (id: string) => s.people.find((p) => p.id === id)?.name ?? id,
    team: (key: string) => s.teams.find((t) => t.key === key)?.name ?? key,
  };
  const showMore = async () => {
    if (!next) return;
    setError(undefined);
    try {
      const page = await api.adminChanges(next);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    }
  };
  const items = [...(first.data?.items ?? []), ...more];
  if (first.error) return <ErrorNote error={first.error} title="The change log could not be read" />;
  if (first.loading && !first.data) return <Loading />;
  if (items.length === 0)
    return <Empty title="No changes yet">Changes to people, teams and webhooks are listed here.</Empty>;
  return (
    <div className="card card-body">
      <ol className="change-log" data-testid="change-log">
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
