import { useState } from 'react';
import { sendFailedKind } from '../../../src/notifications/send-failure.ts';
import { api } from '../api/endpoints.ts';
import type { InboxItem } from '../api/types.ts';
import { counted, formatDateTime, relative } from '../app/format.ts';
import { navigate } from '../app/router.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { useInboxSignal } from '../live/useLive.tsx';
import { NotificationSettings } from './NotificationSettings.tsx';

/** Where a notification leads inside the app: its path, also when it was written as a full address. */
export function inAppPath(link: string | null): string | null {
  if (!link) return null;
  if (link.startsWith('/')) return link;
  try {
    const url = new URL(link);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

function Bell() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The person's notifications in the header: mentions, SLA warnings and escalations, pages, sentiment
 * dips, customers at risk. The count follows the live stream’s word that they changed; opening an item marks it read and goes to it.
 */
export function Inbox() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const [settings, setSettings] = useState(false);
  const inbox = useResource('notifications', (signal) => api.notifications(signal));
  // The server says when this person's notifications changed: a busy organisation's other events
  // cost the bell nothing.
  useInboxSignal(() => inbox.reload());
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  const openItem = async (n: InboxItem) => {
    setError(undefined);
    try {
      if (!n.readAt) await api.markNotificationRead(n.id);
    } catch (err) {
      setError(err);
      return;
    }
    inbox.reload();
    const path = inAppPath(n.link);
    if (path) {
      setOpen(false);
      navigate(path);
    } else if (n.kind === sendFailedKind) {
      // A Slack message or e-mail to the person was given up: their addresses are in the settings.
      setOpen(false);
      setSettings(true);
    }
  };
  const readAll = async () => {
    setError(undefined);
    try {
      await api.markAllNotificationsRead();
      inbox.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button ghost small inbox-button"
        onClick={() => {
          setOpen(true);
          inbox.reload();
        }}
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        title="Notifications"
      >
        <Bell />
        {unread ? (
          <span className="inbox-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <Dialog title="Notifications" open={open} onClose={() => setOpen(false)}>
        <p className="muted small">{unread ? `${counted(unread, 'unread notification')}.` : 'All read.'}</p>
        <ErrorNote error={error ?? inbox.error} title="The notifications could not be updated" />
        {items.length === 0 && inbox.data ? (
          <p className="muted">Nothing yet. Mentions and escalations arrive here.</p>
        ) : null}
        <ul className="inbox-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={`inbox-item${n.readAt ? '' : ' inbox-unread'}`}
                onClick={() => void openItem(n)}
              >
                <span className="inbox-title">{n.title}</span>
                <span className="inbox-body">{n.body}</span>
                <time className="muted small" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                  {relative(n.createdAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(false);
              setSettings(true);
            }}
          >
            Settings
          </button>
          <button type="button" className="button" onClick={() => void readAll()} disabled={!unread}>
            Mark all read
          </button>
          <button type="button" className="button primary" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </Dialog>
      <NotificationSettings open={settings} onClose={() => setSettings(false)} />
    </>
  );
}
