import { pagesAtOnce } from '../sla/deadline.ts';
import type { CustomerUpdateDraft, CustomerUpdateTemplate } from './continuity.types.ts';

export type CustomerUpdateInput = {
  customerName: string;
  teamName: string;
  ownerFirstName?: string | null;
  replyBy: Date;
  timezone?: string | null;
  language?: string | null;
  /** The scenario's versioned templates; the built-in text when it has none. */
  template?: CustomerUpdateTemplate | null;
  scenario?: string;
};

/** Used when a scenario has no templates of its own (recorded as version null). */
export const builtInTemplate =
  'Hi {customer}, thank you for your patience. Your case is now with {owner}. ' +
  'They have everything you have told us so far, so you will not need to explain it again. ' +
  'You will hear back from us by {replyBy}.';

const ownerPhrase: Record<string, (team: string, owner?: string | null) => string> = {
  en: (team, owner) => (owner ? `our ${team} team, where ${owner} is looking after it` : `our ${team} team`),
  es: (team, owner) =>
    owner ? `nuestro equipo de ${team}, donde ${owner} se ocupa de él` : `nuestro equipo de ${team}`,
  fr: (team, owner) => (owner ? `notre équipe ${team}, où ${owner} s'en occupe` : `notre équipe ${team}`),
  de: (team, owner) =>
    owner ? `unserem Team ${team}, wo ${owner} sich darum kümmert` : `unserem Team ${team}`,
};

// Building an Intl.DateTimeFormat costs about 150 µs (a tenth of a whole handoff send on PGlite),
// formatting with one a microsecond: every send drafts a customer update, so formatters are kept per
// language and zone (a zone that is no zone is remembered as null). Bounded: a few hundred zones.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string, language: string): Intl.DateTimeFormat | null {
  const key = `${language}\u0000${zone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    };
    try {
      format = new Intl.DateTimeFormat(language, options);
    } catch {
      // An unknown language falls back to British English; an unknown zone to UTC (null).
      format = language === 'en-GB' ? null : formatterFor(zone, 'en-GB');
    }
    if (formatters.size >= 2000) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/** The reply instant as the customer reads it: their zone's wall clock at that instant (DST included). */
export function formatReplyBy(at: Date, timezone: string | null | undefined, language: string): string {
  const format = timezone ? formatterFor(timezone, language) : null;
  return format ? format.format(at) : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The template for the conversation's language: exact tag, then its base language, then English, then any. */
export function pickLanguage(templates: Record<string, string>, language: string | null | undefined) {
  const tags = Object.keys(templates);
  const wanted = (language ?? '').toLowerCase();
  const base = wanted.split('-')[0];
  return (
    tags.find((t) => t.toLowerCase() === wanted) ??
    tags.find((t) => t.toLowerCase() === base) ??
    tags.find((t) => t === 'en') ??
    tags[0]!
  );
}

/**
 * The warm message for the customer when a handoff is sent: who has the case now, that the story
 * travels with it, and when they will hear back. Templates can only name the four customer-facing
 * facts below, so no packet field or internal note can ever reach the text.
 */
export function draftCustomerUpdate(input: CustomerUpdateInput): CustomerUpdateDraft {
  const t = input.template;
  const chosen = t ? pickLanguage(t.templates, input.language) : 'en';
  const text = t ? t.templates[chosen]! : builtInTemplate;
  const base = chosen.split('-')[0]!;
  const owner = t?.shareOwnerName === false ? null : input.ownerFirstName;
  const locale = input.language && input.language.split('-')[0] === base ? input.language : chosen;
  const values: Record<string, string> = {
    customer: input.customerName.trim().split(/\s+/)[0] || 'there',
    team: input.teamName,
    owner: (ownerPhrase[base] ?? ownerPhrase.en!)(input.teamName, owner),
    replyBy: formatReplyBy(input.replyBy, input.timezone, locale === 'en' ? 'en-GB' : locale),
  };
  return {
    text: text.replace(/\{(customer|team|owner|replyBy)\}/g, (_, k: string) => values[k]!),
    replyBy: input.replyBy.toISOString(),
    template: { scenario: input.scenario ?? '', version: t?.version ?? null, language: chosen },
  };
}

/**
 * The clock whose deadline the customer is promised a reply by: the pickup clock (`acknowledge`),
 * unless it pages at once (a supervisor paged the moment the handoff is sent leaves no time to
 * promise: the promise would be already past), else the first clock with time to it; none when
 * every clock pages at once.
 */
export function replyClockOf<C extends { name: string; target: string }>(
  clocks: readonly C[],
): C | undefined {
  const timed = clocks.filter((c) => !pagesAtOnce(c.target));
  return timed.find((c) => c.name === 'acknowledge') ?? timed[0];
}
