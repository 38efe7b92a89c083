// Proving an organisation owns an e-mail domain before its single sign-on signs that domain's
// addresses in: a DNS TXT record only the domain's owner can publish. Pure: the lookup is elsewhere.

/** How a domain was proved: by its DNS record, or saved where no proof was asked. */
export const domainProofs = ['dns', 'unchallenged'] as const;
export type DomainProof = (typeof domainProofs)[number];

/** `BATON_SSO_DOMAIN_PROOF`: `auto` asks for proof once the server holds more than one organisation. */
export const domainProofSettings = ['auto', 'dns', 'off'] as const;
export type DomainProofSetting = (typeof domainProofSettings)[number];

/** Whether a newly saved domain must be proved by DNS before it signs anyone in. */
export function proofAsked(setting: DomainProofSetting, organisations: number): boolean {
  return setting === 'dns' || (setting === 'auto' && organisations > 1);
}

/** What a DNS lookup of TXT records answers: each record as its strings. */
export type TxtLookup = (name: string) => Promise<string[][]>;

const recordPrefix = 'baton-domain-verification=';

/** The TXT record an admin publishes for `domain`: its name and its value. */
export function proofRecord(domain: string, token: string) {
  return { type: 'TXT' as const, name: `_baton-challenge.${domain}`, value: `${recordPrefix}${token}` };
}

/**
 * Whether the TXT records found at the record's name prove the domain: one of them is the value,
 * whole. A long TXT record comes as several strings, joined here as DNS clients do; surrounding
 * spaces and quotes pasted by hand are forgiven.
 */
export function provedBy(records: readonly (readonly string[])[], token: string): boolean {
  const expected = `${recordPrefix}${token}`;
  return records.some((chunks) => chunks.join('').trim().replace(/^"|"$/g, '') === expected);
}

/**
 * A domain proved by DNS stays proved only while its record stays published, as identity
 * providers and workplace tools check: a domain sold or lapsed must not keep signing its new
 * owner's addresses in here. It is looked up again each day, every few hours once the record is
 * missing, and stops signing in once the record has been missing for the grace (three days, so a
 * DNS migration that drops it for an afternoon costs nothing). DNS not answering is not the record
 * missing: it changes nothing.
 */
export const recheckEveryHours = 24;
export const recheckMissingEveryHours = 6;
export const missingGraceHours = 72;

const hoursMs = 3_600_000;

/** What looking the record up again found: it, not it (no record, or another value), or no answer. */
export type Recheck = 'found' | 'missing' | 'unanswered';

/** Whether a domain proved by DNS, last checked at `checkedAt` (or when proved), is due a look again. */
export function recheckDue(
  d: { checkedAt: Date | null; verifiedAt: Date | null; missingSince: Date | null },
  now: Date,
): boolean {
  const last = d.checkedAt ?? d.verifiedAt;
  if (!last) return true;
  const every = d.missingSince ? recheckMissingEveryHours : recheckEveryHours;
  return now.getTime() - last.getTime() >= every * hoursMs;
}

/** When a domain whose record has been missing since `missingSince` stops signing in. */
export const stopsSigningInAt = (missingSince: Date) =>
  new Date(missingSince.getTime() + missingGraceHours * hoursMs);

/** What a look again does to a proved domain: since when its record is missing, and whether it is now unproved. */
export function afterRecheck(
  found: Recheck,
  missingSince: Date | null,
  now: Date,
): { missingSince: Date | null; unprove: boolean } {
  if (found === 'found') return { missingSince: null, unprove: false };
  if (found === 'unanswered') return { missingSince, unprove: false };
  const since = missingSince ?? now;
  return { missingSince: since, unprove: now.getTime() >= stopsSigningInAt(since).getTime() };
}
