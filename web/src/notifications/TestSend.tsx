import type { TestSend as Answer } from '../../../src/notifications/notifications.types.ts';
import { post } from '../api/client.ts';
import { SendTest } from '../app/SendTest.tsx';

/**
 * Send test beside a saved Slack address or e-mail: a message now, and how it went. Until a changed
 * address is saved there is nothing to test (the test would go to the old one).
 */
export function TestSend({
  path,
  body,
  label,
  unsaved,
}: {
  path: string;
  body?: unknown;
  label: string;
  unsaved?: boolean;
}) {
  return (
    <div className="test-send">
      <SendTest
        send={() => post<Answer>(path, body)}
        outcome={(a) =>
          a.delivered
            ? { ok: true, badge: 'Test sent', detail: `to ${a.to} in ${a.ms} ms` }
            : { ok: false, badge: 'Test failed', detail: a.error ?? '' }
        }
        label={label}
        testId="test-send"
        disabledWhy={unsaved ? 'Save the new address to test it.' : undefined}
      />
    </div>
  );
}
