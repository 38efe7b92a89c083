import { and, eq, inArray, sql } from 'drizzle-orm';
import { messages } from '../cases/cases.table.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { epochMs } from '../db/json-facts.ts';
import { executePrepared } from '../db/prepared.ts';
import { flagDocumentReRequests } from '../documents/rerequest.commands.ts';
import { appendEvent, onEventInTransaction } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { createHandoffIn } from '../handoffs/send.commands.ts';
import { isoFromMs } from '../sla/instant.ts';
import { detectDip } from './dip.ts';
import { emotionFromScore } from './emotion.ts';
import { casePrefill } from './prefill.queries.ts';
import { scoreSentiment } from './sentiment.ts';

export const dipScenario = 'agent-to-supervisor';

/**
 * In the live flow a customer stating a problem ("I was charged twice") reads negative without being
 * a dip: only a fall against their own earlier messages, or an angry message, pulls in a supervisor.
 */
export const serverDipOptions = { floor: -0.75 };

/**
 * "Supervisors instantly on sentiment dips": each customer message is scored as it arrives; a dip
 * raises the agent-to-supervisor handoff in the same transaction, so the supervisor's queue and
 * stream see it the moment the message is stored.
 */
async function onCustomerMessage(tx: Tx, orgId: string, caseId: string, messageId: string, now: Date) {
  // The message and the customer's earlier ones in one read (this runs on every customer message),
  // both statements prepared: the text travels for the new message only.
  const customerMessages = rowsOf<{ id: string; at: number; score: number | null; text: string | null }>(
    await executePrepared(
      tx,
      sql`select id, ${epochMs('at')} as at, sentiment as score,
        case when id = ${messageId} then text end as text
      from ${messages} where case_id = ${caseId} and role = 'customer' order by at, created_at`,
    ),
  );
  const message = customerMessages.find((m) => m.id === messageId);
  if (!message || message.text === null) return;
  const { score, label } = scoreSentiment(message.text);
  await executePrepared(tx, sql`update ${messages} set sentiment = ${score} where id = ${messageId}`);
  const earlier = customerMessages
    .filter((m) => m.id !== messageId && m.score !== null)
    .map((m) => ({ at: isoFromMs(Number(m.at))!, score: Number(m.score) }));
  const dip = detectDip(earlier, { at: isoFromMs(Number(message.at))!, score }, serverDipOptions);
  if (!dip.dip) return;
  // A conversation brought in from the past (a case created with its history, a helpdesk's
  // back-fill) is scored and its dips logged, but nobody is paged now for what was said then.
  const historical = now.getTime() - Number(message.at) > LIVE_DIP_MS;
  if (historical) {
    await appendEvent(
      tx,
      dipEvent(orgId, caseId, null, now, { messageId, score, label, dip, text: message.text, historical }),
    );
    return;
  }
  const [open] = await tx
    .select({ id: handoffs.id })
    .from(handoffs)
    .where(
      and(
        eq(handoffs.caseId, caseId),
        eq(handoffs.scenarioId, dipScenario),
        inArray(handoffs.state, ['sent', 'accepted']),
      ),
    );
  let handoffId: string | null = open?.id ?? null;
  if (!handoffId) {
    const { summary, packet } = await casePrefill(tx, orgId, caseId);
    const principal = { orgId, personId: null, roles: new Set(['agent'] as const), via: 'webhook' as const };
    handoffId = await createHandoffIn(
      tx,
      caseId,
      {
        scenario: dipScenario,
        fromKind: 'baton',
        packet: {
          ...packet,
          whatHappened: packet.whatHappened || summary,
          attempted: packet.attempted.length
            ? packet.attempted
            : ['Nothing recorded yet in the conversation'],
          emotion: emotionFromScore(score),
          urgency: packet.urgency === 'low' || packet.urgency === 'normal' ? 'high' : packet.urgency,
          nextSteps: [
            'Supervisor to review the conversation and contact the customer now',
            ...packet.nextSteps,
          ],
          summary,
        },
      },
      { principal, now },
    ).catch((error) => {
      // No supervisor scenario in this organisation: the dip is still logged below.
      if ((error as { code?: string }).code === 'unknown_scenario') return null;
      throw error;
    });
  }
  await appendEvent(
    tx,
    dipEvent(orgId, caseId, handoffId, now, { messageId, score, label, dip, text: message.text }),
  );
}

/** How old a customer message may be and still page a supervisor when it reads as a dip. */
const LIVE_DIP_MS = 60 * 60_000;

function dipEvent(
  orgId: string,
  caseId: string,
  handoffId: string | null,
  now: Date,
  d: {
    messageId: string;
    score: number;
    label: string;
    dip: ReturnType<typeof detectDip>;
    text: string;
    historical?: boolean;
  },
) {
  return {
    orgId,
    caseId,
    handoffId,
    type: EventType.sentimentDip,
    at: now,
    data: {
      messageId: d.messageId,
      score: d.score,
      label: d.label,
      reason: d.dip.reason,
      drop: d.dip.drop,
      baseline: d.dip.baseline,
      text: d.text.slice(0, 500),
      handoffId,
      ...(d.historical ? { historical: true } : {}),
    },
  };
}

let registered = false;

export function registerConversationListener() {
  if (registered) return;
  registered = true;
  onEventInTransaction(async (tx, event) => {
    if (event.type !== EventType.messageAdded) return;
    const messageId = String(event.data.messageId);
    if (event.data.role === 'customer')
      await onCustomerMessage(tx, event.orgId, event.caseId, messageId, event.at);
    else if (event.data.role === 'agent' || event.data.role === 'bot')
      await flagDocumentReRequests(tx, event.orgId, event.caseId, messageId, event.at);
  });
}
