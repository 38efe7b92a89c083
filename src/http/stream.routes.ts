import { streamSSE } from 'hono/streaming';
import { personChanged, referenceChanged } from '../notifications/notice.commands.ts';
import type { App } from './app.ts';
import { stillSignedIn } from './still-signed-in.ts';

/** A quiet stream's keep-alive, and the longest its credential goes unchecked while it is quiet. */
const pingMs = 15_000;
/** How often, at most, a busy stream checks its credential before it hands out more events. */
export const recheckMs = 2_000;

/**
 * Server-sent events: the caller's organisation's case events, live (`case-event`), `inbox`
 * when the caller's own notifications changed (one came, or one was read in another tab), and `me`
 * when their own record did (a lead set their status), `reference` when the organisation's people,
 * teams, calendars or scenarios did (re-read them). A stream outlives the request
 * that opened it, so it checks its credential as it goes: once the session is signed out, ended
 * elsewhere or idle, or the token revoked, it sends `signed-out` and closes, and hands out no event
 * after that.
 */
export function registerStreamRoutes(app: App) {
  app.get('/api/v1/stream', (c) => {
    const { hub } = c.var.services;
    const orgId = c.var.principal.orgId;
    const caseFilter = c.req.query('case');
    return streamSSE(c, async (stream) => {
      const queue: { event: 'case-event' | 'inbox' | 'me' | 'reference'; data: string }[] = [];
      const personId = c.var.principal.personId;
      let wake: (() => void) | undefined;
      let checkedAt = Date.now();
      const signedIn = async (force: boolean) => {
        if (!force && Date.now() - checkedAt < recheckMs) return true;
        checkedAt = Date.now();
        return stillSignedIn(c);
      };
      const off = hub.subscribe((a) => {
        if (a.orgId !== orgId) return;
        // The organisation's people, teams or scenarios changed: every page of it, whatever its filter.
        if (a.type === referenceChanged)
          queue.push({
            event: 'reference',
            data: JSON.stringify({ at: a.at, ...(a.availability ? { availability: a.availability } : {}) }),
          });
        // A signal for one person (their inbox changed) reaches their streams alone, whatever the case filter.
        else if (a.personId !== undefined) {
          if (a.personId !== personId) return;
          queue.push({
            event: a.type === personChanged ? 'me' : 'inbox',
            data: JSON.stringify({ at: a.at }),
          });
        } else if (caseFilter && a.caseId !== caseFilter) return;
        else queue.push({ event: 'case-event', data: JSON.stringify(a) });
        wake?.();
      });
      stream.onAbort(() => {
        off();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ orgId }) });
      while (!stream.aborted) {
        if (queue.length && !(await signedIn(false))) break;
        while (queue.length) await stream.writeSSE(queue.shift()!);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pingMs);
        });
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) {
          if (!(await signedIn(true))) break;
          await stream.writeSSE({ event: 'ping', data: '{}' });
        }
      }
      off();
      if (!stream.aborted) await stream.writeSSE({ event: 'signed-out', data: '{}' });
    });
  });
}
