import { and, eq } from 'drizzle-orm';
import { createCaseIn, insertMessage } from '../cases/cases.commands.ts';
import { cases } from '../cases/cases.table.ts';
import { updateKnownCustomer } from '../customers/customers.commands.ts';
import type { Db } from '../db/database.ts';
import type { Principal } from '../http/context.ts';
import { genericCustomer } from './generic-customer.ts';
import { inboundEvents } from './integrations.table.ts';
import type { InboundGeneric } from './integrations.types.ts';

/**
 * Applies one inbound helpdesk event exactly once: the source's event id is recorded in the same
 * transaction as its effect, so a redelivery returns the same case and writes nothing. Every event,
 * not only a ticket's first, brings the customer's profile up to date with the fields it carries.
 */
export async function applyInbound(
  db: Db,
  source: string,
  input: InboundGeneric,
  principal: Principal,
  now: Date,
): Promise<string> {
  const orgId = principal.orgId;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(inboundEvents)
      .values({ orgId, source, eventId: input.eventId, caseId: '', createdAt: now })
      .onConflictDoNothing()
      .returning({ eventId: inboundEvents.eventId });
    const key = and(
      eq(inboundEvents.orgId, orgId),
      eq(inboundEvents.source, source),
      eq(inboundEvents.eventId, input.eventId),
    );
    if (claimed.length === 0) {
      const [seen] = await tx.select({ caseId: inboundEvents.caseId }).from(inboundEvents).where(key);
      return seen!.caseId;
    }
    const externalId = `${source}:${input.case.externalId}`;
    const [existing] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.orgId, orgId), eq(cases.externalId, externalId)))
      .for('update');
    const ctx = { principal, now };
    const customer = genericCustomer(input.case.customer, now.toISOString().slice(0, 10));
    // Locked after the case, as the vendor adapters do; a new customer is made with the case below.
    await updateKnownCustomer(tx, orgId, customer, now);
    const caseId =
      existing?.id ??
      (await createCaseIn(
        tx,
        {
          subject: input.case.subject,
          channel: input.case.channel,
          customer: { ...customer, name: customer.name ?? input.case.customer.name },
          externalId,
        },
        ctx,
      ));
    if (input.message) await insertMessage(tx, orgId, caseId, input.message, ctx);
    await tx.update(inboundEvents).set({ caseId }).where(key);
    return caseId;
  });
}
