/** A small JSON client for the Baton API over loopback HTTP, as a helpdesk or a browser would call it. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON of any route, read as the test harness does
export type Reply = { status: number; body: any; replayed: boolean; ms: number };

export type Api = (
  method: string,
  path: string,
  body?: unknown,
  opts?: { key?: string; timeoutMs?: number },
) => Promise<Reply>;

/** Throws on a network error (refused, reset, timed out): the caller decides what that means. */
export function apiClient(baseUrl: string, token: string): Api {
  const base = new URL(baseUrl);
  if (!isLoopback(base.hostname)) throw new Error(`refusing a non-loopback target ${base.hostname}`);
  return async (method, path, body, opts = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (opts.key) headers['idempotency-key'] = opts.key;
    const started = performance.now();
    const res = await fetch(new URL(path, base), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return {
      status: res.status,
      body: parsed,
      replayed: res.headers.get('idempotency-replayed') === 'true',
      ms,
    };
  };
}

/** Load and fault tests may only reach this machine: 127.0.0.0/8, localhost or ::1. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
