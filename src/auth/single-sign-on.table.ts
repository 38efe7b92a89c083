import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';
import { provisionedRoles } from '../provisioning/scim.types.ts';
import { domainProofs } from './domain-proof.ts';
import type { SamlIdentity } from './saml.ts';
import { passwordSignInChoices, ssoProtocols } from './single-sign-on.ts';

/**
 * An organisation's identity provider: one row, once an admin has saved one. It speaks OpenID
 * Connect (issuer, client) or SAML 2.0 (sign-in URL, signing certificate); the other protocol's
 * fields are kept as last saved, so switching back needs no secret again.
 */
export const singleSignOn = pgTable(
  'single_sign_on',
  {
    orgId: orgId().primaryKey(),
    enabled: boolean('enabled').notNull().default(false),
    protocol: text('protocol', { enum: ssoProtocols }).notNull().default('oidc'),
    issuer: text('issuer'),
    clientId: text('client_id'),
    /**
     * Baton sends it to the identity provider with each code it exchanges, so it is kept as it is
     * (not a hash, unlike sessions and tokens); never answered, never logged.
     */
    clientSecret: text('client_secret'),
    /** SAML: where the browser is sent with the authentication request (HTTP-Redirect binding). */
    samlSignInUrl: text('saml_sign_in_url'),
    /** SAML: the identity provider's entity ID, checked against the response's issuer when given. */
    samlIdpEntityId: text('saml_idp_entity_id'),
    /** SAML: the certificate(s), PEM, whose key signs the provider's responses or assertions. */
    samlCertificate: text('saml_certificate'),
    /**
     * SAML: where the provider publishes its metadata; given, the three fields above are read from
     * it on saving and again every day (saml-metadata.jobs.ts), so a key rollover needs nobody.
     */
    samlMetadataUrl: text('saml_metadata_url'),
    /** When the metadata was last read (or tried), and why that try failed (null: it was read). */
    samlMetadataCheckedAt: instant('saml_metadata_checked_at'),
    samlMetadataProblem: text('saml_metadata_problem'),
    passwordSignIn: text('password_sign_in', { enum: passwordSignInChoices }).notNull().default('everyone'),
    /**
     * Someone the provider signs in whom Baton does not know yet is added with this role on their
     * first sign-in (just-in-time); null: refused until an admin or SCIM adds them. Never admin.
     */
    addPeopleAs: text('add_people_as', { enum: provisionedRoles }),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    check('single_sign_on_password_sign_in', sql`${t.passwordSignIn} in ('everyone','admins_only')`),
    check('single_sign_on_add_people_as', sql`${t.addPeopleAs} in ('agent','lead','supervisor','qa')`),
    check('single_sign_on_protocol', sql`${t.protocol} in ('oidc','saml')`),
    check(
      'single_sign_on_oidc_complete',
      sql`${t.protocol} <> 'oidc' or (${t.issuer} is not null and ${t.clientId} is not null and ${t.clientSecret} is not null)`,
    ),
    check(
      'single_sign_on_saml_complete',
      sql`${t.protocol} <> 'saml' or (${t.samlSignInUrl} is not null and ${t.samlCertificate} is not null)`,
    ),
  ],
);

/**
 * The e-mail domains an organisation's identity provider is to sign in. A domain signs in only once
 * proved (`verified_at`), and is proved by one organisation at most (the partial unique index), so
 * an address leads to one identity provider; until then several organisations may claim it. Where
 * proof is not asked (`BATON_SSO_DOMAIN_PROOF`), a domain is saved proved, `verified_by`
 * `unchallenged`; otherwise a DNS TXT record carrying `verification_token` proves it (`dns`).
 */
export const ssoDomains = pgTable(
  'sso_domains',
  {
    orgId: orgId(),
    domain: text('domain').notNull(),
    verificationToken: text('verification_token').notNull(),
    verifiedAt: instant('verified_at'),
    verifiedBy: text('verified_by', { enum: domainProofs }),
    /** When Baton last looked its DNS record up again, proved by DNS (`domain-recheck.jobs.ts`). */
    checkedAt: instant('checked_at'),
    /** Since when the record proving it has been missing: it stops signing in after a grace. */
    missingSince: instant('missing_since'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.domain] }),
    uniqueIndex('sso_domains_proved').on(t.domain).where(sql`${t.verifiedAt} is not null`),
    check('sso_domains_verified_by', sql`${t.verifiedBy} in ('dns','unchallenged')`),
    check('sso_domains_proof', sql`(${t.verifiedAt} is null) = (${t.verifiedBy} is null)`),
  ],
);

/**
 * Sign-ins sent to the identity provider and not back yet: used once (deleted when the browser
 * comes back), forgotten by the retention job once expired. Only the state's hash is kept; the
 * nonce and the PKCE verifier (OpenID Connect) and the request's ID (SAML) are checked against what
 * the provider answers, so they are kept. A SAML response is checked where the provider posts it and
 * its identity kept here (`samlIdentity`) until the browser, sent on with the state, comes back with
 * the cookie that binds the sign-in to it.
 */
export const ssoAttempts = pgTable(
  'sso_attempts',
  {
    stateHash: text('state_hash').primaryKey(),
    orgId: orgId(),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    samlRequestId: text('saml_request_id'),
    samlIdentity: jsonb('saml_identity').$type<SamlIdentity>(),
    /** A path of this site to open once signed in. */
    next: text('next').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    index('sso_attempts_expires').on(t.expiresAt),
    check(
      'sso_attempts_protocol',
      sql`(${t.samlRequestId} is null) = (${t.nonce} is not null and ${t.codeVerifier} is not null)`,
    ),
  ],
);
