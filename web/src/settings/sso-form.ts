// The single sign-on form's rules: pure, tested apart from the page.

/** The fields of the form, as the API names them (`field` of an error). */
export type SsoField =
  | 'enabled'
  | 'protocol'
  | 'issuer'
  | 'clientId'
  | 'clientSecret'
  | 'samlSignInUrl'
  | 'samlIdpEntityId'
  | 'samlCertificate'
  | 'samlMetadataUrl'
  | 'emailDomains'
  | 'passwordSignIn';
const fields: SsoField[] = [
  'enabled',
  'protocol',
  'issuer',
  'clientId',
  'clientSecret',
  'samlSignInUrl',
  'samlIdpEntityId',
  'samlCertificate',
  'samlMetadataUrl',
  'emailDomains',
  'passwordSignIn',
];

/** The form's field an API error names (`emailDomains.1` is the domains field); none when it names none. */
export function fieldOf(apiField: string | undefined): SsoField | undefined {
  const head = apiField?.split('.')[0];
  return fields.find((f) => f === head);
}

/** Domains as typed (one a line, or separated by commas or spaces), as the API takes them. */
export const domainsOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
