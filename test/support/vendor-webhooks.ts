import { createHmac } from 'node:crypto';
import { beforeAll } from 'vitest';
import type { Harness } from './harness.ts';

/** The signing secrets the adapter tests give the server, one per vendor. */
export const vendorSecrets = {
  zendesk: 'zd-signing-secret',
  freshdesk: 'fd-shared-secret',
  intercom: 'ic-client-secret',
};

/** Sets the vendors' secrets on the suite's server before its tests run. */
export function useVendorSecrets(h: () => Harness) {
  beforeAll(() => {
    const config = h().runtime.services.config;
    config.zendeskSecret = vendorSecrets.zendesk;
    config.freshdeskSecret = vendorSecrets.freshdesk;
    config.intercomSecret = vendorSecrets.intercom;
  });
}

/** Posts a raw body to a vendor's inbound webhook, as the vendor would. */
export async function postInbound(
  h: () => Harness,
  vendor: string,
  raw: string,
  headers: Record<string, string>,
) {
  const res = await h().runtime.app.request(`/api/v1/webhooks/inbound/${vendor}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw,
  });
  return { status: res.status, body: await res.json() };
}

/** Zendesk's signature: HMAC-SHA256 of the timestamp and the body, in base64, beside the timestamp. */
export function zendeskHeaders(raw: string, timestamp: string, secret = vendorSecrets.zendesk) {
  const signature = createHmac('sha256', secret)
    .update(timestamp + raw)
    .digest('base64');
  return { 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp };
}

/** Intercom's signature: HMAC-SHA1 of the body with the app's client secret, in hex. */
export const intercomHeaders = (raw: string, secret = vendorSecrets.intercom) => ({
  'x-hub-signature': `sha1=${createHmac('sha1', secret).update(raw).digest('hex')}`,
});
