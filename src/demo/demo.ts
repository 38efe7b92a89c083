import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { createOrganisation } from '../orgs/orgs.commands.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { saveScorecard } from '../qa/qa.commands.ts';
import { loadDemoCases } from './cases.ts';
import { demoOrganisation } from './organisation.ts';
import { reviewDemoHandoffs } from './reviews.ts';
import { demoScorecard } from './scorecard.ts';

/** Loads the demo organisation once; returns null when it is already there. */
export async function loadDemo(db: Db, now: Date) {
  const [existing] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.slug, demoOrganisation.slug));
  if (existing) return null;
  const org = await createOrganisation(db, demoOrganisation, now);
  await loadDemoCases(db, org, now);
  const card = await saveScorecard(db, demoScorecard, {
    principal: {
      orgId: org.orgId,
      personId: org.personIds.get('ines') ?? null,
      roles: new Set(['lead']),
      via: 'session',
    },
    // In use since before the demo's history begins: Hannah's reviews come after it.
    now: new Date(now.getTime() - 28 * 86_400_000),
  });
  await reviewDemoHandoffs(db, org, card.id, now);
  return { slug: demoOrganisation.slug, ...org };
}
