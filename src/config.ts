import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type DomainProofSetting, domainProofSettings } from './auth/domain-proof.ts';

/** Environment parsed once; every default lives here. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  BATON_DATA_DIR: z.string().default('./.baton'),
  DATABASE_URL: z.string().optional(),
  BATON_ADMIN_TOKEN: z.string().min(1).optional(),
  BATON_SETUP_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  BATON_WEBHOOK_SECRET: z.string().optional(),
  BATON_WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  BATON_WEBHOOK_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  BATON_SSO_ALLOW_HTTP: z.enum(['0', '1']).default('0'),
  BATON_SSO_DOMAIN_PROOF: z.enum(domainProofSettings).default('auto'),
  BATON_DNS_SERVERS: z.string().optional(),
  BATON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BATON_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  BATON_LLM_URL: z.string().optional(),
  BATON_LLM_MODEL: z.string().optional(),
  BATON_LLM_API_KEY: z.string().optional(),
  BATON_SCHEDULER_INTERVAL_MS: z.coerce.number().int().positive().default(250),
  BATON_PGLITE_UPKEEP_S: z.coerce.number().int().positive().default(30),
  BATON_JOBS_FIRST_RUN_S: z.coerce.number().int().nonnegative().default(60),
  BATON_ZENDESK_SECRET: z.string().optional(),
  BATON_FRESHDESK_SECRET: z.string().optional(),
  BATON_INTERCOM_SECRET: z.string().optional(),
  BATON_SMTP_URL: z.string().optional(),
  BATON_SMTP_FROM: z.string().default('Baton <baton@localhost>'),
  BATON_PUBLIC_URL: z.string().optional(),
  BATON_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  BATON_LOGIN_LIMIT_ACCOUNT: z.coerce.number().int().min(0).default(10),
  BATON_LOGIN_LIMIT_ADDRESS: z.coerce.number().int().min(0).default(50),
  BATON_LOGIN_LIMIT_WINDOW_S: z.coerce.number().int().positive().default(900),
  BATON_RESET_LIMIT_ACCOUNT: z.coerce.number().int().min(0).default(3),
  BATON_RESET_LIMIT_ADDRESS: z.coerce.number().int().min(0).default(20),
  BATON_RESET_LIMIT_WINDOW_S: z.coerce.number().int().positive().default(3600),
  BATON_TOKEN_LIMIT_ADDRESS: z.coerce.number().int().min(0).default(30),
  BATON_TOKEN_LIMIT_WINDOW_S: z.coerce.number().int().positive().default(60),
  BATON_SSO_LIMIT_ADDRESS: z.coerce.number().int().min(0).default(60),
  BATON_SSO_LIMIT_WINDOW_S: z.coerce.number().int().positive().default(60),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminToken?: string;
  /** What `POST /setup` asks for while the server has no organisation (`BATON_SETUP_TOKEN`, or made at start). */
  setupToken: string;
  webhookSecret?: string;
  webhookAllowPrivate: boolean;
  /** Days a delivered webhook delivery stays in the outbox (its log); waiting and dead ones stay. */
  webhookLogDays: number;
  /** Single sign-on with an identity provider on this machine over plain http (tests, a local provider); https otherwise. */
  ssoAllowHttp: boolean;
  /** Whether single sign-on's e-mail domains must be proved by a DNS record (`auto`: once the server holds several organisations). */
  ssoDomainProof: DomainProofSetting;
  /** The DNS servers that answer the domain proofs' lookups (`host` or `host:port`); the system's by default. */
  dnsServers?: string[];
  logLevel: z.infer<typeof envSchema>['BATON_LOG_LEVEL'];
  bodyLimit: number;
  llm?: { url: string; model: string; apiKey?: string };
  schedulerIntervalMs: number;
  /** On PGlite (no autovacuum): seconds between two steps of the database upkeep (src/db/upkeep.ts). */
  pgliteUpkeepMs: number;
  /** Periodic jobs first run this long after start, or after their interval when shorter. */
  jobsFirstRunMs: number;
  /** Helpdesk adapters: Zendesk's signing secret, Freshdesk's shared secret, Intercom's client secret. */
  zendeskSecret?: string;
  freshdeskSecret?: string;
  intercomSecret?: string;
  /** Email notifications: an SMTP URL (`smtp://user:pass@host:587`, `smtps://...`); unset means no email. */
  smtpUrl?: string;
  smtpFrom: string;
  /** Where the web app is reached, for links in Slack and email; links stay relative when unset. */
  publicUrl?: string;
  /** Behind a reverse proxy: trust its X-Forwarded-For (client address) and X-Forwarded-Proto (HSTS). */
  trustProxy: boolean;
  /**
   * Failed sign-ins per account and per client address, password reset links asked for per address
   * given and per client address, and refused API tokens per address (0: off).
   */
  rateLimits: {
    loginPerAccount: number;
    loginPerAddress: number;
    loginWindowMs: number;
    resetsPerAccount: number;
    resetsPerAddress: number;
    resetWindowMs: number;
    badTokensPerAddress: number;
    badTokenWindowMs: number;
    ssoStartsPerAddress: number;
    ssoStartWindowMs: number;
  };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment variable ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.BATON_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    adminToken: e.BATON_ADMIN_TOKEN,
    // Made once per process unless given: the server logs it while no organisation exists.
    setupToken: e.BATON_SETUP_TOKEN ?? randomBytes(24).toString('base64url'),
    webhookSecret: e.BATON_WEBHOOK_SECRET,
    webhookAllowPrivate: e.BATON_WEBHOOK_ALLOW_PRIVATE === '1',
    webhookLogDays: e.BATON_WEBHOOK_LOG_DAYS,
    ssoAllowHttp: e.BATON_SSO_ALLOW_HTTP === '1',
    ssoDomainProof: e.BATON_SSO_DOMAIN_PROOF,
    dnsServers: e.BATON_DNS_SERVERS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.BATON_LOG_LEVEL,
    bodyLimit: e.BATON_BODY_LIMIT,
    llm:
      e.BATON_LLM_URL && e.BATON_LLM_MODEL
        ? { url: e.BATON_LLM_URL, model: e.BATON_LLM_MODEL, apiKey: e.BATON_LLM_API_KEY }
        : undefined,
    schedulerIntervalMs: e.BATON_SCHEDULER_INTERVAL_MS,
    pgliteUpkeepMs: e.BATON_PGLITE_UPKEEP_S * 1000,
    jobsFirstRunMs: e.BATON_JOBS_FIRST_RUN_S * 1000,
    zendeskSecret: e.BATON_ZENDESK_SECRET || undefined,
    freshdeskSecret: e.BATON_FRESHDESK_SECRET || undefined,
    intercomSecret: e.BATON_INTERCOM_SECRET || undefined,
    smtpUrl: e.BATON_SMTP_URL || undefined,
    smtpFrom: e.BATON_SMTP_FROM,
    publicUrl: e.BATON_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    trustProxy: e.BATON_TRUST_PROXY === '1',
    rateLimits: {
      loginPerAccount: e.BATON_LOGIN_LIMIT_ACCOUNT,
      loginPerAddress: e.BATON_LOGIN_LIMIT_ADDRESS,
      loginWindowMs: e.BATON_LOGIN_LIMIT_WINDOW_S * 1000,
      resetsPerAccount: e.BATON_RESET_LIMIT_ACCOUNT,
      resetsPerAddress: e.BATON_RESET_LIMIT_ADDRESS,
      resetWindowMs: e.BATON_RESET_LIMIT_WINDOW_S * 1000,
      badTokensPerAddress: e.BATON_TOKEN_LIMIT_ADDRESS,
      badTokenWindowMs: e.BATON_TOKEN_LIMIT_WINDOW_S * 1000,
      ssoStartsPerAddress: e.BATON_SSO_LIMIT_ADDRESS,
      ssoStartWindowMs: e.BATON_SSO_LIMIT_WINDOW_S * 1000,
    },
  };
}
