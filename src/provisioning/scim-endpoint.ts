// Plain helpers shared by the SCIM routes: where the service provider is, and SCIM's media type.

/** RFC 7644 8.1: SCIM's own media type; providers also accept it as JSON. */
export const scimMediaType = 'application/scim+json';

/** The SCIM base URL a provider is given: on `BATON_PUBLIC_URL` when set, else as the request came in. */
export const scimBaseUrlOf = (publicUrl: string | undefined, requestOrigin: string) =>
  `${(publicUrl ?? requestOrigin).replace(/\/+$/, '')}/scim/v2`;
