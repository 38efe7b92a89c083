import type { CustomerProfile } from '../customers/customers.types.ts';
import { isValidTimeZone } from '../sla/sla.types.ts';
import { vendorProfile, withoutFutureTenure } from './vendor-profile.ts';

/** The customer of a generic inbound event as the webhook carries it: profile fields not yet read. */
export type GenericCustomerInput = {
  externalId: string;
  name: string;
  customerSince?: unknown;
  annualValue?: unknown;
  tier?: unknown;
  language?: unknown;
  timezone?: unknown;
};

export type GenericCustomer = Pick<
  CustomerProfile,
  'customerSince' | 'annualValue' | 'tier' | 'language' | 'timezone'
> & {
  externalId: string;
  /** Trimmed; left out when blank, so a later event never blanks a stored name. */
  name?: string;
};

/** An IANA zone in any case (`europe/lisbon`), stored as the tz database spells it; anything else is left out. */
export function vendorTimeZone(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!v || v.length > 100 || !isValidTimeZone(v)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: v }).resolvedOptions().timeZone;
}

/** A language tag (`pt-BR`, `pt_br`, `EN`), in its canonical case; what the CSV import would refuse is left out. */
export function vendorLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v) || v.length > 20) return undefined;
  try {
    return Intl.getCanonicalLocales(v)[0];
  } catch {
    return undefined;
  }
}

/**
 * The generic webhook's customer in Baton's words. Its profile fields are read as leniently as the
 * vendor adapters read theirs: an unreadable one, or a customer-since after today, is left out and
 * the event still applies, so a helpdesk's odd field never costs it the event.
 */
export function genericCustomer(c: GenericCustomerInput, today: string): GenericCustomer {
  const out: GenericCustomer = {
    externalId: c.externalId,
    ...withoutFutureTenure(vendorProfile(c), today),
  };
  const name = c.name.trim();
  if (name) out.name = name;
  const language = vendorLanguage(c.language);
  const timezone = vendorTimeZone(c.timezone);
  if (language !== undefined) out.language = language;
  if (timezone !== undefined) out.timezone = timezone;
  return out;
}
