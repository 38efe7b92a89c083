import type { CaseStatus } from './cases.types.ts';

// A case's status follows where its work is: open while someone holds it (its first team, or the
// owner of an open handoff), resolved when that work ends. Pure: the
// commands around it (case-journey.commands.ts, cases.commands.ts) only read and write.

/** Resolved and closed cases are done: the customer writing again, or a new send, opens them. */
export function isDone(status: string): status is Extract<CaseStatus, 'resolved' | 'closed'> {
  return status === 'resolved' || status === 'closed';
}

/** A journey's end resolves its case only while the case is still open or pending. */
export function endsWithJourney(status: string, openHandoffs: number): boolean {
  return openHandoffs === 0 && !isDone(status);
}
