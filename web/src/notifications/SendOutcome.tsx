import type { LastSend } from '../../../src/notifications/notifications.types.ts';
import { relative } from '../app/format.ts';
import { type ExtraChannel, lastSendWords } from './notification-settings.ts';

/** How the last send by this channel went, beside the address it went to (a person's, or a team's channel). */
export function SendOutcome({
  send,
  channel,
  className = '',
}: {
  send: LastSend | null;
  channel: ExtraChannel;
  className?: string;
}) {
  const words = lastSendWords(send, channel, (iso) => relative(iso));
  if (!words) return null;
  return (
    <p
      className={`${words.tone === 'bad' ? 'small field-error' : 'small muted'} ${className}`.trim()}
      data-testid={`last-send-${channel}`}
    >
      {words.text}
    </p>
  );
}
