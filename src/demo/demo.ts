import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { createOrganisation } from '../orgs/orgs.commands.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { saveScorecard } from '../qa/qa.commands.ts';
import { loadDemoCases } from './cases.ts';
import { demoOrganisation } from './organisation.ts';
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
  await saveScorecard(db, demoScorecard, {
    principal: {
      orgId: org.orgId,
      personId: org.personIds.get('ines') ?? null,
      roles: new Set(['lead']),
      via: 'session',
    },
    now,
  });
  return { slug: demoOrganisation.slug, ...org };
}
