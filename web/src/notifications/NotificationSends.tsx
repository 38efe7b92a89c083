import { useEffect, useRef, useState } from 'react';
import type { NotificationSend } from '../../../src/notifications/notifications.types.ts';
import { get, post, query } from '../api/client.ts';
import { navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import {
  countsLine,
  parseSendState,
  parseSendsFor,
  type SendsPage,
  sendFilters,
  sendStateParam,
  sendsForParam,
  sendsSectionId,
} from './notification-sends.ts';
import { SendsTable } from './SendsTable.tsx';

const path = '/api/v1/notifications/sends';
const pageSize = 50;

/**
 * The organisation's Slack and e-mail notification sends (leads and admins): how they stand, the
 * ones given up or being retried with the receiver's answer, and a way to try one again once it is
 * fixed; kept to one team or one person ("I never got the Slack message"). The webhook dead letters'
 * counterpart for what Baton sends to people and team channels. The filters live in the address, so
 * a team's card can link to its sends.
 */
export function NotificationSends({ refreshed }: { refreshed: number }) {
  const s = useSession();
  const { path: here, search } = useLocation();
  const state = parseSendState(search.get('sends'));
  const scope = parseSendsFor(search.get('sendsFor'));
  const scopeKey = sendsForParam(scope);
  const [older, setOlder] = useState<NotificationSend[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const [queued, setQueued] = useState<number[]>([]);
  const [failed, setFailed] = useState<unknown>(null);
  const filter = {
    state,
    team: scope && 'team' in scope ? scope.team : undefined,
    person: scope && 'person' in scope ? scope.person : undefined,
  };
  const page = useResource(`sends:${state ?? 'all'}:${scopeKey}`, async (signal) => {
    const answer = await get<SendsPage>(`${path}${query({ ...filter, limit: pageSize })}`, signal);
    setOlder([]);
    setCursor(answer.nextBefore);
    return answer;
  });
  const setParam = (key: 'sends' | 'sendsFor', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    // The older pages read belong to the filter left.
    setOlder([]);
    setCursor(null);
    navigate(`${here}${next.size ? `?${next}` : ''}`, { replace: true, keepScroll: true });
  };
  // Arriving from a team's card: the list is what was asked for, not the page's top.
  const arrived = useRef(Boolean(scope));
  useEffect(() => {
    if (arrived.current) document.getElementById(sendsSectionId)?.scrollIntoView({ block: 'start' });
  }, []);
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
      const answer = await get<SendsPage>(`${path}${query({ ...filter, limit: pageSize, before: cursor })}`);
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
    <Section title="Slack and e-mail notifications" id={sendsSectionId}>
      <p className="small muted">
        What Baton sent to people’s and teams’ Slack and e-mail: each is tried 10 times over about two hours,
        then given up. Fix the address or the mail server, then try it again.
      </p>
      {page.data ? (
        <p className="small" data-testid="send-counts">
          {countsLine(page.data.counts)}
        </p>
      ) : null}
      <div className="toolbar">
        <div className="inline-field">
          <label htmlFor="sends-for">For</label>
          <select id="sends-for" value={scopeKey} onChange={(e) => setParam('sendsFor', e.target.value)}>
            <option value="">Everyone</option>
            <optgroup label="Teams (channel and members)">
              {s.teams.map((t) => (
                <option key={t.key} value={sendsForParam({ team: t.key })}>
                  {t.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="People">
              {s.people.map((p) => (
                <option key={p.id} value={sendsForParam({ person: p.id })}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {sendFilters.map((f) => (
            <label key={f.label} className={state === f.state ? 'on' : ''}>
              <input
                type="radio"
                name="send-state"
                checked={state === f.state}
                onChange={() => setParam('sends', sendStateParam(f.state))}
              />
              {f.label}
            </label>
          ))}
        </fieldset>
      </div>
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
