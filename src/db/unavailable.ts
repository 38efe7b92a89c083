/** SQLSTATE classes that mean "the server went away", not "this query is wrong". */
const unavailableStates = /^(08...|57P01|57P02|57P03|53300)$/;
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const unavailableMessages =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed/;

/**
 * True when an error (or any error it wraps: Drizzle wraps the driver's) says the database cannot
 * be reached right now, as while PostgreSQL restarts or fails over. Such a request is answered
 * 503 `unavailable` (retry with the same Idempotency-Key) rather than 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; depth++) {
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown[];
    };
    if (typeof code === 'string' && (unavailableStates.test(code) || unavailableCodes.has(code))) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = cause;
  }
  return false;
}
