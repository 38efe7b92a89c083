import type { CustomerProfile } from '../customers/customers.types.ts';

/** Tenure and value as a helpdesk payload gives them, in the words the churn risk reads. */
export type VendorProfile = Pick<CustomerProfile, 'customerSince' | 'annualValue' | 'tier'>;

const isoDay = (d: Date) => (Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10));

/**
 * A customer-since date from a helpdesk field: `2021-06-01`, an ISO instant, or Unix seconds (as
 * Intercom writes times). Anything else is unreadable and left out: a custom field a lead filled
 * by hand must not cost the ticket its event.
 */
export function vendorDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0)
    return isoDay(new Date(value > 1e11 ? value : value * 1000));
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (/^\d{9,13}$/.test(v)) return vendorDate(Number(v));
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(v);
  if (!m) return spelledDate(v);
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // 2021-02-30 rolls over in Date.UTC: not a day.
  if (day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) return undefined;
  // An instant's own date as written (`2024-11-02T23:30:00-05:00` is 2 November where it was said).
  return isoDay(day);
}

/** A date as a helpdesk renders it for people (`Sat, 2 Nov 2024`, `November 2, 2024`), read at noon UTC. */
function spelledDate(v: string): string | undefined {
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;
  if (!/^[\w ,.]+$/.test(v) || !month.test(v) || !/\b\d{4}\b/.test(v) || !/\b\d{1,2}\b/.test(v))
    return undefined;
  const at = Date.parse(`${v} 12:00 UTC`);
  return Number.isNaN(at) ? undefined : isoDay(new Date(at));
}

/**
 * An amount from a helpdesk field: a number, or text such as `48000.0`, `12,500`, `$48,000.00` or
 * `EUR 12 500`. A comma is a thousands separator only in groups of three digits; otherwise a
 * decimal comma. Negative or unreadable amounts are left out.
 */
export function vendorAmount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v.startsWith('-')) return undefined;
  const digits = v
    .replace(/^[^\d]*/, '')
    .replace(/[^\d]*$/, '')
    .replace(/[\s\u00a0_']/g, '');
  if (!/^[\d.,]+$/.test(digits)) return undefined;
  let normal = digits;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) normal = digits.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits)) normal = digits.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(digits)) normal = digits.replace(',', '.');
  const n = Number(normal);
  return /^\d+(\.\d+)?$/.test(normal) && Number.isFinite(n) && n <= 1e12 ? n : undefined;
}

/** A tier or plan name (`Gold`, `{name: "Enterprise"}`), stored lower case as the CSV import does. */
export function vendorTier(value: unknown): string | undefined {
  const name = value && typeof value === 'object' ? (value as { name?: unknown }).name : (value as unknown);
  if (typeof name !== 'string') return undefined;
  const t = name.trim().toLowerCase();
  return t && t.length <= 200 ? t : undefined;
}

/** The first readable value of each field, in the order the sources are given; absent fields stay absent. */
export function vendorProfile(
  ...sources: { customerSince?: unknown; annualValue?: unknown; tier?: unknown }[]
): VendorProfile {
  const first = <T>(read: (v: unknown) => T | undefined, key: 'customerSince' | 'annualValue' | 'tier') => {
    for (const s of sources) {
      const v = read(s[key]);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const p: VendorProfile = {};
  const since = first(vendorDate, 'customerSince');
  const value = first(vendorAmount, 'annualValue');
  const tier = first(vendorTier, 'tier');
  if (since !== undefined) p.customerSince = since;
  if (value !== undefined) p.annualValue = value;
  if (tier !== undefined) p.tier = tier;
  return p;
}

/** A customer-since date after today is a typo (or a renewal date in the wrong field): dropped. */
export function withoutFutureTenure<T extends VendorProfile>(p: T, today: string): T {
  if (p.customerSince === undefined || p.customerSince <= today) return p;
  const { customerSince: _, ...rest } = p;
  return rest as T;
}

/** `{customer_since, annual_value, tier}` as a rule's JSON body names them; anything not an object has none. */
export function snakeFields(obj: unknown, tierKey = 'tier') {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return {};
  const o = obj as Record<string, unknown>;
  return { customerSince: o.customer_since, annualValue: o.annual_value, tier: o[tierKey] };
}
