import { Resolver } from 'node:dns/promises';
import type { TxtLookup } from './domain-proof.ts';

/**
 * TXT records as DNS answers them now: through `servers` (`host` or `host:port`) when given, else
 * the system's resolvers. A few seconds at most, so an admin's check does not hang.
 */
export function txtLookup(servers?: readonly string[]): TxtLookup {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers?.length) resolver.setServers([...servers]);
  return (name) => resolver.resolveTxt(name);
}

/** Lookup errors that mean nothing is published there (no such name, no TXT record): not DNS failing. */
export const nothingPublished = new Set(['ENOTFOUND', 'ENODATA']);
