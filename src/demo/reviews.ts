import { and, desc, eq } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Db } from '../db/database.ts';
import type { Role } from '../http/context.ts';
import { submitReview } from '../qa/qa.commands.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import type { DemoOrg } from './cases.ts';

type Scores = { context: number; rightTeam: boolean; informed: number; documents?: boolean };

/**
 * Hannah's reviews of handoffs whose customers rated them (the demo scorecard's criteria), so QA
 * against CSAT has a story on first start: her scores mostly follow the customers, where the
 * automatic checks of the rated handoff alone do not (a bounce earlier in the journey is on
 * another handoff); twice she and the customer disagree.
 */
export const demoReviews: { ref: string; scores: Scores; comment?: string }[] = [
  // Customers who were satisfied.
  { ref: 'NW-48290', scores: { context: 4, rightTeam: true, informed: 4 } },
  { ref: 'NW-48335', scores: { context: 5, rightTeam: true, informed: 5, documents: true } },
  { ref: 'NW-48230', scores: { context: 4, rightTeam: true, informed: 4 } },
  {
    ref: 'NW-48181',
    scores: { context: 2, rightTeam: true, informed: 2 },
    comment:
      'Thin packet and no word to the customer, yet they were happy: the engineer fixed it on the day.',
  },
  { ref: 'NW-48177', scores: { context: 5, rightTeam: true, informed: 5, documents: true } },
  { ref: 'NW-48105', scores: { context: 4, rightTeam: true, informed: 4, documents: true } },
  { ref: 'NW-48099', scores: { context: 5, rightTeam: true, informed: 5 } },
  { ref: 'NW-48255', scores: { context: 5, rightTeam: true, informed: 4, documents: true } },
  { ref: 'NW-48145', scores: { context: 4, rightTeam: true, informed: 4, documents: true } },
  // Customers who were not.
  {
    ref: 'NW-48300',
    scores: { context: 2, rightTeam: true, informed: 2 },
    comment: 'Tier 2 had to ask the customer everything again.',
  },
  { ref: 'NW-48244', scores: { context: 3, rightTeam: true, informed: 2, documents: true } },
  {
    ref: 'NW-48131',
    scores: { context: 2, rightTeam: false, informed: 2 },
    comment: 'Passed between teams for a day before it reached the one that owns plan cover.',
  },
  { ref: 'NW-48118', scores: { context: 3, rightTeam: true, informed: 2 } },
  {
    ref: 'NW-48270',
    scores: { context: 5, rightTeam: true, informed: 5 },
    comment: 'A clean move to chat; what went wrong happened before it.',
  },
  { ref: 'NW-48152', scores: { context: 3, rightTeam: true, informed: 1 } },
  { ref: 'NW-48190', scores: { context: 3, rightTeam: true, informed: 3 } },
];

const hour = 3_600_000;

/** Reviews each listed case's rated handoff as Hannah, a few hours after the customer rated it. */
export async function reviewDemoHandoffs(db: Db, org: DemoOrg, scorecardId: string, now: Date) {
  const reviewerId = org.personIds.get('hannah');
  if (!reviewerId) throw new Error('demo: no reviewer hannah');
  for (const { ref, scores, comment } of demoReviews) {
    const [rated] = await db
      .select({ handoffId: satisfactionRatings.handoffId, ratedAt: satisfactionRatings.ratedAt })
      .from(satisfactionRatings)
      .innerJoin(cases, eq(cases.id, satisfactionRatings.caseId))
      .where(and(eq(cases.orgId, org.orgId), eq(cases.externalId, ref)))
      .orderBy(desc(satisfactionRatings.ratedAt))
      .limit(1);
    if (!rated?.handoffId) throw new Error(`demo case ${ref}: no rated handoff to review`);
    const at = new Date(Math.min(rated.ratedAt.getTime() + 3 * hour, now.getTime() - 60_000));
    await submitReview(
      db,
      {
        handoffId: rated.handoffId,
        scorecardId,
        scores: [
          { criterion: 'context_complete', value: scores.context },
          { criterion: 'right_team', value: scores.rightTeam },
          { criterion: 'customer_informed', value: scores.informed },
          ...(scores.documents === undefined
            ? []
            : [{ criterion: 'documents_reused', value: scores.documents }]),
        ],
        comment,
      },
      {
        principal: { orgId: org.orgId, personId: reviewerId, roles: new Set<Role>(['qa']), via: 'api-token' },
        now: at,
      },
    );
  }
}
