import { useEffect, useId, useRef, useState } from 'react';
import type { Person } from '../api/types.ts';
import { twoStepApi } from '../app/two-step-api.ts';
import type { AdminRun } from './useAdminRun.ts';

/**
 * An admin turns off someone's two-step sign-in from their Edit dialog, after saying what follows:
 * the confirmation takes the button's place and the focus (its Cancel), and Cancel gives the focus
 * back to the button. Escape closes the dialog, as anywhere in it.
 */
export function TwoStepOff({
  person,
  admin,
  onDone,
  onError,
}: {
  person: Person;
  admin: AdminRun;
  onDone: () => void;
  onError: (error: unknown) => void;
}) {
  const [asking, setAsking] = useState(false);
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  // Only a change the admin made moves the focus, not the dialog opening.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    (asking ? cancel : ask).current?.focus();
  }, [asking]);
  const toggle = (on: boolean) => {
    moved.current = true;
    setAsking(on);
  };
  const busy = admin.busy === 'two-step';

  const turnOff = () =>
    void admin
      .run(
        'two-step',
        () => twoStepApi.disableFor(person.id),
        () => `Two-step sign-in is off for ${person.name}: they sign in with their password alone`,
      )
      .then(onDone, onError);

  if (!asking)
    return (
      <div className="password-link">
        <button
          ref={ask}
          type="button"
          className="button"
          disabled={admin.busy !== null}
          onClick={() => {
            onError(undefined);
            toggle(true);
          }}
        >
          Turn off two-step sign-in
        </button>
        <p className="small muted">
          For someone who lost their phone and their recovery codes; they can set it up again.
        </p>
      </div>
    );
  return (
    <div className="note note-warn two-step-confirm">
      <p id={textId}>
        {person.name} will sign in with their password alone until they set up two-step sign-in again. Turn it
        off only for someone who lost their phone.
      </p>
      <div className="dialog-actions">
        <button
          ref={cancel}
          type="button"
          className="button"
          aria-describedby={textId}
          disabled={busy}
          onClick={() => toggle(false)}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          aria-describedby={textId}
          disabled={admin.busy !== null}
          onClick={turnOff}
        >
          {busy ? 'Turning off…' : 'Turn off two-step sign-in'}
        </button>
      </div>
    </div>
  );
}
