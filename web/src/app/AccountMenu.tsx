import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Availability } from '../api/types.ts';
import { NotificationSettings } from '../notifications/NotificationSettings.tsx';
import { availabilities, availabilityWords } from './availability-words.ts';
import { PasswordDialog } from './PasswordDialog.tsx';
import { SessionsDialog } from './SessionsDialog.tsx';
import { TwoStepDialog } from './TwoStepDialog.tsx';
import './account.css';

type Opened = 'password' | 'twoStep' | 'sessions' | 'notifications' | null;

/**
 * The person in the header opens their account: change your password, your sessions, two-step sign-in,
 * notification settings. A popover
 * (Escape and a click elsewhere close it, the focus goes back to the name); the arrow keys move
 * between its choices, and each opens its dialog, which hands the focus back to the name.
 */
export function AccountMenu({
  trigger,
  label,
  personId,
  availability,
  onAvailability,
}: {
  trigger: ReactNode;
  label: string;
  personId: string;
  availability: Availability;
  onAvailability: (a: Availability) => void;
}) {
  const [opened, setOpened] = useState<Opened>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Away for the rest of the day: the accepted handoffs too, asked once more before they go.
  const [handOn, setHandOn] = useState<'ask' | 'sure' | 'busy' | { handedOn: number; kept: number }>('ask');
  const handOnAll = async () => {
    if (handOn === 'ask') return setHandOn('sure');
    setHandOn('busy');
    setStatusError(null);
    try {
      const { handedOn, kept } = await api.handOn(personId);
      setHandOn({ handedOn, kept });
    } catch (error) {
      setHandOn('ask');
      setStatusError(error instanceof Error ? error.message : String(error));
    }
  };
  const [expanded, setExpanded] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const m = menu.current;
    if (!m) return;
    const onToggle = (e: Event) => {
      const open = (e as ToggleEvent).newState === 'open';
      setExpanded(open);
      if (!open) return;
      // Below the name, right-aligned to it, wherever the header has wrapped to.
      const r = button.current!.getBoundingClientRect();
      m.style.top = `${r.bottom + 6}px`;
      m.style.right = `${Math.max(8, document.documentElement.clientWidth - r.right)}px`;
      // The first of the account's choices; your status is above it, a step up.
      m.querySelector<HTMLElement>('ul button')?.focus();
    };
    m.addEventListener('toggle', onToggle);
    return () => m.removeEventListener('toggle', onToggle);
  }, []);

  const choose = (what: Opened) => {
    // Hiding the popover gives the focus back to the name: the dialog returns it there on closing.
    menu.current?.hidePopover();
    button.current?.focus();
    setOpened(what);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  // Your own status, as agents set it in any helpdesk: routing skips someone away or offline.
  const setStatus = async (a: Availability) => {
    if (a === availability || saving) return;
    setSaving(true);
    setStatusError(null);
    try {
      await api.setAvailability(personId, a);
      onAvailability(a);
      setHandOn('ask');
    } catch (error) {
      setStatusError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="person person-button"
        data-testid="current-person"
        popoverTarget="account-menu"
        aria-expanded={expanded}
        aria-controls="account-menu"
        title="Your account: password, sessions, two-step sign-in and notifications"
      >
        {trigger}
        {/* Heard after the name (which stays the start of the button's name, WCAG 2.5.3). */}
        <span className="visually-hidden">: {label}</span>
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys between the choices */}
      <div ref={menu} id="account-menu" className="account-menu" popover="auto" onKeyDown={onKeyDown}>
        <fieldset className="status-choice" data-testid="status-choice">
          <legend>Your status</legend>
          <div className="status-buttons">
            {availabilities.map((a) => (
              <button
                key={a}
                type="button"
                aria-pressed={a === availability}
                disabled={saving}
                onClick={() => void setStatus(a)}
              >
                <span className={`status-dot status-${a}`} aria-hidden="true" />
                {availabilityWords[a].label}
              </button>
            ))}
          </div>
          <p className="small muted status-effect" aria-live="polite">
            {availabilityWords[availability].effect}
          </p>
          {availability === 'available' ? null : typeof handOn === 'object' ? (
            <p className="small status-effect" role="status" data-testid="handed-on">
              {handOn.handedOn === 0 && handOn.kept === 0
                ? 'You had no open handoff to hand on.'
                : `${handOn.handedOn} handoff${handOn.handedOn === 1 ? '' : 's'} handed on to your teams.`}
              {handOn.kept
                ? ` ${handOn.kept} stay${handOn.kept === 1 ? 's' : ''} yours: nobody else in ${handOn.kept === 1 ? 'its team' : 'their teams'} can take ${handOn.kept === 1 ? 'it' : 'them'} now.`
                : null}
            </p>
          ) : (
            <button
              type="button"
              className="status-hand-on"
              disabled={handOn === 'busy'}
              onClick={() => void handOnAll()}
            >
              {handOn === 'sure'
                ? 'Yes, hand them all on now'
                : handOn === 'busy'
                  ? 'Handing on…'
                  : 'Hand on my accepted handoffs too…'}
            </button>
          )}
          {statusError ? (
            <p className="small status-error" role="alert">
              Not changed: {statusError}
            </p>
          ) : null}
        </fieldset>
        <ul aria-label="Your account">
          <li>
            <button type="button" onClick={() => choose('password')}>
              Change your password
            </button>
          </li>
          <li>
            <button type="button" onClick={() => choose('sessions')}>
              Your sessions
            </button>
          </li>
          <li>
            <button type="button" onClick={() => choose('twoStep')}>
              Two-step sign-in
            </button>
          </li>
          <li>
            <button type="button" onClick={() => choose('notifications')}>
              Notification settings
            </button>
          </li>
        </ul>
      </div>
      <PasswordDialog open={opened === 'password'} onClose={() => setOpened(null)} />
      <TwoStepDialog open={opened === 'twoStep'} onClose={() => setOpened(null)} />
      <SessionsDialog open={opened === 'sessions'} onClose={() => setOpened(null)} />
      <NotificationSettings open={opened === 'notifications'} onClose={() => setOpened(null)} />
    </>
  );
}
