// A handoff as one row of the handoffs export: pure, so the columns are decided (and tested) here
// and the route only streams what the handoff's own view says.

import type { HandoffView } from '../handoffs/handoff-view.ts';
import { isSatisfied, type Rating, ratingInWords } from '../satisfaction/rating.ts';
import type { CsvValue } from './csv.ts';

/** The clocks every seed scenario runs, one column pair each; any clock's breach is in `breached`. */
const NAMED_CLOCKS = ['acknowledge', 'resolve'] as const;

export const handoffExportHeader = [
  'handoff_id',
  'case_id',
  'case_subject',
  'customer',
  'scenario',
  'issue_type',
  'state',
  'from',
  'to_team',
  'sender',
  'owner',
  'urgency',
  'emotion',
  'completeness',
  'created_at',
  'sent_at',
  'accepted_at',
  'resolved_at',
  'bounce_reason',
  'bounce_note',
  ...NAMED_CLOCKS.flatMap((c) => [`${c}_deadline`, `${c}_state`]),
  'breached',
  'quality_score',
  'failed_checks',
  'customer_rating',
  'customer_satisfied',
] as const;

type Packet = { urgency?: string; emotion?: string };

/**
 * What the export reads beside the handoff's view: the case's issue type, and the customer's latest
 * satisfaction rating counted for this handoff (src/satisfaction/rating.ts), if any.
 */
export type ExportExtras = { issueType: string | null; rating: Rating | null };

export function handoffExportRow(h: HandoffView, { issueType, rating }: ExportExtras): CsvValue[] {
  const packet = (h.packet ?? {}) as Packet;
  const clock = (name: string) => h.sla.find((c) => c.name === name);
  return [
    h.id,
    h.caseId,
    h.caseSubject,
    h.customer.name,
    h.scenario,
    issueType,
    h.state,
    h.fromTeam ?? h.fromKind,
    h.toTeam,
    h.sender?.name,
    h.owner?.name,
    packet.urgency,
    packet.emotion,
    h.completeness,
    h.createdAt,
    h.sentAt,
    h.acceptedAt,
    h.resolvedAt,
    h.bounce?.reason,
    h.bounce?.note,
    ...NAMED_CLOCKS.flatMap((c) => [clock(c)?.deadline, clock(c)?.state]),
    h.sla
      .filter((c) => c.breachedAt !== null)
      .map((c) => c.name)
      .join('; '),
    h.quality.score,
    h.quality.checks
      .filter((c) => c.result === 'fail')
      .map((c) => c.id)
      .join('; '),
    rating === null ? null : ratingInWords(rating),
    rating === null ? null : isSatisfied(rating) ? 'yes' : 'no',
  ];
}
