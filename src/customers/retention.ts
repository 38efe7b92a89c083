// The retention schedule's rule: a customer is erased once nothing of theirs has moved for the
// organisation's number of days, and nothing of theirs is still being worked on.

const DAY_MS = 86_400_000;

/** The shortest and longest schedules an admin may set: a month, ten years. */
export const retentionDays = { min: 30, max: 3650 } as const;

/** The instant before which a customer's last contact must lie for them to be erased `now`. */
export function retentionCutoff(eraseAfterDays: number, now: Date): Date {
  return new Date(now.getTime() - eraseAfterDays * DAY_MS);
}

/** The reason the change log gives for an erasure by the schedule. */
export const retentionReason = (eraseAfterDays: number) =>
  `retention schedule: no contact for ${eraseAfterDays} days`;
