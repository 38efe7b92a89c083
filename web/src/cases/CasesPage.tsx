import { useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { humanize, relative } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Empty, ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { useLive } from '../live/useLive.tsx';

/** The agent's case list: newest first, searchable, live. */
export function CasesPage() {
  const s = useSession();
  const cases = useResource('cases', () => api.cases(200));
  const [q, setQ] = useState('');
  useLive((e) => e.type === 'case.created' || e.type.startsWith('handoff.'), cases.reload, 300);

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const all = cases.data ?? [];
    return needle
      ? all.filter((c) => `${c.subject} ${c.customer} ${c.channel} ${c.id}`.toLowerCase().includes(needle))
      : all;
  }, [cases.data, q]);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Cases</h1>
          <p className="muted">Open a case to read the conversation and hand it off with its full story.</p>
        </div>
        {s.can('agent', 'lead', 'supervisor') ? (
          <Link to="/cases/new" className="button primary">
            New case
          </Link>
        ) : null}
      </div>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">Search cases</span>
          <input
            type="search"
            placeholder="Search by subject, customer or channel"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <span className="muted" aria-live="polite">
          {cases.data ? `${shown.length} of ${cases.data.length} cases` : ''}
        </span>
      </div>
      <ErrorNote error={cases.error} title="Cases could not be loaded" />
      {!cases.data && cases.loading ? <Loading label="Loading cases" /> : null}
      {cases.data && shown.length === 0 ? (
        <Empty title={q ? 'No case matches your search' : 'No cases yet'}>
          {q ? 'Try other words.' : 'Cases arrive from your helpdesk, or create one here.'}
        </Empty>
      ) : null}
      {shown.length > 0 ? (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Customer</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Opened</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.id}`} className="row-link">
                      {c.subject}
                    </Link>
                    {c.issueType ? <span className="muted small"> · {c.issueType}</span> : null}
                  </td>
                  <td>{c.customer}</td>
                  <td>{humanize(c.channel)}</td>
                  <td>
                    <Badge tone={c.status === 'open' ? 'info' : 'neutral'}>{humanize(c.status)}</Badge>
                  </td>
                  <td className="muted">
                    <time dateTime={c.createdAt}>{relative(c.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
