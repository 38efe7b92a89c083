// When a signed-in session ends for want of activity: pure, "now" is an argument.

/** The shortest and longest idle limits an organisation may set (a session lasts 14 days at most). */
export const idleMinutesRange = { min: 15, max: 20_160 } as const;

/**
 * Whether a session last seen at `lastSeenAt` has been idle past the organisation's limit. `lastSeenAt`
 * is written at most every 5 minutes, which the 15-minute floor of the limit leaves room for: a
 * person at work is never seen more than 5 minutes ago.
 */
export function idleExpired(lastSeenAt: Date, idleMinutes: number | null, now: Date): boolean {
  return idleMinutes !== null && now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000;
}
