import { z } from 'zod';
import { provisionedRoles } from '../provisioning/scim.types.ts';
import { passwordSignInChoices, ssoProtocols } from './single-sign-on.ts';

/** A domain people's e-mail addresses end in: a lower-case host name (`acme.com`, `eu.acme.co.uk`). */
const emailDomain = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be a lower-case domain name such as acme.com',
  );

const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be an https URL' }).max(2000);

/**
 * `PUT /settings/single-sign-on`: the organisation's identity provider, OpenID Connect (`issuer`,
 * `clientId`, `clientSecret`) or SAML 2.0 (`samlSignInUrl`, `samlCertificate`, `samlIdpEntityId`).
 */
export const ssoSettingsSchema = z
  .object({
    enabled: z.boolean(),
    protocol: z
      .enum(ssoProtocols)
      .default('oidc')
      .describe('`oidc` (OpenID Connect, the default) or `saml` (SAML 2.0)'),
    issuer: httpsUrl
      .max(500)
      .optional()
      .describe(
        "OpenID Connect: the identity provider's issuer (its discovery document is at /.well-known/openid-configuration)",
      ),
    clientId: z.string().trim().min(1).max(500).optional().describe('OpenID Connect: Baton’s client ID'),
    clientSecret: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe('OpenID Connect: needed the first time; left out, the stored one stays'),
    samlSignInUrl: httpsUrl
      .optional()
      .describe('SAML: the identity provider’s single sign-on URL (HTTP-Redirect binding)'),
    samlIdpEntityId: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .nullable()
      .optional()
      .describe(
        'SAML: the identity provider’s entity ID (issuer); given, a response from another is refused',
      ),
    samlCertificate: z
      .string()
      .min(1)
      .max(20_000)
      .optional()
      .describe(
        'SAML: the certificate the provider signs with, PEM or its base64 text (several PEM blocks while it rolls its key over); needed the first time, left out the stored one stays',
      ),
    samlMetadataUrl: httpsUrl
      .nullable()
      .optional()
      .describe(
        'SAML: where the provider publishes its metadata; given, Baton reads the sign-in URL, entity ID and certificate(s) from it now (instead of the fields) and again every day, so a key rollover needs nobody; null or left out: the fields as given',
      ),
    emailDomains: z
      .array(emailDomain)
      .max(50)
      .refine((d) => new Set(d).size === d.length, 'names a domain twice'),
    passwordSignIn: z.enum(passwordSignInChoices),
    addPeopleAs: z
      .enum(provisionedRoles)
      .nullable()
      .optional()
      .describe(
        'Add someone the provider signs in whom Baton does not know yet, with this role, on their first sign-in; null or left out: refuse them (`sso_no_account`) until an admin or SCIM adds them. Never admin',
      ),
  })
  .refine((s) => !s.enabled || s.emailDomains.length > 0, {
    message: 'give at least one e-mail domain to turn single sign-on on',
    path: ['emailDomains'],
  })
  .superRefine((s, ctx) => {
    const needed =
      s.protocol === 'oidc'
        ? (['issuer', 'clientId'] as const)
        : s.samlMetadataUrl
          ? ([] as const)
          : (['samlSignInUrl'] as const);
    for (const field of needed)
      if (s[field] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `is needed for ${s.protocol === 'oidc' ? 'OpenID Connect' : 'SAML'}`,
        });
  });
export type SsoSettingsInput = z.infer<typeof ssoSettingsSchema>;
/** The body as a client sends it (`protocol` may be left out: OpenID Connect). */
export type SsoSettingsBody = z.input<typeof ssoSettingsSchema>;

/** `GET /auth/sso/start`: whose address (or which organisation), and where to go once signed in. */
export const ssoStartQuery = z
  .object({
    email: z
      .string()
      .trim()
      .min(3)
      .max(320)
      .optional()
      .describe('The work e-mail address: its domain picks the organisation'),
    org: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe(
        "The organisation's short name instead of an address: the link an identity provider's app tile opens (the provider then asks who signs in)",
      ),
    next: z
      .string()
      .max(500)
      .optional()
      .describe('A path of this site to open after signing in (default `/`)'),
  })
  .refine((q) => q.email !== undefined || q.org !== undefined, 'give email or org');

/** `POST /auth/sso/saml`: what the identity provider posts through the browser (HTTP-POST binding). */
export const samlResponseForm = z.object({
  SAMLResponse: z.string().max(500_000).optional(),
  RelayState: z.string().max(500).optional(),
});

/** `GET /auth/sso/callback`: what the identity provider sends back. */
export const ssoCallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(500).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});
