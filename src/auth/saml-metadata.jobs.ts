import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { recordChange } from '../admin/admin-changes.commands.ts';
import { replacedFields, samlMetadataActor, settingsSubject } from '../admin/changes.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { fingerprintsOf } from './saml.ts';
import { readIdpMetadata } from './saml-metadata.commands.ts';
import { singleSignOn } from './single-sign-on.table.ts';

/** A provider's metadata is read again a day after the last read, an hour after a failed one. */
export const metadataReadAgainHours = 24;
export const metadataRetryHours = 1;
const hours = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000);

type Refreshed = { orgId: string; changed: boolean; problem: string | null };

/**
 * Reads again every SAML provider's metadata that is due, so a provider that rolls its signing key
 * over (publishing the next certificate beside the current one, then dropping the old) is followed
 * without an admin. A change is saved and written to the admin change log (by the metadata, `samlMetadataActor`); a
 * failed read keeps what was saved and says why on the settings page, and is tried again in an hour.
 * Each row is claimed by moving its `checked_at` first, so processes running the job read it once.
 */
export async function refreshSamlMetadata(
  services: Pick<Services, 'database' | 'config' | 'logger'>,
  now: Date,
): Promise<Refreshed[]> {
  const db = services.database.db;
  const checkedAt = singleSignOn.samlMetadataCheckedAt;
  const due = await db
    .select()
    .from(singleSignOn)
    .where(
      and(
        eq(singleSignOn.protocol, 'saml'),
        isNotNull(singleSignOn.samlMetadataUrl),
        or(
          isNull(checkedAt),
          lt(checkedAt, hours(now, metadataReadAgainHours)),
          and(isNotNull(singleSignOn.samlMetadataProblem), lt(checkedAt, hours(now, metadataRetryHours))),
        ),
      ),
    );
  const done: Refreshed[] = [];
  for (const row of due) {
    const url = row.samlMetadataUrl!;
    const same = and(eq(singleSignOn.orgId, row.orgId), eq(singleSignOn.samlMetadataUrl, url));
    const [claimed] = await db
      .update(singleSignOn)
      .set({ samlMetadataCheckedAt: now })
      .where(
        and(same, row.samlMetadataCheckedAt ? eq(checkedAt, row.samlMetadataCheckedAt) : isNull(checkedAt)),
      )
      .returning({ orgId: singleSignOn.orgId });
    if (!claimed) continue;
    // Outside any transaction: the provider may take seconds, and PGlite has one connection.
    const read = await readIdpMetadata(url, services.config.ssoAllowHttp);
    if ('problem' in read) {
      await db.update(singleSignOn).set({ samlMetadataProblem: read.problem }).where(same);
      services.logger.warn({ orgId: row.orgId, url, problem: read.problem }, 'SAML metadata not read');
      done.push({ orgId: row.orgId, changed: false, problem: read.problem });
      continue;
    }
    const after = {
      samlSignInUrl: read.signInUrl,
      samlIdpEntityId: read.entityId || null,
      samlCertificate: read.certificate,
    };
    const view = (s: {
      samlSignInUrl: string | null;
      samlIdpEntityId: string | null;
      samlCertificate: string | null;
    }) => ({
      samlSignInUrl: s.samlSignInUrl,
      samlIdpEntityId: s.samlIdpEntityId,
      samlCertificate: fingerprintsOf(s.samlCertificate),
    });
    const detail = replacedFields(view(row), view(after));
    await db.transaction(async (tx) => {
      await tx
        .update(singleSignOn)
        .set({ ...after, samlMetadataProblem: null, updatedAt: now })
        .where(same);
      await recordChange(
        tx,
        { orgId: row.orgId, now, actorId: samlMetadataActor.id },
        'settings.changed',
        settingsSubject.singleSignOn,
        {
          ...detail,
          ...(Object.keys(detail).length ? { readFrom: { from: null, to: url } } : {}),
        },
      );
    });
    const changed = Object.keys(detail).length > 0;
    if (changed) services.logger.info({ orgId: row.orgId, url, detail }, 'SAML metadata changed: saved');
    done.push({ orgId: row.orgId, changed, problem: null });
  }
  return done;
}

/** Hourly in each process; what is due is read once (the claim). */
export function samlMetadataJob(services: Pick<Services, 'database' | 'config' | 'logger'>): Job {
  return {
    id: 'auth.saml-metadata',
    every: 60 * 60_000,
    run: async (now) => {
      await refreshSamlMetadata(services, now);
    },
  };
}
