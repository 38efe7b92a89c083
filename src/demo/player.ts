import { and, eq } from 'drizzle-orm';
import { addDocument, addMessage, createCase, requestDocument } from '../cases/cases.commands.ts';
import type { Db } from '../db/database.ts';
import {
  acceptHandoff,
  bounceHandoff,
  cancelHandoff,
  reassignHandoff,
  resolveHandoff,
} from '../handoffs/handoffs.commands.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { createHandoff, sendDraft } from '../handoffs/send.commands.ts';
import type { Principal, Role } from '../http/context.ts';
import { recordRating } from '../satisfaction/satisfaction.commands.ts';
import type { DemoOrg } from './cases.ts';
import { demoOrganisation } from './organisation.ts';
import type { Action, Actor, DemoCase, Say } from './script.ts';
import { type TimedStep, timeline } from './timeline.ts';

const rolesOf = new Map(demoOrganisation.people.map((p) => [p.key, new Set(p.roles as Role[])]));
const MINUTE = 60_000;
const supervisor = 'agent-to-supervisor';

/** What a supervisor writes after looking at a handoff the sentiment dip raised on its own. */
const dipNotes = [
  'Looked at this after the sentiment alert and read the conversation: the team has it in hand, nothing for me to add.',
  'Sentiment alert checked. The customer is upset about the situation, not with the agent; left it with the team and will keep an eye on it.',
  'Reviewed after the dip alert: the agent already apologised and set a next step. Closing my part.',
];

/**
 * Plays one scripted case through the real commands, each step as the person who took it, at the
 * instant it happened. The server's own reactions are part of the story: when a customer message
 * dips in sentiment and the product raises an agent-to-supervisor handoff by itself, a supervisor
 * picks it up a few minutes later (and the script's own escalation, if any, joins it).
 */
export async function playCase(
  db: Db,
  org: DemoOrg,
  c: DemoCase,
  now: Date,
  replay: { fireUntil: (at: Date) => Promise<void>; changed: () => void },
): Promise<void> {
  const personId = (who: Actor): string | null => {
    if (who === 'customer' || who === 'bot') return null;
    const id = org.personIds.get(who);
    if (!id) throw new Error(`demo: no person ${who}`);
    return id;
  };
  const ctx = (who: Actor, at: Date): { principal: Principal; now: Date } => ({
    principal: {
      orgId: org.orgId,
      personId: personId(who),
      roles: rolesOf.get(who) ?? new Set<Role>(['agent']),
      via: 'api-token',
    },
    now: at,
  });
  const known = (who: string) =>
    who === 'customer' || who === 'bot' || who.startsWith('@') || org.personIds.has(who);
  const { start, steps } = timeline(c, now, known);
  const queue: TimedStep[] = [...steps];
  /** Adds a step of the product's own making, after the steps already planned for that instant. */
  const plan = (step: TimedStep) => {
    if (step.at >= now) return;
    const after = queue.findIndex((s) => s.at > step.at);
    queue.splice(after === -1 ? queue.length : after, 0, step);
  };

  await replay.fireUntil(start);
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
  const row = async (label: string) => {
    const [h] = await db
      .select()
      .from(handoffs)
      .where(eq(handoffs.id, handoff(label)));
    return h!;
  };
  /** `@label` is whoever owns that handoff now. */
  const who = async (actor: Actor): Promise<Actor> => {
    if (!actor.startsWith('@')) return actor;
    const { ownerId } = await row(actor.slice(1));
    for (const [key, id] of org.personIds) if (id === ownerId) return key;
    throw new Error(`demo case ${c.ref}: handoff ${actor} has no owner`);
  };

  /** Handoffs the dip listener raised since the last look: a supervisor takes each in turn. */
  const raised = new Set<string>();
  async function noticeDips(at: Date) {
    const open = await db
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(
        and(eq(handoffs.caseId, caseId), eq(handoffs.scenarioId, supervisor), eq(handoffs.state, 'sent')),
      );
    for (const { id } of open) {
      if (raised.has(id) || [...labels.values()].includes(id)) continue;
      raised.add(id);
      const label = `dip-${raised.size}`;
      labels.set(label, id);
      const note = dipNotes[(c.ref.charCodeAt(c.ref.length - 1) + raised.size) % dipNotes.length]!;
      plan({ at: new Date(at.getTime() + 3 * MINUTE), step: [0, { accept: label }] });
      plan({
        at: new Date(at.getTime() + 25 * MINUTE),
        step: [0, { who: `@${label}`, text: note, internal: true }],
      });
      plan({ at: new Date(at.getTime() + 25 * MINUTE), step: [0, { resolve: label }] });
    }
  }

  /** The script escalates to a supervisor already pulled in by a dip: it joins that handoff. */
  async function adoptDip(label: string): Promise<boolean> {
    for (const id of raised) {
      const [h] = await db.select({ state: handoffs.state }).from(handoffs).where(eq(handoffs.id, id));
      if (h?.state !== 'sent' && h?.state !== 'accepted') continue;
      const dipLabel = [...labels].find(([, v]) => v === id)![0];
      labels.set(label, id);
      // The script now tells how this one ends.
      for (let i = queue.length - 1; i >= 0; i--) {
        const a = queue[i]!.step[1];
        if (('resolve' in a && a.resolve === dipLabel) || ('who' in a && a.who === `@${dipLabel}`))
          queue.splice(i, 1);
      }
      return true;
    }
    return false;
  }

  for (let next = queue.shift(); next; next = queue.shift()) {
    const { at, step } = next;
    await replay.fireUntil(at);
    const a = step[1];
    if ('text' in a) await say(a, at);
    else await act(a, at);
    // Only acts and customer messages (through a dip) start clocks.
    if (!('text' in a) || a.who === 'customer') replay.changed();
  }

  async function say(a: Say, at: Date) {
    const actor = await who(a.who);
    const role = a.internal ? 'internal' : actor === 'customer' || actor === 'bot' ? actor : 'agent';
    await addMessage(db, caseId, { role, text: a.text, at: at.toISOString() }, ctx(actor, at));
    if (role === 'customer') await noticeDips(at);
  }

  async function act(a: Action, at: Date) {
    if ('doc' in a) {
      await addDocument(db, caseId, { kind: a.doc, name: a.name }, ctx(await who(a.by ?? 'customer'), at));
    } else if ('ask' in a) {
      await requestDocument(db, caseId, { kind: a.ask, reason: a.reason }, ctx(await who(a.by), at));
    } else if ('handoff' in a) {
      if (a.scenario === supervisor && !a.draft && (await adoptDip(a.handoff))) return;
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
      // A supervisor may already have taken a handoff the script's escalation joined.
      if ((await row(a.accept)).state !== 'sent') return;
      await acceptHandoff(db, handoff(a.accept), ctx(await who(a.by ?? `@${a.accept}`), at));
    } else if ('bounce' in a) {
      const by = await who(a.by ?? `@${a.bounce}`);
      await bounceHandoff(db, handoff(a.bounce), { reason: a.reason, note: a.note }, ctx(by, at));
    } else if ('resolve' in a) {
      // A leg passed on was resolved when the next team accepted it (handoffs.commands.ts).
      if ((await row(a.resolve)).state === 'resolved') return;
      await resolveHandoff(db, handoff(a.resolve), ctx(await who(a.by ?? `@${a.resolve}`), at));
    } else if ('rate' in a) {
      await recordRating(
        db,
        caseId,
        { rating: a.rate, comment: a.comment, at: at.toISOString() },
        ctx('customer', at),
      );
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
