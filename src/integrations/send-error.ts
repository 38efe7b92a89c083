/**
 * What went wrong with an outgoing request, in words a person can act on. Node's fetch says only
 * "fetch failed" and keeps the reason in `cause` ("connect ECONNREFUSED 10.0.0.7:443", "getaddrinfo
 * ENOTFOUND hooks.example.com"); a timeout is an AbortSignal's "The operation was aborted due to
 * timeout" (said with the wait when `timeoutMs` is given).
 */
export function sendError(e: unknown, timeoutMs?: number): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) return cause.message;
  if (e.name === 'TimeoutError')
    return timeoutMs ? `no answer in ${timeoutMs / 1000} s` : 'no answer in time (timed out)';
  return e.message;
}
