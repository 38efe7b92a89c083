import { useState } from 'react';
import { get, query } from '../api/client.ts';
import { useSession } from '../app/session.tsx';
import { ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import type { SendsPage } from './notification-sends.ts';
import { SendsTable } from './SendsTable.tsx';

const shown = 10;

/**
 * The person's own last Slack and e-mail sends, read when opened: "did my Slack message go?"
 * answered without asking a lead, with the receiver's answer when one failed.
 */
export function OwnSends() {
  const me = useSession().me.person;
  const [open, setOpen] = useState(false);
  const sends = useResource(open && me ? `own-sends:${me.id}` : null, (signal) =>
    get<SendsPage>(`/api/v1/notifications/sends${query({ person: me?.id, limit: shown })}`, signal),
  );
  if (!me) return null;
  return (
    <details className="own-sends" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Your last {shown} Slack and e-mail sends</summary>
      <ErrorNote error={sends.error} title="Your sends could not be read" />
      {sends.loading && !sends.data ? <Loading /> : null}
      {sends.data && sends.data.items.length === 0 ? (
        <p className="small muted">Nothing was sent to your Slack or e-mail in the last 30 days.</p>
      ) : null}
      {sends.data?.items.length ? (
        <div className="table-wrap">
          <SendsTable rows={sends.data.items} own />
        </div>
      ) : null}
    </details>
  );
}
