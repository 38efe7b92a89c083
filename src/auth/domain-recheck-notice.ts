import { proofRecord, stopsSigningInAt } from './domain-proof.ts';

/**
 * What the admins' inboxes hear of the daily DNS check: once when a proved domain's record goes
 * missing (while there is time to put it back) and once when the domain stops signing in. The
 * settings page says the same, but nobody opens it unless told.
 */
export const domainRecordKind = 'sso_domain_record';

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function recordMissingNotice(domain: string, missingSince: Date) {
  return {
    kind: domainRecordKind,
    eventId: `domain-missing:${domain}:${missingSince.toISOString()}`,
    title: `The DNS record proving ${domain} is missing`,
    body: `Baton’s daily check no longer finds the TXT record at ${proofRecord(domain, '').name}. Put it back before ${utc(stopsSigningInAt(missingSince))}, or ${domain} stops signing anyone in with single sign-on.`,
    link: '/settings/security',
  };
}

export function unprovedNotice(domain: string, at: Date) {
  return {
    kind: domainRecordKind,
    eventId: `domain-unproved:${domain}:${at.toISOString()}`,
    title: `${domain} no longer signs in with single sign-on`,
    body: `Its DNS record was missing for three days, so Baton no longer counts the domain as yours. Its people sign in with their passwords (or reset them) until you publish the record and prove the domain again.`,
    link: '/settings/security',
  };
}
