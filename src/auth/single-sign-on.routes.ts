import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { json, ok } from '../http/openapi.ts';
import { organisationCount } from '../orgs/orgs.queries.ts';
import { txtLookup } from './dns-lookup.ts';
import { proofAsked, proofRecord, stopsSigningInAt } from './domain-proof.ts';
import { certificateSummaries, serviceProviderOf } from './saml.ts';
import { proveSsoDomain, saveSsoSettings } from './single-sign-on.commands.ts';
import { slugOf, ssoSettingsOf } from './single-sign-on.queries.ts';
import { redirectUriOf } from './single-sign-on.ts';
import { ssoSettingsSchema } from './single-sign-on.types.ts';

const tags = ['auth'];

/** The callback address to register at the identity provider, as this request sees Baton. */
export const redirectUriFor = (c: Context<AppEnv>) =>
  redirectUriOf(c.var.services.config.publicUrl, new URL(c.req.url).origin);

/** Baton's address as this request sees it: the public one when configured. */
const publicBase = (c: Context<AppEnv>) => c.var.services.config.publicUrl ?? new URL(c.req.url).origin;

/** Baton as a SAML service provider, as this request sees it: what an admin registers at the provider. */
export const serviceProviderFor = (c: Context<AppEnv>) =>
  serviceProviderOf(c.var.services.config.publicUrl, new URL(c.req.url).origin);

/** Whether a domain saved now must be proved by DNS before it signs anyone in. */
async function proofAskedHere(c: Context<AppEnv>) {
  const { config, database } = c.var.services;
  return proofAsked(config.ssoDomainProof, await organisationCount(database.db));
}

/** The settings as an admin reads them: whether a secret is stored, never the secret. */
async function ssoView(c: Context<AppEnv>) {
  const saved = await ssoSettingsOf(c.var.services.database.db, c.var.principal.orgId);
  return {
    domains: (saved?.domainProofs ?? []).map((d) => ({
      domain: d.domain,
      proved: d.verifiedAt !== null,
      provedAt: d.verifiedAt?.toISOString() ?? null,
      provedBy: d.verifiedBy,
      record: proofRecord(d.domain, d.verificationToken),
      checkedAt: d.checkedAt?.toISOString() ?? null,
      missingSince: d.missingSince?.toISOString() ?? null,
      stopsSigningInAt: d.missingSince ? stopsSigningInAt(d.missingSince).toISOString() : null,
    })),
    domainProofAsked: await proofAskedHere(c),
    enabled: saved?.enabled ?? false,
    protocol: saved?.protocol ?? 'oidc',
    issuer: saved?.issuer ?? null,
    clientId: saved?.clientId ?? null,
    clientSecretSet: Boolean(saved?.clientSecret),
    emailDomains: saved?.emailDomains ?? [],
    passwordSignIn: saved?.passwordSignIn ?? 'everyone',
    addPeopleAs: saved?.addPeopleAs ?? null,
    redirectUri: redirectUriFor(c),
    samlSignInUrl: saved?.samlSignInUrl ?? null,
    samlIdpEntityId: saved?.samlIdpEntityId ?? null,
    samlMetadataUrl: saved?.samlMetadataUrl ?? null,
    samlMetadataCheckedAt: saved?.samlMetadataCheckedAt ?? null,
    samlMetadataProblem: saved?.samlMetadataProblem ?? null,
    samlCertificate: saved?.samlCertificate ?? null,
    samlCertificates: saved?.samlCertificate ? certificateSummaries(saved.samlCertificate) : [],
    serviceProvider: serviceProviderFor(c),
    signInLink: `${publicBase(c)}/api/v1/auth/sso/start?org=${encodeURIComponent((await slugOf(c.var.services.database.db, c.var.principal.orgId)) ?? '')}`,
  };
}

/** Single sign-on with the organisation's identity provider, OpenID Connect or SAML 2.0 (admins). */
export function registerSsoSettingsRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/settings/single-sign-on',
      tags,
      middleware: [requireRole('admin')],
      responses: {
        200: ok(
          '`{enabled, protocol, issuer, clientId, clientSecretSet, samlSignInUrl, samlIdpEntityId, samlCertificate, samlCertificates, samlMetadataUrl, samlMetadataCheckedAt, samlMetadataProblem, emailDomains, domains, domainProofAsked, passwordSignIn, addPeopleAs, redirectUri, serviceProvider}`: the identity provider (null fields before one is saved; `protocol` `oidc` or `saml`, each protocol\'s fields kept as last saved; `samlCertificates`: each signing certificate\'s `{subject, validTo, fingerprint}`; with `samlMetadataUrl`, when Baton last read it and why that read failed, null when it did not), whether a client secret is stored (never the secret), the e-mail domains it is to sign in and, in `domains`, each one\'s proof (`{domain, proved, provedAt, provedBy: "dns"|"unchallenged"|null, record: {type, name, value}, checkedAt, missingSince, stopsSigningInAt}`: only a proved domain signs in; `record` is the DNS TXT record that proves it; a domain proved by DNS is looked up again daily (`checkedAt`), and once its record is missing (`missingSince`) it stops signing in at `stopsSigningInAt`, three days on, unless the record is back), whether a domain saved now must be proved first (`BATON_SSO_DOMAIN_PROOF`), who may still use a password (`everyone`, `admins_only`), the role someone unknown is added with on their first sign-in (null: refused), the callback address to register at an OpenID Connect provider, and what to register at a SAML one (`serviceProvider: {entityId, acsUrl, metadataUrl}`), and `signInLink`, the address an identity provider’s app tile opens to sign in (`/auth/sso/start?org=<short name>`), on `BATON_PUBLIC_URL` when set',
        ),
      },
    }),
    async (c) => c.json(await ssoView(c), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/settings/single-sign-on',
      tags,
      middleware: [requireRole('admin')],
      request: { body: json(ssoSettingsSchema) },
      responses: {
        200: ok(
          'Saved, answered as `GET` with `passwordSessionsEnded`: the password sessions ended because the rule no longer lets their people use a password (`admins_only`); in the admin change log (the secret only as changed)',
        ),
        409: ok('conflict: an e-mail domain is proved by another organisation (`field`: `emailDomains`)'),
        422: ok(
          "sso_discovery_failed: turning OpenID Connect on could not read the issuer's discovery document",
        ),
      },
    }),
    async (c) => {
      const { database, config } = c.var.services;
      const saved = await saveSsoSettings(database.db, adminCtxOf(c), c.req.valid('json'), {
        allowHttp: config.ssoAllowHttp,
        proofAsked: await proofAskedHere(c),
      });
      return c.json({ ...(await ssoView(c)), ...saved }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/settings/single-sign-on/domains/{domain}/prove',
      tags,
      middleware: [requireRole('admin')],
      request: { params: z.object({ domain: z.string().min(1).max(253) }) },
      responses: {
        200: ok(
          "Proved: the TXT record at `_baton-challenge.<domain>` holds the domain's value (or it was proved already); answered as `GET`. In the admin change log",
        ),
        404: ok('not_found: the organisation does not claim that domain'),
        409: ok('conflict: another organisation proved the domain first'),
        422: ok('domain_unproved: no such record yet, or another value (`record`, `found`); nothing changed'),
      },
    }),
    async (c) => {
      const { database, config } = c.var.services;
      const { passwordSessionsEnded } = await proveSsoDomain(
        database.db,
        adminCtxOf(c),
        c.req.valid('param').domain.toLowerCase(),
        txtLookup(config.dnsServers),
      );
      return c.json({ ...(await ssoView(c)), passwordSessionsEnded }, 200);
    },
  );
}
