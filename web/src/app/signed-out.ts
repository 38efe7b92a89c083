// Why the app is back at the sign-in page, in words for that page: pure, tested apart from it.
import { minutesInWords } from './format.ts';

/**
 * The sign-in page's note after the server ended an idle session (401, reason `idle`). The server's
 * message gives the minutes ("signed out after 30 minutes without activity, …"): said here in the
 * largest units, as the Security page offers them ("1 hour", not "60 minutes").
 */
export function idleSignOutNote(serverMessage: string): string {
  const minutes = Number(/after (\d+) minutes?/.exec(serverMessage)?.[1]);
  const after = Number.isFinite(minutes) && minutes > 0 ? minutesInWords(minutes) : 'a while';
  return `You were signed out after ${after} without activity, as your organisation asks. Sign in again to go on.`;
}
