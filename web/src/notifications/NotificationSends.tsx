import { useEffect, useRef, useState } from 'react';
import type { NotificationSend, SendState } from '../../../src/notifications/notifications.types.ts';
import { get, post, query } from '../api/client.ts';
import { Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { countsLine, type SendsPage, sendFilters } from './notification-sends.ts';
import { SendsTable } from './SendsTable.tsx';

const path = '/api/v1/notifications/sends';
const pageSize = 50;

/**
 * The organisation's Slack and e-mail notification sends (admins): how they stand, the ones given
 * up or being retried with the receiver's answer, and a way to try one again once it is fixed.
 * The webhook dead letters' counterpart for what Baton sends to people and team channels.
 */
export function NotificationSends({ refreshed }: { refreshed: number }) {
  const [state, setState] = useState<SendState | undefined>('failed');
  const [older, setOlder] = useState<NotificationSend[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const [queued, setQueued] = useState<number[]>([]);
  const [failed, setFailed] = useState<unknown>(null);
  const page = useResource(`sends:${state ?? 'all'}`, async (signal) => {
    const answer = await get<SendsPage>(`${path}${query({ state, limit: pageSize })}`, signal);
    setOlder([]);
    setCursor(answer.nextBefore);
    return answer;
  });
  const rows = [...(page.data?.items ?? []), ...older];
  // The page's Refresh reads the sends again too (the first render has just read them).
  const reload = useRef(page.reload);
  reload.current = page.reload;
  useEffect(() => {
    if (refreshed) reload.current();
  }, [refreshed]);

  const showMore = async () => {
    if (cursor === null) return;
    setMore({ busy: true });
    try {
      const answer = await get<SendsPage>(`${path}${query({ state, limit: pageSize, before: cursor })}`);
      setOlder((o) => [...o, ...answer.items]);
      setCursor(answer.nextBefore);
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error });
    }
  };
  const resend = async (seq: number) => {
    setFailed(null);
    try {
      await post(`${path}/${seq}/resend`);
      setQueued((q) => [...q, seq]);
      page.reload();
    } catch (error) {
      setFailed(error);
    }
  };

  return (
    <Section title="Slack and e-mail notifications">
      <p className="small muted">
        What Baton sent to people’s and teams’ Slack and e-mail: each is tried 10 times over about two hours,
        then given up. Fix the address or the mail server, then try it again.
      </p>
      {page.data ? (
        <p className="small" data-testid="send-counts">
          {countsLine(page.data.counts)}
        </p>
      ) : null}
      <fieldset className="segmented">
        <legend className="visually-hidden">Show</legend>
        {sendFilters.map((f) => (
          <label key={f.label} className={state === f.state ? 'on' : ''}>
            <input
              type="radio"
              name="send-state"
              checked={state === f.state}
              onChange={() => {
                // The older pages read belong to the filter left.
                setOlder([]);
                setCursor(null);
                setState(f.state);
              }}
            />
            {f.label}
          </label>
        ))}
      </fieldset>
      {failed ? <ErrorNote error={failed} title="Could not try the send again" /> : null}
      {queued.length ? (
        <div className="note note-good" role="status" data-testid="send-queued">
          Trying again now: {queued.map((q) => `#${q}`).join(', ')}
        </div>
      ) : null}
      {page.error ? <ErrorNote error={page.error} title="The sends could not be read" /> : null}
      {page.loading && !page.data ? <Loading /> : null}
      {page.data && rows.length === 0 ? (
        <Empty title={state === 'failed' ? 'Nothing given up' : 'No sends'}>
          {state === 'failed' ? 'Every Slack message and e-mail of the last 30 days went through.' : null}
        </Empty>
      ) : null}
      {rows.length ? <SendsTable rows={rows} onResend={(seq) => void resend(seq)} /> : null}
      {more.error ? <ErrorNote error={more.error} title="Older sends could not be read" /> : null}
      {cursor !== null && rows.length ? (
        <button type="button" className="button small" disabled={more.busy} onClick={() => void showMore()}>
          {more.busy ? 'Reading…' : 'Show older'}
        </button>
      ) : null}
    </Section>
  );
}
