import { eq } from 'drizzle-orm';
import { addDocument, addMessage, createCase, requestDocument } from '../cases/cases.commands.ts';
import type { Db } from '../db/database.ts';
import {
  acceptHandoff,
  bounceHandoff,
  cancelHandoff,
  createHandoff,
  reassignHandoff,
  resolveHandoff,
  sendDraft,
} from '../handoffs/handoffs.commands.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Principal, Role } from '../http/context.ts';
import { demoConversations } from './conversations.ts';
import { demoOrganisation } from './organisation.ts';
import { timerReplay } from './replay.ts';
import type { Action, Actor, DemoCase } from './script.ts';
import { timeline } from './timeline.ts';

export type DemoOrg = { orgId: string; personIds: Map<string, string>; teamIds: Map<string, string> };

type Ctx = { principal: Principal; now: Date };

const rolesOf = new Map(demoOrganisation.people.map((p) => [p.key, new Set(p.roles as Role[])]));

/** Acts as demo people (or as the helpdesk integration, for customers and the bot) at past instants. */
function actors(org: DemoOrg) {
  const personId = (who: Actor): string | null => {
    if (who === 'customer' || who === 'bot') return null;
    const id = org.personIds.get(who);
    if (!id) throw new Error(`demo: no person ${who}`);
    return id;
  };
  const ctx = (who: Actor, now: Date): Ctx => ({
    principal: {
      orgId: org.orgId,
      personId: personId(who),
      roles: rolesOf.get(who) ?? new Set<Role>(['agent']),
      via: 'api-token',
    },
    now,
  });
  return { personId, ctx };
}

/** Plays one scripted case through the real commands, in the order its steps happened. */
async function playCase(
  db: Db,
  org: DemoOrg,
  c: DemoCase,
  now: Date,
  fireUntil: (at: Date) => Promise<void>,
) {
  const { ctx, personId } = actors(org);
  const known = (who: string) =>
    who === 'customer' || who === 'bot' || who.startsWith('@') || org.personIds.has(who);
  const { start, steps } = timeline(c, now, known);
  await fireUntil(start);
  const caseId = await createCase(
    db,
    {
      subject: c.subject,
      customer: c.customer,
      channel: c.channel,
      externalId: c.ref,
      issueType: c.issueType,
      documents: c.documents,
    },
    ctx(c.openedBy ?? 'customer', start),
  );
  const labels = new Map<string, string>();
  const handoff = (label: string) => {
    const id = labels.get(label);
    if (!id) throw new Error(`demo case ${c.ref}: no handoff ${label} yet`);
    return id;
  };
  const owner = async (label: string): Promise<Actor> => {
    const [row] = await db
      .select({ ownerId: handoffs.ownerId })
      .from(handoffs)
      .where(eq(handoffs.id, handoff(label)));
    for (const [key, id] of org.personIds) if (id === row?.ownerId) return key;
    throw new Error(`demo case ${c.ref}: handoff ${label} has no owner`);
  };
  /** `@label` is whoever owns that handoff now. */
  const who = async (actor: Actor) => (actor.startsWith('@') ? owner(actor.slice(1)) : actor);
  for (const { at, step } of steps) {
    await fireUntil(at);
    const a = step[1];
    if ('text' in a) {
      const actor = await who(a.who);
      const role = a.internal ? 'internal' : actor === 'customer' || actor === 'bot' ? actor : 'agent';
      await addMessage(db, caseId, { role, text: a.text, at: at.toISOString() }, ctx(actor, at));
    } else {
      await act(a, at);
    }
  }

  async function act(a: Action, at: Date) {
    if ('doc' in a) {
      await addDocument(db, caseId, { kind: a.doc, name: a.name }, ctx(await who(a.by ?? 'customer'), at));
    } else if ('ask' in a) {
      await requestDocument(db, caseId, { kind: a.ask, reason: a.reason }, ctx(await who(a.by), at));
    } else if ('handoff' in a) {
      const id = await createHandoff(
        db,
        caseId,
        {
          scenario: a.scenario,
          packet: a.packet,
          draft: a.draft,
          previousId: a.previous ? handoff(a.previous) : undefined,
          fromKind: a.by === 'bot' ? 'bot' : a.scenario === 'voice-to-chat' ? 'channel' : 'agent',
        },
        ctx(await who(a.by), at),
      );
      labels.set(a.handoff, id);
    } else if ('send' in a) {
      await sendDraft(db, handoff(a.send), a.packet, ctx(await who(a.by), at));
    } else if ('accept' in a) {
      await acceptHandoff(db, handoff(a.accept), ctx(await who(a.by ?? `@${a.accept}`), at));
    } else if ('bounce' in a) {
      await bounceHandoff(
        db,
        handoff(a.bounce),
        { reason: a.reason, note: a.note },
        ctx(await who(a.by ?? `@${a.bounce}`), at),
      );
    } else if ('resolve' in a) {
      await resolveHandoff(db, handoff(a.resolve), ctx(await who(a.by ?? `@${a.resolve}`), at));
    } else if ('cancel' in a) {
      await cancelHandoff(db, handoff(a.cancel), ctx(await who(a.by), at));
    } else {
      const to = a.to ? (personId(a.to) ?? undefined) : undefined;
      await reassignHandoff(
        db,
        handoff(a.reassign),
        { ownerId: to, reason: a.reason },
        ctx(await who(a.by), at),
      );
    }
  }
}

/**
 * Northwind's last three weeks of support, played through the same commands the API runs, each
 * step as the person who took it, at the instant it happened. One transaction: a running
 * scheduler sees the history only once it is whole, and a failed load leaves nothing behind.
 */
export async function loadDemoCases(db: Db, org: DemoOrg, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { flush, fireUntil } = timerReplay(tx);
    // Timers already overdue (other organisations') fire now, not back in the demo's past.
    await flush(now);
    for (const c of demoConversations) await playCase(tx, org, c, now, fireUntil);
    await fireUntil(now);
  });
}
