/**
 * The unique constraint an error (or an error it wraps: Drizzle wraps the driver's) says was
 * violated (SQLSTATE 23505), or null. PGlite and node-postgres both name it in the message.
 */
export function uniqueViolation(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 8; depth++) {
    const { code, message, constraint, cause } = e as {
      code?: unknown;
      message?: unknown;
      constraint?: unknown;
      cause?: unknown;
    };
    if (code === '23505') {
      if (typeof constraint === 'string') return constraint;
      const named = typeof message === 'string' ? /constraint "([^"]+)"/.exec(message) : null;
      return named?.[1] ?? 'unknown';
    }
    e = cause;
  }
  return null;
}
