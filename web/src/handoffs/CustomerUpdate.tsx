import { useState } from 'react';
import type { CustomerUpdate as Update } from '../api/types.ts';
import { Erasable } from '../app/Erased.tsx';
import { formatDateTime } from '../app/format.ts';
import { Section } from '../app/ui.tsx';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Outside a secure context: the old way still works.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** The warm message drafted for the customer, ready to paste into the helpdesk reply. */
export function CustomerUpdate({ update, stale }: { update: Update; stale?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  if (stale)
    // The message promised a team and an owner the handoff no longer has: kept for the record, not to send.
    return (
      <Section title="Customer update">
        <div className="note note-warn" role="note" data-testid="customer-update-stale">
          {stale}
        </div>
        <blockquote className="customer-update muted">
          <Erasable text={update.text} />
        </blockquote>
      </Section>
    );
  return (
    <Section
      title="Customer update"
      actions={
        <button
          type="button"
          className="button small"
          onClick={async () => {
            setCopied((await copyText(update.text)) ? 'yes' : 'no');
            setTimeout(() => setCopied(null), 2500);
          }}
        >
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      }
    >
      <blockquote className="customer-update" data-testid="customer-update">
        <Erasable text={update.text} />
      </blockquote>
      <p className="muted small">
        Committed reply by {formatDateTime(update.replyBy)}. Holds no internal notes.{' '}
        <span role="status" aria-live="polite">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'no'
              ? 'Copy failed: select the text instead.'
              : ''}
        </span>
      </p>
    </Section>
  );
}
