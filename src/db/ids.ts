import { randomFillSync } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes fetched a page at a time: a send makes a dozen ids, and a call into the system's
// generator per id cost more than building the rest of the id.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** Prefixed random ids (`cs_4k2...`): readable in logs and URLs, 100 bits of randomness. */
export function newId(prefix: string): string {
  if (used + 20 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + 20; i++) out += alphabet[pool[i]! & 31];
  used += 20;
  return `${prefix}_${out}`;
}
