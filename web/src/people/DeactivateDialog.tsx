import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Person } from '../api/types.ts';
import { navigate } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { type AdminRun, movedWords, openWork } from './useAdminRun.ts';

/**
 * Deactivate asks once more and says what follows: sign-outs, and how many open handoffs move on.
 * What the server would refuse (a team's lead, the last admin) is said instead of offered.
 */
export function DeactivateDialog({
  person,
  admin,
  onClose,
}: {
  person: Person | null;
  admin: AdminRun;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={person ? `Deactivate ${person.name}?` : 'Deactivate'}
      open={person !== null}
      onClose={onClose}
    >
      {person ? <Confirm person={person} admin={admin} onClose={onClose} /> : null}
    </Dialog>
  );
}

function Confirm({ person: p, admin, onClose }: { person: Person; admin: AdminRun; onClose: () => void }) {
  const s = useSession();
  const [error, setError] = useState<unknown>();
  const leads = s.teams.filter((t) => t.leadId === p.id);
  const lastAdmin =
    p.roles.includes('admin') &&
    !s.people.some((o) => o.id !== p.id && o.active && o.roles.includes('admin'));
  const blocked = leads.length > 0 || lastAdmin;

  const deactivate = async () => {
    setError(undefined);
    try {
      await admin.run(
        `deactivate-${p.id}`,
        () => api.deactivatePerson(p.id),
        (a) => `${p.name} no longer has access; ${movedWords(a)}`,
      );
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      {leads.length ? (
        <div className="note note-warn">
          <strong>Name another lead first</strong>
          <span>
            {p.name} leads {leads.map((t) => t.name).join(' and ')}: a team's lead takes what no member can.
            Choose another lead in Teams first.
          </span>
        </div>
      ) : lastAdmin ? (
        <div className="note note-warn">
          <strong>{p.name} is the only admin</strong>
          <span>Make someone else admin first: nobody could add or edit people otherwise.</span>
        </div>
      ) : (
        <>
          <p>They are signed out at once and their API tokens stop working.</p>
          <p data-testid="deactivate-load">
            {p.openHandoffs === 0 ? (
              'They own no open handoff: nothing needs a new owner.'
            ) : (
              <>
                <strong>
                  Their {openWork(p.openHandoffs)} {p.openHandoffs === 1 ? 'is' : 'are'} handed on
                </strong>{' '}
                to the next owner each team's rule picks.
              </>
            )}
          </p>
          <p className="muted small">They keep their team places; an admin can reactivate them.</p>
        </>
      )}
      <ErrorNote error={error} title="Still active" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {blocked ? 'Close' : 'Keep access'}
        </button>
        {leads.length ? (
          <button
            type="button"
            className="button primary"
            onClick={() => {
              onClose();
              navigate('/people?view=teams');
            }}
          >
            Open Teams
          </button>
        ) : null}
        {blocked ? null : (
          <button
            type="button"
            className="button danger"
            disabled={admin.busy === `deactivate-${p.id}`}
            onClick={() => void deactivate()}
          >
            {admin.busy === `deactivate-${p.id}` ? 'Deactivating…' : 'Deactivate'}
          </button>
        )}
      </div>
    </>
  );
}
