/**
 * The SQLSTATE an error carries, or the first of the errors it wraps that carries one (Drizzle
 * wraps the driver's error as its `cause`; PGlite and node-postgres both set `code`).
 */
export function sqlStateOf(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 8; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = cause;
  }
  return null;
}

/** SQLSTATE 55P03: a `NOWAIT` lock found its row held. */
export const lockNotAvailable = (error: unknown) => sqlStateOf(error) === '55P03';
