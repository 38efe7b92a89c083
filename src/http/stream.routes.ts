import { streamSSE } from 'hono/streaming';
import type { App } from './app.ts';

/** Server-sent events: the caller's organisation's case events, live. */
export function registerStreamRoutes(app: App) {
  app.get('/api/v1/stream', (c) => {
    const { hub } = c.var.services;
    const orgId = c.var.principal.orgId;
    const caseFilter = c.req.query('case');
    return streamSSE(c, async (stream) => {
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      const off = hub.subscribe((a) => {
        if (a.orgId !== orgId || (caseFilter && a.caseId !== caseFilter)) return;
        queue.push(JSON.stringify(a));
        wake?.();
      });
      stream.onAbort(() => {
        off();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ orgId }) });
      while (!stream.aborted) {
        while (queue.length) await stream.writeSSE({ event: 'case-event', data: queue.shift()! });
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 15_000);
        });
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.writeSSE({ event: 'ping', data: '{}' });
      }
      off();
    });
  });
}
