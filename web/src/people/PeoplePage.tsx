import { type KeyboardEvent, useEffect, useState } from 'react';
import { ChangeLog } from '../admin/ChangeLog.tsx';
import type { AdminChangeFilter } from '../admin/change-words.ts';
import { get } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Person } from '../api/types.ts';
import { navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { ErrorNote } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { DeactivateDialog } from './DeactivateDialog.tsx';
import { GettingStarted } from './GettingStarted.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { PersonDialog } from './PersonDialog.tsx';
import { type Removal, RemoveMemberDialog } from './RemoveMemberDialog.tsx';
import { TeamCard } from './TeamCard.tsx';
import { TeamDialog } from './TeamDialog.tsx';
import type { TeamChannel } from './TeamSlackChannel.tsx';
import { useAdminRun } from './useAdminRun.ts';
import './people.css';

const peopleAreas: AdminChangeFilter = { areas: ['people', 'teams'] };

type View = 'people' | 'teams' | 'changes';
const allViews: { view: View; label: string }[] = [
  { view: 'people', label: 'People' },
  { view: 'teams', label: 'Teams' },
  { view: 'changes', label: 'Changes' },
];

/**
 * People and teams: who has access with which roles, and how each team shares its work. Admins add
 * and edit people and teams; leads deactivate people and run teams; supervisors set availability.
 */
export default function PeoplePage() {
  const s = useSession();
  const { search } = useLocation();
  // The change log is for those who run teams (the API's rule); agents never reach this page.
  const views = allViews.filter((v) => v.view !== 'changes' || s.can('lead', 'supervisor'));
  const asked = search.get('view');
  const view: View = views.find((v) => v.view === asked)?.view ?? 'people';
  const admin = useAdminRun();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<Person | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [newTeam, setNewTeam] = useState(false);
  const isAdmin = s.can('admin');
  const { refresh } = s;
  const { fail } = admin;
  // The teams' Slack channels: leads set them on the team cards.
  const channels = useResource(view === 'teams' && s.can('lead') ? 'team-channels' : null, (signal) =>
    get<{ items: TeamChannel[] }>('/api/v1/notifications/teams', signal),
  );
  const channelOf = (team: string) => channels.data?.items.find((c) => c.team === team);

  // The counts of open handoffs move all day: read them afresh on arrival, not from sign-in.
  useEffect(() => {
    refresh().catch(fail);
  }, [refresh, fail]);

  const show = (v: View) => navigate(v === 'people' ? '/people' : `/people?view=${v}`);
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const at = views.findIndex((v) => v.view === view);
    const next = views[(at + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length]!.view;
    show(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };
  const reactivate = (p: Person) =>
    admin
      .run(
        `reactivate-${p.id}`,
        () => api.reactivatePerson(p.id),
        () => `${p.name} has access again`,
      )
      .catch(fail);
  const active = s.people.filter((p) => p.active).length;

  return (
    <div className="page people-page">
      <div className="page-head">
        <div>
          <h1>People and teams</h1>
          <p className="muted">
            {active} of {s.people.length} people at {s.me.organisation.name} have access, in {s.teams.length}{' '}
            teams.
          </p>
        </div>
        {isAdmin ? (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setNewTeam(true)}>
              New team
            </button>
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              Add person
            </button>
          </div>
        ) : null}
      </div>
      {admin.notice ? (
        <div className="note note-good people-notice" role="status">
          <span>{admin.notice}</span>
          <button type="button" className="button small ghost" onClick={admin.clearNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      <ErrorNote error={admin.error} title="That did not work" />
      {isAdmin ? <GettingStarted changed={admin.notice} onAddPerson={() => setEditing('new')} /> : null}
      <div role="tablist" aria-label="People or teams" className="tabs people-tabs">
        {views.map((v) => (
          <button
            key={v.view}
            id={`tab-${v.view}`}
            type="button"
            role="tab"
            aria-selected={view === v.view}
            aria-controls="people-panel"
            tabIndex={view === v.view ? 0 : -1}
            className="tab"
            onClick={() => show(v.view)}
            onKeyDown={onTabKey}
          >
            {v.label}{' '}
            {v.view === 'changes' ? null : (
              <span className="muted">{v.view === 'people' ? s.people.length : s.teams.length}</span>
            )}
          </button>
        ))}
      </div>
      <div id="people-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === 'people' ? (
          <PeopleTable
            admin={admin}
            onEdit={setEditing}
            onDeactivate={setDeactivating}
            onReactivate={(p) => void reactivate(p)}
          />
        ) : view === 'changes' ? (
          <ChangeLog
            filter={peopleAreas}
            empty="Changes to people, members and teams are listed here; the whole log is in Settings."
          />
        ) : (
          <div className="team-grid">
            {s.teams.map((t) => (
              <TeamCard
                key={t.key}
                team={t}
                admin={admin}
                onRemove={(team, member) => setRemoval({ team, member })}
                channel={
                  channels.data
                    ? {
                        slackUrl: channelOf(t.key)?.slackUrl ?? null,
                        lastPost: channelOf(t.key)?.lastPost ?? null,
                        onSaved: channels.reload,
                      }
                    : undefined
                }
              />
            ))}
          </div>
        )}
      </div>
      {isAdmin ? (
        <>
          <PersonDialog
            open={editing !== null}
            person={editing === 'new' || editing === null ? undefined : editing}
            admin={admin}
            onClose={() => setEditing(null)}
          />
          <TeamDialog open={newTeam} admin={admin} onClose={() => setNewTeam(false)} />
        </>
      ) : null}
      <DeactivateDialog person={deactivating} admin={admin} onClose={() => setDeactivating(null)} />
      <RemoveMemberDialog removal={removal} admin={admin} onClose={() => setRemoval(null)} />
    </div>
  );
}
