import { and, countDistinct, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cases, messages } from '../cases/cases.table.ts';
import { registerConversationListener } from '../conversation/conversation.listeners.ts';
import { customers } from '../customers/customers.table.ts';
import type { Database } from '../db/database.ts';
import { type DatabaseKind, freshDatabase } from '../db/testing.ts';
import { documentRequests, documents } from '../documents/documents.table.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ratedHandoffRows } from '../qa/satisfaction.queries.ts';
import { satisfactionAgreement } from '../qa/satisfaction-agreement.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import { demoConversations } from './conversations.ts';
import { loadDemo } from './demo.ts';
import { demoOrganisation } from './organisation.ts';
import { demoReviews } from './reviews.ts';
import { timeline } from './timeline.ts';

/** Wednesday 25 November 2026, 14:30 in London. */
const now = new Date('2026-11-25T14:30:00Z');
const DAY = 86_400_000;
const kinds: DatabaseKind[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
const personKeys = new Set(demoOrganisation.people.map((p) => p.key));
const known = (who: string) =>
  who === 'customer' || who === 'bot' || who.startsWith('@') || personKeys.has(who);

describe('demo script', () => {
  it('tells only the past, in order, whenever it is loaded', () => {
    // Every third hour of a week, and the minutes right after midnight (the tightest fit for "yesterday").
    const starts = [];
    for (let h = 0; h < 7 * 24; h += 3)
      starts.push(new Date(Date.parse('2026-11-23T00:00:00Z') + h * 3_600_000));
    for (let d = 0; d < 7; d++) starts.push(new Date(Date.parse('2026-11-23T00:01:00Z') + d * DAY));
    for (const at of starts)
      for (const c of demoConversations)
        expect(() => timeline(c, at, known), `${c.ref} at ${at.toISOString()}`).not.toThrow();
  });

  it('has distinct ticket numbers and customers', () => {
    expect(new Set(demoConversations.map((c) => c.ref)).size).toBe(demoConversations.length);
    expect(new Set(demoConversations.map((c) => c.customer.externalId)).size).toBe(demoConversations.length);
  });
});

for (const kind of kinds) {
  describe(`demo organisation [${kind}]`, () => {
    let database: Database;
    let orgId: string;
    let loadMs = 0;

    beforeAll(async () => {
      // As in the server: sentiment dips raise supervisor handoffs while the demo loads.
      registerConversationListener();
      database = await freshDatabase(kind, {
        pgliteDump: inject('pgliteDump'),
        postgresUrl: inject('postgresUrl'),
      });
      const started = performance.now();
      const loaded = await loadDemo(database.db, now);
      loadMs = performance.now() - started;
      orgId = loaded!.orgId;
    });
    afterAll(async () => {
      await database?.close();
    });

    const db = () => database.db;
    const count = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);

    it('loads in a few seconds, and only once', async () => {
      process.stderr.write(`demo load: ${Math.round(loadMs)} ms\n`);
      expect(await loadDemo(db(), now)).toBeNull();
    });

    it('holds 36 to 48 cases over the past three weeks, on every channel', async () => {
      const rows = await db().select().from(cases).where(eq(cases.orgId, orgId));
      expect(rows.length).toBeGreaterThanOrEqual(36);
      expect(rows.length).toBeLessThanOrEqual(48);
      expect(new Set(rows.map((c) => c.channel))).toEqual(new Set(['voice', 'chat', 'email', 'web', 'bot']));
      const ages = rows.map((c) => now.getTime() - c.createdAt.getTime());
      expect(Math.min(...ages)).toBeGreaterThan(0);
      expect(Math.max(...ages)).toBeLessThan(24 * DAY);
      const weeks = new Set(ages.map((a) => Math.floor(a / (7 * DAY))));
      for (const w of [0, 1, 2]) expect(weeks).toContain(w);
    });

    it('writes no event and no message in the future', async () => {
      const [late] = await db()
        .select({ n: sql<number>`count(*)` })
        .from(caseEvents)
        .where(and(eq(caseEvents.orgId, orgId), sql`${caseEvents.at} > ${now.toISOString()}`));
      expect(Number(late?.n)).toBe(0);
      const msgs = await db().select({ at: messages.at }).from(messages).where(eq(messages.orgId, orgId));
      expect(msgs.length).toBeGreaterThan(250);
      expect(msgs.every((m) => m.at <= now)).toBe(true);
    });

    it('has every handoff state, every scenario, every bounce reason', async () => {
      const rows = await db().select().from(handoffs).where(eq(handoffs.orgId, orgId));
      expect(new Set(rows.map((h) => h.state))).toEqual(
        new Set(['draft', 'sent', 'accepted', 'resolved', 'bounced', 'cancelled']),
      );
      expect(new Set(rows.map((h) => h.scenarioId))).toEqual(
        new Set([
          'billing-to-finance',
          'tech-to-engineering',
          'tier1-to-tier2',
          'voice-to-chat',
          'bot-to-human',
          'agent-to-supervisor',
        ]),
      );
      const reasons = new Set(rows.map((h) => h.bounceReason).filter(Boolean));
      for (const r of ['wrong_team', 'missing_context', 'not_ours']) expect(reasons).toContain(r);
      // Every handoff that is not a draft has its one owner (invariant 1).
      expect(rows.filter((h) => h.state !== 'draft' && !h.ownerId)).toEqual([]);
      // Most of the past is settled: open work is the minority.
      const open = rows.filter((h) => h.state === 'sent' || h.state === 'accepted').length;
      expect(open / rows.length).toBeLessThan(0.3);
    });

    it('re-sends after bounces, and chains Tier 1 -> Tier 2 -> Engineering', async () => {
      const rows = await db().select().from(handoffs).where(eq(handoffs.orgId, orgId));
      const byId = new Map(rows.map((h) => [h.id, h]));
      const resent = rows.filter((h) => h.previousId && byId.get(h.previousId)?.state === 'bounced');
      expect(resent.length).toBeGreaterThanOrEqual(3);
      // A re-send may go to another team (wrong_team) or to the same one, better told (missing_context).
      expect(resent.some((h) => h.toTeamId !== byId.get(h.previousId!)!.toTeamId)).toBe(true);
      const teamRows = await db().select().from(teams).where(eq(teams.orgId, orgId));
      const key = new Map(teamRows.map((t) => [t.id, t.key]));
      const journeys = new Map<string, string[]>();
      for (const h of [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
        journeys.set(h.caseId, [...(journeys.get(h.caseId) ?? []), key.get(h.toTeamId)!]);
      }
      const chains = [...journeys.values()].filter((j) => j.join('>').includes('tier2>engineering'));
      expect(chains.length).toBeGreaterThanOrEqual(2);
    });

    it('has open handoffs at risk and breached clocks, and most past ones met', async () => {
      const clocks = await db().select().from(slaClocks).where(eq(slaClocks.orgId, orgId));
      const breached = clocks.filter((c) => c.state === 'breached');
      expect(breached.length).toBeGreaterThan(0);
      // The replay fires each breach at its deadline, as a running scheduler would have.
      expect(breached.every((c) => c.breachedAt?.getTime() === c.deadline?.getTime())).toBe(true);
      const events = await db()
        .select({ n: sql<number>`count(*)` })
        .from(caseEvents)
        .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.type, 'sla.breached')));
      expect(count(events)).toBe(breached.length);
      // agent-to-supervisor acknowledges within PT0M, so even a pickup a minute later is late: leave it out.
      const rows = await db().select().from(handoffs).where(eq(handoffs.orgId, orgId));
      const supervisor = new Set(rows.filter((h) => h.scenarioId === 'agent-to-supervisor').map((h) => h.id));
      const others = clocks.filter((c) => !supervisor.has(c.handoffId));
      const late = others.filter((c) => c.state === 'breached').length;
      expect(late).toBeGreaterThan(0);
      expect(others.filter((c) => c.state === 'met').length).toBeGreaterThan(late * 5);
      const running = clocks.filter((c) => c.state === 'running' && c.deadline);
      const soon = running.filter((c) => c.deadline!.getTime() - now.getTime() < 2 * 3_600_000);
      expect(soon.length).toBeGreaterThanOrEqual(3);
    });

    it('has documents on file, and some asked for again with a reason', async () => {
      const docs = await db().select().from(documents).where(eq(documents.orgId, orgId));
      for (const k of ['invoice', 'receipt', 'photo', 'bank_statement', 'contract'])
        expect(docs.map((d) => d.kind)).toContain(k);
      const again = await db()
        .select()
        .from(documentRequests)
        .where(and(eq(documentRequests.orgId, orgId), eq(documentRequests.rerequest, true)));
      // Asked again through the API: always with a reason (invariant 3).
      const requested = again.filter((r) => r.reason !== null);
      expect(requested.length).toBeGreaterThanOrEqual(2);
      expect(requested.every((r) => r.reason && r.reason.length > 10)).toBe(true);
      // Asked again in a message (Finance asks Mr Hargreaves for the bank statement he sent), or in a
      // packet's documents still needed: flagged, naming the document on file, never silent.
      const flagged = again.filter((r) => r.reason === null);
      expect(flagged.filter((r) => r.messageId !== null).map((r) => r.kind)).toContain('bank_statement');
      expect(flagged.every((r) => r.onFileDocumentId !== null)).toBe(true);
      const logged = await db()
        .select({ data: caseEvents.data })
        .from(caseEvents)
        .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.type, 'document.rerequested')));
      const loggedIds = new Set(logged.map((e) => (e.data as { requestId?: string }).requestId));
      for (const r of flagged) expect(loggedIds.has(r.id), r.id).toBe(true);
    });

    it('has customers from several time zones and languages', async () => {
      const [row] = await db()
        .select({ zones: countDistinct(customers.timezone), languages: countDistinct(customers.language) })
        .from(customers)
        .where(eq(customers.orgId, orgId));
      expect(Number(row!.zones)).toBeGreaterThanOrEqual(6);
      expect(Number(row!.languages)).toBeGreaterThanOrEqual(6);
    });

    it("has QA reviews that follow the customers' ratings where the rated handoff's checks do not", async () => {
      const { rows } = await ratedHandoffRows(db(), orgId, new Date(now.getTime() - 28 * DAY), now);
      const a = satisfactionAgreement(rows, null);
      expect(a.rated.of).toBeGreaterThanOrEqual(16);
      expect(a.reviews.handoffs).toBe(demoReviews.length);
      expect(a.reviews.verdict).toBe('predicts');
      expect(a.automatic.verdict).not.toBe('predicts');
      // The unhappy customers' trouble was an earlier handoff of their case: the journey shows it.
      expect(a.journey.verdict).toBe('predicts');
      expect(a.journey.afterEarlierHandoffs).toBeGreaterThan(0);
      expect(a.reviews.reviewers.map((r) => [r.handoffs, r.verdict])).toEqual([
        [demoReviews.length, 'predicts'],
      ]);
      // Something to talk over in calibration, both ways.
      expect(a.disagreements.qaPassedCustomerUnsatisfied.length).toBeGreaterThan(0);
      expect(a.disagreements.qaFailedCustomerSatisfied.length).toBeGreaterThan(0);
      const events = await db()
        .select({ at: caseEvents.at })
        .from(caseEvents)
        .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.type, 'qa.reviewed')));
      expect(events).toHaveLength(demoReviews.length);
    });

    it('has customers repeating themselves after a handoff', async () => {
      const repeats = await db()
        .select({ n: sql<number>`count(*)` })
        .from(messages)
        .where(
          and(
            eq(messages.orgId, orgId),
            eq(messages.role, 'customer'),
            isNotNull(messages.text),
            sql`${messages.text} ~* '(third time|already (told|explained|sent)|as i (said|told))'`,
          ),
        );
      expect(count(repeats)).toBeGreaterThanOrEqual(4);
    });
  });
}
