import { index, jsonb, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    personId: text('person_id'),
    name: text('name').notNull(),
    /** sha256 of the token: the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    roles: text('roles').array().notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('api_tokens_org').on(t.orgId)],
);

/**
 * Signed-in browsers: only the cookie's hash is kept. `userAgent` is what the browser said at
 * sign-in (cut to 300 characters); `clientAddress` and `lastSeenAt` are noted when the session
 * authenticates, at most once every 5 minutes, never per request.
 */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    orgId: orgId(),
    personId: text('person_id').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    userAgent: text('user_agent'),
    clientAddress: text('client_address'),
    lastSeenAt: instant('last_seen_at'),
    /**
     * `password` (with its second step when on) or `sso` (the identity provider vouched for the
     * person, its own second step included): an organisation's two-step requirement asks nothing more of `sso`.
     */
    signedInWith: text('signed_in_with', { enum: ['password', 'sso'] })
      .notNull()
      .default('password'),
  },
  (t) => [index('sessions_person').on(t.personId)],
);

/** Links to set a new password, e-mailed: only the token's hash is kept, and a link works once. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    orgId: orgId(),
    personId: text('person_id').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('password_resets_person').on(t.personId)],
);

/** Two-step sign-in's one-time recovery codes: only their sha256 is kept; a used one has `usedAt`. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    orgId: orgId(),
    personId: text('person_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    usedAt: instant('used_at'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.codeHash] })],
);

/** Stored answers to POSTs that carried an Idempotency-Key, replayed on retry. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: orgId(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    status: smallint('status'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);
