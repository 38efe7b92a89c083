import type { TestDelivery as Answer } from '../../../src/integrations/integrations.types.ts';
import { SendTest } from '../app/SendTest.tsx';
import { webhooksApi } from './deliveries-api.ts';

/**
 * Send test: a `webhook.test` event to the subscription's receiver now, and what it answered, so a
 * lead setting up a channel or a helpdesk sees at once whether the address and secret work.
 */
export function TestDelivery({ id }: { id: string }) {
  return (
    <SendTest
      send={() => webhooksApi.test(id)}
      outcome={(a: Answer) =>
        a.delivered
          ? { ok: true, badge: 'Test delivered', detail: `HTTP ${a.status} in ${a.ms} ms` }
          : { ok: false, badge: 'Test failed', detail: a.error ?? '' }
      }
      testId="test-delivery"
    />
  );
}
