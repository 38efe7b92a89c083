/** How many days after a case a new one from the same customer on the same issue type is a repeat contact. */
export const DEFAULT_REPEAT_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** A case as the repeat-contact rule sees it. */
export type ContactCase = {
  id: string;
  customerId: string;
  issueType: string | null;
  createdAt: Date;
  /** the earlier case this one is already linked to */
  repeatOf: string | null;
};

export type RepeatLink = { caseId: string; repeatOf: string; issueType: string; gapMs: number };

/** Issue types compare as the tagger and the API may spell them: " Billing " is "billing". */
export function sameIssueType(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The earlier case `c` repeats: the latest case of the same customer on the same issue type that was
 * opened at most `windowDays` before it (the customer is back about the thing they just raised).
 */
export function earlierContact(
  c: ContactCase,
  others: readonly ContactCase[],
  windowDays: number,
): ContactCase | undefined {
  const from = c.createdAt.getTime() - windowDays * DAY_MS;
  let best: ContactCase | undefined;
  for (const o of others) {
    const at = o.createdAt.getTime();
    if (o.id === c.id || o.customerId !== c.customerId || !sameIssueType(o.issueType, c.issueType)) continue;
    if (at >= c.createdAt.getTime() || at < from) continue;
    if (!best || at > best.createdAt.getTime()) best = o;
  }
  return best;
}

/**
 * The links to make now that `changed` has an issue type (on creation, or when the tagger or an
 * agent sets it later): `changed` itself, and later cases of the customer that were waiting for an
 * earlier case of their type. A case already linked keeps its link (links are facts in the log).
 */
export function linksToMake(
  changed: ContactCase,
  customerCases: readonly ContactCase[],
  windowDays: number,
): RepeatLink[] {
  if (!changed.issueType) return [];
  const all = customerCases.some((c) => c.id === changed.id) ? customerCases : [...customerCases, changed];
  const until = changed.createdAt.getTime() + windowDays * DAY_MS;
  const waiting = all.filter(
    (c) =>
      c.repeatOf === null &&
      (c.id === changed.id ||
        (sameIssueType(c.issueType, changed.issueType) &&
          c.createdAt.getTime() > changed.createdAt.getTime() &&
          c.createdAt.getTime() <= until)),
  );
  const links: RepeatLink[] = [];
  for (const c of waiting) {
    const earlier = earlierContact(c, all, windowDays);
    if (!earlier) continue;
    links.push({
      caseId: c.id,
      repeatOf: earlier.id,
      issueType: c.issueType!,
      gapMs: c.createdAt.getTime() - earlier.createdAt.getTime(),
    });
  }
  return links;
}
