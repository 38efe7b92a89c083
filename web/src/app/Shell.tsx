import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Availability } from '../api/types.ts';
import { useLiveStatus, useMeSignal, useReferenceSignal } from '../live/useLive.tsx';
import { Inbox } from '../notifications/Inbox.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { areas } from './access.ts';
import { availabilityWords } from './availability-words.ts';
import { humanize } from './format.ts';
import { Link, useLocation } from './router.tsx';
import { useSession } from './session.tsx';
import { Dialog, Kbd } from './ui.tsx';

type NavItem = { to: string; label: string; show: boolean };

export const shortcutHelp: [string, string][] = [
  ['j / ↓', 'Next handoff in the queue (in Cases, j alone: the next case)'],
  ['k / ↑', 'Previous handoff (in Cases, k alone: the previous case)'],
  ['Enter', 'Open the selected handoff or case'],
  ['a', 'Accept'],
  ['b', 'Bounce (with a reason)'],
  ['r r', 'Resolve (r twice: a resolved handoff stays resolved)'],
  ['o', 'Reassign (the picked handoffs, when some are picked)'],
  ['x', 'Pick the handoff to reassign several together'],
  ['Shift + x', 'Pick every handoff from the one picked last to this one'],
  ['Esc', 'Unpick them all'],
  ['/', 'Search the queue or the cases'],
  ['?', 'Show this help'],
];

export function Shell({ children }: { children: ReactNode }) {
  const s = useSession();
  const { path } = useLocation();
  const live = useLiveStatus();
  const [help, setHelp] = useState(false);
  const nav = useRef<HTMLElement>(null);

  // When the places scroll inside the header (a narrow window), the current one is brought into sight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on each new page, when the current place changes
  useEffect(() => {
    const box = nav.current;
    const current = box?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!box || !current) return;
    const start = current.offsetLeft;
    const end = start + current.offsetWidth;
    if (start < box.scrollLeft || end > box.scrollLeft + box.clientWidth)
      box.scrollLeft = start - (box.clientWidth - current.offsetWidth) / 2;
  }, [path]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement;
      if (t.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      setHelp(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const items: NavItem[] = areas.flatMap((a) =>
    a.nav ? [{ to: a.path, label: a.nav, show: !a.roles || s.can(...(a.navRoles ?? a.roles)) }] : [],
  );
  const person = s.me.person;
  const roleText = s.me.roles.map(humanize).join(', ');
  const known = (person?.availability as Availability | undefined) ?? 'available';
  const [availability, setAvailability] = useState<Availability>(known);
  // A re-read of the session is followed: after a lead set it (the stream says `me`), or another tab.
  useEffect(() => setAvailability(known), [known]);
  useMeSignal(() => void s.refresh().catch(() => undefined));
  // And so is the organisation's, when someone else's changed: owner choices follow who may own.
  useReferenceSignal((changed) =>
    changed.reread ? void s.refresh().catch(() => undefined) : s.applyAvailability(changed.availability),
  );
  const personText = (
    <>
      <span className="avatar" aria-hidden="true">
        {(person?.name ?? 'A')
          .split(' ')
          .map((w) => w[0])
          .slice(0, 2)
          .join('')}
        {person ? (
          <span
            className={`status-dot status-${availability}`}
            data-testid="my-status"
            data-status={availability}
          />
        ) : null}
      </span>
      <span className="person-text">
        <span className="person-name">{person?.name ?? 'Administrator'}</span>
        <span className="person-roles">{roleText}</span>
      </span>
    </>
  );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>Baton</span>
        </div>
        <span className="org-name" title="Organisation">
          {s.me.organisation.name}
        </span>
        <nav aria-label="Main" className="mainnav" ref={nav}>
          <ul>
            {items
              .filter((i) => i.show)
              .map((i) => {
                const current =
                  path === i.to ||
                  path.startsWith(`${i.to}/`) ||
                  (i.to === '/queue' && path.startsWith('/handoffs/')) ||
                  (i.to === '/analytics' && (path.startsWith('/reviews') || path.startsWith('/audit')));
                return (
                  <li key={i.to}>
                    <Link to={i.to} aria-current={current ? 'page' : undefined}>
                      {i.label}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </nav>
        <div className="topbar-right">
          <span className={`live ${live ? 'live-on' : 'live-off'}`} role="status" aria-live="polite">
            <span className="live-dot" aria-hidden="true" />
            <span className="live-text">{live ? 'Live' : 'Connecting…'}</span>
          </span>
          {s.me.person ? <Inbox /> : null}
          <button
            type="button"
            className="button ghost small"
            onClick={() => setHelp(true)}
            aria-label="Keyboard shortcuts"
          >
            <Kbd>?</Kbd>
          </button>
          {s.me.person ? (
            <AccountMenu
              trigger={personText}
              label={`your account${availability === 'available' ? '' : `, ${availabilityWords[availability].label.toLowerCase()}`}`}
              personId={s.me.person.id}
              availability={availability}
              onAvailability={(a) => {
                setAvailability(a);
                // The people lists (owners offered, the team cards) say who is away.
                s.refresh().catch(() => undefined);
              }}
            />
          ) : (
            <span className="person" data-testid="current-person">
              {personText}
            </span>
          )}
          <button type="button" className="button ghost small" onClick={s.signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <Dialog title="Keyboard shortcuts" open={help} onClose={() => setHelp(false)}>
        <table className="shortcuts">
          <tbody>
            {shortcutHelp.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <Kbd>{k}</Kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button type="button" className="button primary" onClick={() => setHelp(false)}>
            Close
          </button>
        </div>
      </Dialog>
    </>
  );
}
