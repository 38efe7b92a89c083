import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Api } from '../soak/http.ts';
import type { Baton } from '../soak/server.ts';
import { openEventStream } from '../soak/sse.ts';
import { type Clients, caseBody } from './clients.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Debian's cluster of this machine: `<version>/main`, the version read from /etc/postgresql. */
export function localCluster(): string {
  const [version] = readdirSync('/etc/postgresql');
  return `${version}/main`;
}

/** Restarts the PostgreSQL cluster underneath every client of it; answers how long it took. */
export async function restartCluster(cluster: string): Promise<number> {
  const [version, name] = cluster.split('/');
  const started = performance.now();
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version!, name!, 'restart'], {
    timeout: 120_000,
  });
  return performance.now() - started;
}

/**
 * PostgreSQL restarted while the clients write and a reader polls: Baton must stay up (same pid),
 * answer the outage with 503 `unavailable` (never a 500 or a dropped connection), write again as soon
 * as PostgreSQL is back, and keep streaming live events (its LISTEN connection comes back).
 */
export async function pgRestartPhase(o: {
  server: Baton;
  api: Api;
  token: string;
  clients: Clients;
  cluster: string;
}) {
  const { server, api, clients } = o;
  const stream = openEventStream(server.url, o.token, { keep: true });
  await stream.ready;
  const pidBefore = server.pid;
  clients.phase = 'pg-restart';
  await sleep(2000);
  clients.takeTally();
  const reads: Record<string, number> = {};
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const r = await api('GET', '/api/v1/handoffs?team=finance&state=sent', undefined, {
        timeoutMs: 10_000,
      }).catch(() => undefined);
      const k = r ? `${r.status}${r.body?.error?.code ? ` ${r.body.error.code}` : ''}` : 'no answer';
      reads[k] = (reads[k] ?? 0) + 1;
      await sleep(100);
    }
  })();
  const restartMs = await restartCluster(o.cluster);
  const restartedAt = performance.now();
  // The first write that succeeds after PostgreSQL is back.
  let recoveryMs: number | undefined;
  let probe = 0;
  while (recoveryMs === undefined && performance.now() - restartedAt < 30_000) {
    const r = await api('POST', '/api/v1/cases', caseBody(`chaos recovery probe ${probe}`), {
      key: `recovery-${pidBefore}-${probe++}`,
    }).catch(() => undefined);
    if (r?.status === 201) recoveryMs = performance.now() - restartedAt;
    else await sleep(100);
  }
  await sleep(2000);
  reading = false;
  await reader;
  const writes = clients.takeTally();
  // Live events after the restart: a case written now reaches the stream opened before it.
  const after = await api('POST', '/api/v1/cases', caseBody(`chaos after restart ${pidBefore}`));
  const seen = await stream.waitFor(
    (e) => e.event === 'case-event' && e.data?.caseId === after.body?.id,
    10_000,
  );
  stream.close();
  clients.phase = 'after-pg-restart';
  const statuses = Object.keys({ ...writes, ...reads });
  return {
    cluster: o.cluster,
    restartMs: Math.round(restartMs),
    firstWriteAfterRestartMs: recoveryMs === undefined ? null : Math.round(recoveryMs),
    batonStayedUp: server.exit() === undefined && server.pid === pidBefore,
    answersDuringOutage: { writes, reads },
    only2xxOr503: statuses.every((s) => /^2\d\d$/.test(s) || s === '503 unavailable'),
    liveEventsAfterRestart: seen !== undefined,
  };
}
