import { useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../api/types.ts';
import { Erasable } from '../app/Erased.tsx';
import { formatDateTime, humanize, relative, stateLabels } from '../app/format.ts';
import { Link, navigate } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Empty, ErrorNote, Loading, stateTone } from '../app/ui.tsx';
import { useLive } from '../live/useLive.tsx';
import { isTyping } from '../queue/shortcuts.ts';
import { caseHref, MatchSnippet } from './MatchSnippet.tsx';
import { searchesAsTyped } from './typed-search.ts';
import { useCaseList } from './useCaseList.ts';

const statuses = ['open', 'pending', 'resolved', 'closed'] as const;

/** The agent's case list: newest first, searched by the server, a page at a time, live. */
export function CasesPage() {
  const s = useSession();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  // The server searches every case, not only the page on screen; a pause in typing asks it, once
  // there are three letters (Enter asks at once, whatever the length).
  useEffect(() => {
    if (!searchesAsTyped(q)) return;
    const t = setTimeout(() => setSearch(q), 250);
    return () => clearTimeout(t);
  }, [q]);
  const waitsForEnter = !searchesAsTyped(q) && q !== search;
  const cases = useCaseList({ q: search, status });
  useLive(
    (e) => e.type === 'case.created' || e.type.startsWith('handoff.') || e.type.startsWith('sla.'),
    cases.refresh,
    300,
  );
  const filtered = Boolean(search.trim() || status);
  const searchRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState(-1);
  const items = cases.items;

  // As in the queue: "/" searches, j/k move through the rows, Enter opens the case (at the
  // message a search matched, when one did).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]'))
        return;
      const count = items?.length ?? 0;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if ((e.key === 'j' || e.key === 'k') && count > 0) {
        e.preventDefault();
        setSelected((i) => Math.max(0, Math.min(count - 1, e.key === 'j' ? i + 1 : i - 1)));
      } else if (
        e.key === 'Enter' &&
        items?.[selected] &&
        !(e.target as HTMLElement).closest?.('button, a')
      ) {
        e.preventDefault();
        navigate(caseHref(items[selected]));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected]);
  useEffect(() => {
    if (selected >= 0)
      document.querySelectorAll('.cases-table tbody tr')[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

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
            ref={searchRef}
            type="search"
            placeholder="Search cases and conversations  ( / )"
            title="Subject, customer, case id, or words of the conversation"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setSelected(-1);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setSearch(q);
              if (e.key === 'Escape' || e.key === 'Enter') e.currentTarget.blur();
            }}
          />
        </label>
        <label className="inline-field">
          <span>Status</span>
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setSelected(-1);
            }}
          >
            <option value="">All</option>
            {statuses.map((x) => (
              <option key={x} value={x}>
                {humanize(x)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {waitsForEnter
            ? `Keep typing, or press Enter to search for “${q.trim()}”`
            : cases.items
              ? `${cases.items.length}${cases.nextCursor ? '+' : ''} ${cases.items.length === 1 ? 'case' : 'cases'}`
              : ''}
        </span>
      </div>
      <ErrorNote error={cases.error} title="Cases could not be loaded" />
      {!cases.items && cases.loading ? <Loading label="Loading cases" /> : null}
      {cases.items && cases.items.length === 0 ? (
        <Empty title={filtered ? 'No case matches' : 'No cases yet'}>
          {filtered
            ? 'Try other words or another status.'
            : 'Cases arrive from your helpdesk, or create one here.'}
        </Empty>
      ) : null}
      {cases.items && cases.items.length > 0 ? (
        <div className="card table-card">
          <table className="table cases-table stacks">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Customer</th>
                <th scope="col">Channel</th>
                <th scope="col">With</th>
                <th scope="col">Status</th>
                <th scope="col">Opened</th>
              </tr>
            </thead>
            <tbody>
              {cases.items.map((c, i) => (
                <tr
                  key={c.id}
                  className={i === selected ? 'row-selected' : undefined}
                  aria-current={i === selected ? 'true' : undefined}
                >
                  <td>
                    <Link to={`/cases/${c.id}`} className="row-link">
                      <Erasable text={c.subject} label="Subject erased" />
                    </Link>
                    {c.issueType ? <span className="muted small"> · {c.issueType}</span> : null}
                    {c.match ? <MatchSnippet caseId={c.id} match={c.match} /> : null}
                  </td>
                  <td data-label="Customer">
                    <Erasable text={c.customer} label="Erased customer" />
                  </td>
                  <td data-label="Channel">{humanize(c.channel)}</td>
                  <td data-label="With">
                    <WhereNow handoff={c.handoff} />
                  </td>
                  <td data-label="Status">
                    <Badge tone={c.status === 'open' ? 'info' : 'neutral'}>{humanize(c.status)}</Badge>
                  </td>
                  <td className="muted nowrap" data-label="Opened">
                    <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
                      {relative(c.createdAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {cases.nextCursor ? (
            <div className="table-more">
              <button type="button" className="button" onClick={cases.more} disabled={cases.loading}>
                {cases.loading ? 'Loading…' : 'Show more cases'}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** "due in 41 min" when near; "due Mon 7 Dec, 09:16" when business hours put it days away, as over a weekend. */
function dueLabel(deadline: string, now = Date.now()) {
  const soon = Date.parse(deadline) - now < 12 * 3_600_000;
  return soon ? `due ${relative(deadline, now)}` : `due ${formatDateTime(deadline)}`;
}

/** Where the case is now: the state of its latest handoff, the team and owner holding it, its SLA. */
function WhereNow({ handoff: h }: { handoff: CaseSummary['handoff'] }) {
  const s = useSession();
  if (!h) return <span className="muted small">Not handed off</span>;
  const team = s.teams.find((t) => t.key === h.toTeam)?.name ?? humanize(h.toTeam);
  const open = h.state === 'sent' || h.state === 'accepted';
  return (
    <div className="where-now">
      <Link to={`/handoffs/${h.id}`} className="where-now-link" title="Open the handoff">
        <Badge tone={stateTone(h.state)}>{stateLabels[h.state] ?? humanize(h.state)}</Badge>{' '}
        <span>
          {h.state === 'bounced'
            ? // The team refused it; the person is the sender who holds it again, not one of that team.
              `by ${team}${h.ownerId ? ` · back with ${s.personName(h.ownerId)}` : ''}`
            : `${team}${h.ownerId ? ` · ${s.personName(h.ownerId)}` : ''}`}
        </span>
      </Link>
      {open && h.breached ? (
        <div className="small sla-breached">SLA breached</div>
      ) : open && h.deadline ? (
        <div className="small muted">
          <time dateTime={h.deadline} title={formatDateTime(h.deadline)}>
            {dueLabel(h.deadline)}
          </time>
        </div>
      ) : null}
    </div>
  );
}
