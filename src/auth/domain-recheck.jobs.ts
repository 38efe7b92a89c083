import { and, eq, isNull } from 'drizzle-orm';
import { recordChange } from '../admin/admin-changes.commands.ts';
import { domainRecheckActor, settingsSubject } from '../admin/changes.ts';
import type { Db } from '../db/database.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { adminsOf, putNotice } from '../notifications/notice.commands.ts';
import { nothingPublished, txtLookup } from './dns-lookup.ts';
import {
  afterRecheck,
  proofRecord,
  provedBy,
  type Recheck,
  recheckDue,
  type TxtLookup,
} from './domain-proof.ts';
import { recordMissingNotice, unprovedNotice } from './domain-recheck-notice.ts';
import { ssoDomains } from './single-sign-on.table.ts';

type Rechecked = { orgId: string; domain: string; found: Recheck; unproved: boolean };

/**
 * Looks up again the DNS record of every domain proved by DNS that is due (`recheckDue`): found, it
 * stays proved; missing, the domain says since when (the settings page warns of the day it stops
 * signing in) and, past the grace, is no longer proved, in the admin change log by
 * `domainRecheckActor`, until an admin proves it again. Each row is claimed by moving its
 * `checked_at` first, so processes running the job look it up once.
 */
export async function recheckProvedDomains(
  services: Pick<Services, 'database' | 'logger'>,
  now: Date,
  lookup: TxtLookup,
): Promise<Rechecked[]> {
  const db = services.database.db;
  const proved = await db.select().from(ssoDomains).where(eq(ssoDomains.verifiedBy, 'dns'));
  const done: Rechecked[] = [];
  for (const d of proved.filter((row) => recheckDue(row, now))) {
    const same = and(
      eq(ssoDomains.orgId, d.orgId),
      eq(ssoDomains.domain, d.domain),
      eq(ssoDomains.verifiedBy, 'dns'),
    );
    const [claimed] = await db
      .update(ssoDomains)
      .set({ checkedAt: now })
      .where(and(same, d.checkedAt ? eq(ssoDomains.checkedAt, d.checkedAt) : isNull(ssoDomains.checkedAt)))
      .returning({ domain: ssoDomains.domain });
    if (!claimed) continue;
    // Outside any transaction: DNS may take seconds, and PGlite has one connection.
    const found = await lookUp(lookup, d.domain, d.verificationToken);
    const next = afterRecheck(found, d.missingSince, now);
    // Still as claimed: an admin who proved it again meanwhile (moving `checked_at`) has the last word.
    const ours = and(same, eq(ssoDomains.checkedAt, now));
    if (found !== 'found')
      services.logger.warn(
        { orgId: d.orgId, domain: d.domain, found, missingSince: next.missingSince },
        'SSO domain record not found',
      );
    if (!next.unprove) {
      if (next.missingSince?.getTime() !== d.missingSince?.getTime()) {
        const [marked] = await db
          .update(ssoDomains)
          .set({ missingSince: next.missingSince })
          .where(ours)
          .returning({ missingSince: ssoDomains.missingSince });
        if (marked?.missingSince && !d.missingSince)
          await tellAdmins(db, d.orgId, recordMissingNotice(d.domain, marked.missingSince), now);
      }
      done.push({ orgId: d.orgId, domain: d.domain, found, unproved: false });
      continue;
    }
    const unproved = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(ssoDomains)
        .set({ verifiedAt: null, verifiedBy: null, missingSince: null })
        .where(ours)
        .returning({ domain: ssoDomains.domain });
      if (!row) return false;
      await recordChange(
        tx,
        { orgId: d.orgId, now, actorId: domainRecheckActor.id },
        'settings.changed',
        settingsSubject.singleSignOn,
        { domainUnproved: { from: d.domain, to: null } },
      );
      return true;
    });
    if (unproved) await tellAdmins(db, d.orgId, unprovedNotice(d.domain, now), now);
    done.push({ orgId: d.orgId, domain: d.domain, found, unproved });
  }
  return done;
}

const tellAdmins = async (db: Db, orgId: string, notice: ReturnType<typeof unprovedNotice>, now: Date) =>
  putNotice(db, await adminsOf(db, orgId), { orgId, ...notice }, now);

async function lookUp(lookup: TxtLookup, domain: string, token: string): Promise<Recheck> {
  try {
    return provedBy(await lookup(proofRecord(domain, token).name), token) ? 'found' : 'missing';
  } catch (error) {
    return nothingPublished.has((error as { code?: string }).code ?? '') ? 'missing' : 'unanswered';
  }
}

/** Hourly in each process; each domain is due daily (every six hours while its record is missing). */
export function domainRecheckJob(services: Pick<Services, 'database' | 'config' | 'logger'>): Job {
  return {
    id: 'auth.domain-recheck',
    every: 60 * 60_000,
    run: async (now) => {
      await recheckProvedDomains(services, now, txtLookup(services.config.dnsServers));
    },
  };
}
