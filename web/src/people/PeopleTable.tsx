import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Availability, Person } from '../api/types.ts';
import { counted, formatDay, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, Empty, Kbd } from '../app/ui.tsx';
import { isTyping } from '../queue/shortcuts.ts';
import { roleChoices } from './person-form.ts';
import type { AdminRun } from './useAdminRun.ts';

const availabilities: Availability[] = ['available', 'away', 'offline'];
const roleLabel = (r: string) => roleChoices.find((c) => c.role === r)?.label ?? humanize(r);
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Everything a filter word may hit: "finance", "refunds", "lead", "inès" as "ines". */
const haystack = (p: Person) =>
  fold(
    [
      p.name,
      p.email,
      ...p.roles.map(roleLabel),
      ...p.roles,
      ...p.skills,
      ...p.teams.flatMap((t) => [t.name, t.key]),
    ].join(' '),
  );

type Status = '' | 'active' | 'inactive';

/**
 * The organisation's people: filtered as one types (`/` goes there), `j`/`k` move through the rows
 * and Enter edits the selected one. Each row offers only what the signed-in person may do.
 */
export function PeopleTable({
  admin,
  onEdit,
  onDeactivate,
  onReactivate,
}: {
  admin: AdminRun;
  onEdit: (p: Person) => void;
  onDeactivate: (p: Person) => void;
  onReactivate: (p: Person) => void;
}) {
  const s = useSession();
  const [q, setQ] = useState('');
  const [team, setTeam] = useState('');
  const [status, setStatus] = useState<Status>('');
  const [selected, setSelected] = useState(-1);
  const filterRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const myId = s.me.person?.id;
  const isAdmin = s.can('admin');

  const rows = useMemo(() => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    return s.people
      .filter((p) => !team || p.teams.some((t) => t.key === team))
      .filter((p) => !status || (status === 'active') === p.active)
      .filter((p) => words.every((w) => haystack(p).includes(w)))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  }, [s.people, q, team, status]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]'))
        return;
      if (e.key === '/') {
        e.preventDefault();
        filterRef.current?.focus();
      } else if ((e.key === 'j' || e.key === 'k') && rows.length) {
        e.preventDefault();
        const next = Math.max(0, Math.min(rows.length - 1, selected + (e.key === 'j' ? 1 : -1)));
        setSelected(next);
        // The row takes focus: Tab goes on into its controls, as a sighted user's eye does.
        bodyRef.current?.querySelectorAll<HTMLElement>('tr')[next]?.focus();
      } else if (
        e.key === 'Enter' &&
        isAdmin &&
        rows[selected] &&
        (e.target as HTMLElement).tagName === 'TR'
      ) {
        e.preventDefault();
        onEdit(rows[selected]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selected, isAdmin, onEdit]);

  const setAvailability = (p: Person, availability: Availability) =>
    admin
      .run(
        `availability-${p.id}`,
        () => api.setAvailability(p.id, availability),
        () => `${p.name} is now ${availability}`,
      )
      .catch(admin.fail);
  // Only an admin takes access from an admin (the server's rule).
  const mayDeactivate = (p: Person) =>
    s.can('lead') && p.active && p.id !== myId && (isAdmin || !p.roles.includes('admin'));
  const maySetAvailability = (p: Person) => p.active && (s.can('lead', 'supervisor') || p.id === myId);
  const reset = () => setSelected(-1);

  return (
    <>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">Filter people</span>
          <input
            ref={filterRef}
            type="search"
            placeholder="Filter by name, email, role, team or skill  ( / )"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              reset();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape' || e.key === 'Enter') e.currentTarget.blur();
            }}
          />
        </label>
        <label className="inline-field">
          <span>Team</span>
          <select
            value={team}
            onChange={(e) => {
              setTeam(e.target.value);
              reset();
            }}
          >
            <option value="">All teams</option>
            {s.teams.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Access</span>
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status);
              reset();
            }}
          >
            <option value="">Everyone</option>
            <option value="active">Active</option>
            <option value="inactive">No access</option>
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {counted(rows.length, 'person', 'people')}
        </span>
        <span className="muted small people-keys">
          <Kbd>j</Kbd>/<Kbd>k</Kbd> move
          {isAdmin ? (
            <>
              {' '}
              · <Kbd>Enter</Kbd> edit
            </>
          ) : null}
        </span>
      </div>
      {rows.length === 0 ? (
        <Empty title="Nobody matches">Try fewer words, another team or Everyone.</Empty>
      ) : (
        <div className="card table-card">
          <table className="table people-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Teams</th>
                <th scope="col">Availability</th>
                <th scope="col" className="num">
                  Open handoffs
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody ref={bodyRef}>
              {rows.map((p, i) => (
                <tr
                  key={p.id}
                  tabIndex={-1}
                  className={`${i === selected ? 'row-selected' : ''}${p.active ? '' : ' row-inactive'}`}
                  aria-current={i === selected ? 'true' : undefined}
                  onFocus={(e) => e.target === e.currentTarget && setSelected(i)}
                  data-person={p.email}
                >
                  <th scope="row" className="person-cell">
                    <span className="row-link">{p.name}</span>
                    {p.id === myId ? <span className="muted small"> (you)</span> : null}
                    {p.skills.length ? (
                      <span className="muted small person-skills">{p.skills.join(', ')}</span>
                    ) : null}
                  </th>
                  <td className="person-email" data-label="Email">
                    {p.email}
                  </td>
                  <td data-label="Roles">
                    <span className="chips">
                      {p.roles.map((r) => (
                        <Badge key={r} tone={r === 'admin' ? 'info' : 'neutral'}>
                          {roleLabel(r)}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td data-label="Teams">
                    {p.teams.length ? (
                      p.teams.map((t) => t.name).join(', ')
                    ) : (
                      <span className="muted">No team</span>
                    )}
                  </td>
                  <td data-label="Availability">
                    {maySetAvailability(p) ? (
                      <select
                        aria-label={`Availability of ${p.name}`}
                        value={p.availability}
                        disabled={admin.busy === `availability-${p.id}`}
                        onChange={(e) => void setAvailability(p, e.target.value as Availability)}
                      >
                        {availabilities.map((a) => (
                          <option key={a} value={a}>
                            {humanize(a)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={`availability availability-${p.availability}`}>
                        {humanize(p.availability)}
                      </span>
                    )}
                  </td>
                  <td className="num" data-label="Open handoffs">
                    {p.openHandoffs || <span className="muted">0</span>}
                  </td>
                  <td data-label="Status">
                    {p.active ? (
                      <span className="chips">
                        <Badge tone="good">Active</Badge>
                        {/* Only admins are told (the server says it to them alone). */}
                        {p.passwordSet === false ? (
                          <span title="Invited or added without a password: they cannot sign in until they choose one">
                            <Badge tone="warn">No password yet</Badge>
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      <span title={p.leftAt ? `Since ${formatDay(p.leftAt)}` : undefined}>
                        <Badge tone="neutral">No access</Badge>
                      </span>
                    )}
                  </td>
                  <td className="row-actions">
                    {isAdmin ? (
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Edit ${p.name}`}
                        onClick={() => onEdit(p)}
                      >
                        Edit
                      </button>
                    ) : null}
                    {mayDeactivate(p) ? (
                      <button
                        type="button"
                        className="button small ghost danger-text"
                        aria-label={`Deactivate ${p.name}`}
                        onClick={() => onDeactivate(p)}
                      >
                        Deactivate
                      </button>
                    ) : null}
                    {isAdmin && !p.active ? (
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Reactivate ${p.name}`}
                        disabled={admin.busy === `reactivate-${p.id}`}
                        onClick={() => onReactivate(p)}
                      >
                        Reactivate
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
