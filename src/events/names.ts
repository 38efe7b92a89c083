/** Every event type written to a case's log. Names are `<subject>.<past tense>`. */
export const EventType = {
  caseCreated: 'case.created',
  messageAdded: 'message.added',
  documentAdded: 'document.added',
  documentRequested: 'document.requested',
  documentRerequested: 'document.rerequested',
  handoffDrafted: 'handoff.drafted',
  handoffSent: 'handoff.sent',
  handoffAccepted: 'handoff.accepted',
  handoffBounced: 'handoff.bounced',
  handoffResolved: 'handoff.resolved',
  handoffCancelled: 'handoff.cancelled',
  handoffPacketUpdated: 'handoff.packet_updated',
  ownerAssigned: 'owner.assigned',
  ownerChanged: 'owner.changed',
  slaStarted: 'sla.started',
  slaPaused: 'sla.paused',
  slaResumed: 'sla.resumed',
  slaMet: 'sla.met',
  slaRecalendared: 'sla.recalendared',
  slaWarning: 'sla.warning',
  slaBreached: 'sla.breached',
  slaEscalated: 'sla.escalated',
  sentimentDip: 'sentiment.dip',
} as const;

export type EventTypeName = (typeof EventType)[keyof typeof EventType];
