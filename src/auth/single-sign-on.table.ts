import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';
import { provisionedRoles } from '../provisioning/scim.types.ts';
import { domainProofs } from './domain-proof.ts';
import { passwordSignInChoices } from './single-sign-on.ts';

/** An organisation's OpenID Connect identity provider: one row, once an admin has saved one. */
export const singleSignOn = pgTable(
  'single_sign_on',
  {
    orgId: orgId().primaryKey(),
    enabled: boolean('enabled').notNull().default(false),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /**
     * Baton sends it to the identity provider with each code it exchanges, so it is kept as it is
     * (not a hash, unlike sessions and tokens); never answered, never logged.
     */
    clientSecret: text('client_secret').notNull(),
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
 * nonce and the PKCE verifier are checked against what the provider answers, so they are kept.
 */
export const ssoAttempts = pgTable(
  'sso_attempts',
  {
    stateHash: text('state_hash').primaryKey(),
    orgId: orgId(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** A path of this site to open once signed in. */
    next: text('next').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sso_attempts_expires').on(t.expiresAt)],
);
