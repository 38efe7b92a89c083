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
