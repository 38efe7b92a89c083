import type { AuditEvent } from './audit.types.ts';
import { type ColumnAdapter, columnIndex, readsColumns } from './columns.ts';
import { parseSatisfaction } from './generic.ts';
import { AuditInputError, known, parseTime } from './values.ts';

const DONE = new Set(['solved', 'closed']);

function blank(caseId: string, at: number): AuditEvent {
  const seq = Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
  return {
    caseId,
    seq,
    group: null,
    owner: 'same',
    slaMet: null,
    reopened: false,
    at,
    openedAt: Number.NaN,
    resolvedAt: Number.NaN,
    satisfaction: null,
  };
}

/** Applies one ticket field change (a Zendesk Create or Change event) to the update's event. */
function applyChange(event: AuditEvent, field: string, value: unknown, previous: unknown, create: boolean) {
  switch (field) {
    case 'group_id':
    case 'group':
      event.group = known(value);
      return;
    case 'assignee_id':
    case 'assignee':
      event.owner = known(value) === null ? 'none' : 'known';
      return;
    case 'status': {
      const now = known(value)?.toLowerCase();
      const before = known(previous)?.toLowerCase();
      if (now === undefined) return;
      if (create) event.openedAt = event.at;
      if (DONE.has(now)) event.resolvedAt = event.at;
      else if (before !== undefined && DONE.has(before)) event.reopened = true;
      return;
    }
    case 'satisfaction_score':
    case 'satisfaction':
      event.satisfaction = parseSatisfaction(value) ?? event.satisfaction;
      return;
  }
}

const TRACKED = ['group_id', 'assignee_id', 'status', 'satisfaction_score'];
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** A ticket audit (Ticket Audits API): `{ticket_id, created_at, events: [{type, field_name, value, previous_value}]}`. */
function fromAudit(audit: Json): AuditEvent | null {
  const caseId = known(audit.ticket_id);
  if (caseId === null) return null;
  const event = blank(caseId, parseTime(audit.created_at));
  for (const e of Array.isArray(audit.events) ? audit.events : []) {
    if (!isObject(e)) continue;
    if (e.type === 'Create' || e.type === 'Change') {
      applyChange(event, String(e.field_name), e.value, e.previous_value, e.type === 'Create');
    } else if (e.type === 'SatisfactionRating') applyChange(event, 'satisfaction', e.score, null, false);
  }
  return event;
}

/** An incremental ticket event: `{ticket_id, created_at|timestamp, child_events: [{event_type, <field>, previous_value}]}`. */
function fromTicketEvent(item: Json): AuditEvent | null {
  const caseId = known(item.ticket_id);
  if (caseId === null) return null;
  const event = blank(caseId, parseTime(item.created_at ?? item.timestamp));
  for (const child of Array.isArray(item.child_events) ? item.child_events : []) {
    if (!isObject(child)) continue;
    const create = child.event_type === 'Create';
    if (!create && child.event_type !== 'Change') continue;
    for (const field of TRACKED) {
      if (field in child) applyChange(event, field, child[field], child.previous_value, create);
    }
  }
  return event;
}

/** A ticket metric event (`{ticket_id, metric, type, time}`): a `breach` is a missed SLA. */
function fromMetricEvent(item: Json): AuditEvent | null {
  const caseId = known(item.ticket_id);
  if (caseId === null || item.type !== 'breach') return null;
  const event = blank(caseId, parseTime(item.time));
  event.slaMet = false;
  return event;
}

/** Every event of one JSON value: an API page (`audits`, `ticket_events`, `ticket_metric_events`), an array, or one item. */
export function zendeskEvents(item: unknown, emit: (event: AuditEvent | null) => void): void {
  if (Array.isArray(item)) {
    for (const each of item) zendeskEvents(each, emit);
    return;
  }
  if (!isObject(item)) throw new AuditInputError('zendesk: expected JSON objects (audits or ticket events)');
  const page = item.audits ?? item.ticket_events ?? item.ticket_metric_events;
  if (Array.isArray(page)) {
    for (const each of page) zendeskEvents(each, emit);
    return;
  }
  if (isObject(item.audit)) emit(fromAudit(item.audit));
  else if (Array.isArray(item.events)) emit(fromAudit(item));
  else if (Array.isArray(item.child_events)) emit(fromTicketEvent(item));
  else if ('metric' in item) emit(fromMetricEvent(item));
  else emit(null);
}

/** Zendesk as a CSV of field changes: `ticket_id, created_at, field_name, value[, previous_value]`. */
export const zendeskCsv: ColumnAdapter = {
  create(header: string[]) {
    const find = columnIndex(header);
    const [ticket, time, field, value, previous] = [
      find('ticket_id', 'ticket'),
      find('created_at', 'at', 'time'),
      find('field_name', 'field'),
      find('value'),
      find('previous_value'),
    ];
    if (ticket < 0 || time < 0 || field < 0 || value < 0) {
      throw new AuditInputError('zendesk: a CSV needs the columns ticket_id, created_at, field_name, value');
    }
    return readsColumns([ticket, time, field, value, previous], (record: unknown[]) => {
      const caseId = known(record[ticket]);
      if (caseId === null) return null;
      const event = blank(caseId, parseTime(record[time]));
      const name = known(record[field])?.toLowerCase() ?? '';
      applyChange(event, name, record[value], previous < 0 ? null : record[previous], false);
      return event;
    });
  },
};
