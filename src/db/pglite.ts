import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Every PGlite Baton opens, with the extensions its migrations use: case search's trigram indexes
 * (migration 0030) need pg_trgm's code loaded to write a case at all, so a database opened without
 * it could read but not write. The extension ships inside the npm package; nothing is downloaded.
 */
export function createPglite(dataDir?: string, options: Omit<PGliteOptions, 'dataDir' | 'extensions'> = {}) {
  return PGlite.create({ ...options, ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
}
