import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Team, TeamMember } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { strategyOf } from './team-form.ts';
import { type AdminRun, movedWords, openWork } from './useAdminRun.ts';

export type Removal = { team: Team; member: TeamMember };

/** Remove from team asks once more, naming the open handoffs that move on and who picks their owner. */
export function RemoveMemberDialog({
  removal,
  admin,
  onClose,
}: {
  removal: Removal | null;
  admin: AdminRun;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={removal ? `Remove ${removal.member.name} from ${removal.team.name}?` : 'Remove from team'}
      open={removal !== null}
      onClose={onClose}
    >
      {removal ? <Confirm {...removal} admin={admin} onClose={onClose} /> : null}
    </Dialog>
  );
}

function Confirm({ team, member, admin, onClose }: Removal & { admin: AdminRun; onClose: () => void }) {
  const s = useSession();
  const [error, setError] = useState<unknown>();
  const busyKey = `remove-${team.key}-${member.id}`;
  const otherTeams = (s.people.find((p) => p.id === member.id)?.teams ?? []).filter(
    (t) => t.key !== team.key,
  );
  const rule = strategyOf(team.ownershipStrategy)?.label.toLowerCase() ?? team.ownershipStrategy;
  const n = member.openHandoffs;

  const remove = async () => {
    setError(undefined);
    try {
      await admin.run(
        busyKey,
        () => api.removeMember(team.key, member.id),
        (a) => `${member.name} left ${team.name}; ${movedWords(a)}`,
      );
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <p data-testid="remove-load">
        {n === 0 ? (
          `${member.name} owns no open handoff of ${team.name}: nothing moves.`
        ) : (
          <>
            <strong>
              Their {openWork(n)} in {team.name} {n === 1 ? 'moves' : 'move'} on
            </strong>{' '}
            to the next owner the team's rule ({rule}) picks
            {otherTeams.length ? '; what they own in their other teams stays with them.' : '.'}
          </>
        )}
      </p>
      {team.leadId === member.id ? (
        <p className="muted small">
          They stay the team's lead, its fallback owner, until you choose another.
        </p>
      ) : null}
      {otherTeams.length ? (
        <p className="muted small">They stay in {otherTeams.map((t) => t.name).join(', ')}.</p>
      ) : null}
      <ErrorNote error={error} title="Still in the team" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Keep them
        </button>
        <button
          type="button"
          className="button danger"
          disabled={admin.busy === busyKey}
          onClick={() => void remove()}
        >
          {admin.busy === busyKey ? 'Removing…' : 'Remove from team'}
        </button>
      </div>
    </>
  );
}
