/** A small fetch client: JSON in and out, the session cookie, and one error type for every failure. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field at fault, when the server names one. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }

  /** For `packet_incomplete`: the packet fields the scenario still needs. */
  get missing(): string[] {
    return Array.isArray(this.details.missing) ? (this.details.missing as string[]) : [];
  }
}

type Listener = () => void;
type UnauthenticatedListener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Called when any request answers 401: the session has ended. The error says why when the server
 * does (`details.reason` `idle`: the organisation's idle limit ended it), for the sign-in page.
 */
export function onUnauthenticated(fn: UnauthenticatedListener) {
  unauthenticatedListeners.add(fn);
  return () => {
    unauthenticatedListeners.delete(fn);
  };
}

const setupListeners = new Set<Listener>();

/**
 * Called when a request answers 403 `two_step_setup_required`: an admin required two-step sign-in
 * of this person while the app was open, and nothing else works until they set it up.
 */
export function onTwoStepSetupRequired(fn: Listener) {
  setupListeners.add(fn);
  return () => {
    setupListeners.delete(fn);
  };
}

/** A random key; works outside secure contexts too (crypto.randomUUID does not). */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Options = {
  body?: unknown;
  signal?: AbortSignal;
  idempotencyKey?: string;
  quiet401?: boolean;
  /** A write that is safe to repeat (a presence heartbeat) skips the Idempotency-Key and its bookkeeping. */
  noIdempotencyKey?: boolean;
  /** Survives the page closing (a goodbye sent on pagehide). */
  keepalive?: boolean;
};

async function parse(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  // Writes carry an Idempotency-Key: a retry after a dropped connection does not duplicate them.
  if (method !== 'GET' && !opts.noIdempotencyKey)
    headers['idempotency-key'] = opts.idempotencyKey ?? randomKey();
  const send = () =>
    fetch(path, {
      method,
      headers,
      body,
      signal: opts.signal,
      credentials: 'same-origin',
      keepalive: opts.keepalive,
    });
  let res: Response;
  try {
    res = await send();
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    try {
      res = await send();
    } catch {
      throw new ApiError(0, 'network', 'Baton cannot be reached. Check your connection and try again.');
    }
  }
  const data = await parse(res);
  if (res.ok) return data as T;
  const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
  const { code = 'http_error', message = `${res.status} ${res.statusText}`, ...details } = err ?? {};
  const error = new ApiError(res.status, code, message, details);
  if (res.status === 401 && !opts.quiet401) for (const fn of unauthenticatedListeners) fn(error);
  if (res.status === 403 && code === 'two_step_setup_required') for (const fn of setupListeners) fn();
  throw error;
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal });
export const post = <T>(path: string, body?: unknown, opts: Omit<Options, 'body'> = {}) =>
  request<T>('POST', path, { ...opts, body: body ?? {} });
export const put = <T>(path: string, body: unknown, opts: Omit<Options, 'body'> = {}) =>
  request<T>('PUT', path, { ...opts, body });
export const patch = <T>(path: string, body: unknown, opts: Omit<Options, 'body'> = {}) =>
  request<T>('PATCH', path, { ...opts, body });
export const del = <T>(path: string, opts: Omit<Options, 'body'> = {}) => request<T>('DELETE', path, opts);

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
