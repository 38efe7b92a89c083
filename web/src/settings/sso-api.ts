import type { CertificateSummary, ServiceProvider } from '../../../src/auth/saml.ts';
import type { PasswordSignIn, SsoProtocol } from '../../../src/auth/single-sign-on.ts';
import type { SsoSettingsBody } from '../../../src/auth/single-sign-on.types.ts';
import { get, post, put } from '../api/client.ts';

/** `GET /settings/single-sign-on`: the identity provider as saved (never its secret). */
export type SsoSettings = {
  enabled: boolean;
  protocol: SsoProtocol;
  issuer: string | null;
  clientId: string | null;
  clientSecretSet: boolean;
  emailDomains: string[];
  passwordSignIn: PasswordSignIn;
  /** The role someone unknown is added with on their first sign-in; null: refused. */
  addPeopleAs: 'agent' | 'lead' | 'supervisor' | 'qa' | null;
  /** The callback address to register at an OpenID Connect provider. */
  redirectUri: string;
  /** SAML: the provider's sign-in URL, entity ID and signing certificate(s), PEM, as saved. */
  samlSignInUrl: string | null;
  samlIdpEntityId: string | null;
  samlCertificate: string | null;
  samlCertificates: CertificateSummary[];
  /** SAML: the provider's metadata address, when the fields are read from it; when last read, and why that failed. */
  samlMetadataUrl: string | null;
  samlMetadataCheckedAt: string | null;
  samlMetadataProblem: string | null;
  /** What to register at a SAML provider: Baton's entity ID, reply (ACS) URL and metadata. */
  serviceProvider: ServiceProvider;
  /** The link an identity provider's app tile opens to sign in to this organisation. */
  signInLink: string;
  /** Each domain's proof: only a proved domain signs in; `record` is the DNS TXT record that proves it. */
  domains: DomainProof[];
  /** Whether a domain saved now must be proved by DNS first (several organisations share this Baton). */
  domainProofAsked: boolean;
};

export type DomainProof = {
  domain: string;
  proved: boolean;
  provedAt: string | null;
  provedBy: 'dns' | 'unchallenged' | null;
  record: { type: 'TXT'; name: string; value: string };
  /** When Baton last looked the record of a domain proved by DNS up again. */
  checkedAt: string | null;
  /** Since when that record has been missing; the domain stops signing in at `stopsSigningInAt`. */
  missingSince: string | null;
  stopsSigningInAt: string | null;
};

const path = '/api/v1/settings/single-sign-on';

export const ssoApi = {
  get: (signal?: AbortSignal) => get<SsoSettings>(path, signal),
  /** 400 naming the field, 409 `conflict` (emailDomains), 422 `sso_discovery_failed` (issuer, OpenID Connect). */
  save: (input: SsoSettingsBody) => put<SsoSettings & { passwordSessionsEnded: number }>(path, input),
  /** Checks the domain's DNS record: 422 `domain_unproved` (`found`), 409 `conflict` when proved elsewhere. */
  prove: (domain: string) =>
    post<SsoSettings & { passwordSessionsEnded: number }>(
      `${path}/domains/${encodeURIComponent(domain)}/prove`,
      {},
    ),
};
