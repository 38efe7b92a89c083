import { useEffect, useRef, useState } from 'react';
import type { IssuedToken } from './tokens-api.ts';

/**
 * The token, the one time Baton can show it (it keeps only a hash): selected, with a Copy button.
 * Where the clipboard is refused (no secure context, no permission) the text stays selected to copy
 * by hand.
 */
export function ShowOnce({
  issued,
  onDone,
}: {
  /** Without a name (the organisation's one provisioning token), the note says "of it". */
  issued: { name?: string; token: IssuedToken['token'] };
  onDone: () => void;
}) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const select = () => {
    field.current?.focus();
    field.current?.select();
  };
  // Focus lands on the token, selected: Ctrl+C copies it at once.
  useEffect(select, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied('yes');
    } catch {
      // Outside a secure context, or refused: the old way may still work; else it stays selected.
      select();
      setCopied(document.execCommand('copy') ? 'yes' : 'no');
    }
  };

  return (
    <div className="form" data-testid="token-issued">
      <div className="note note-warn" role="alert">
        <strong>Copy it now: it will not be shown again</strong>
        <span>
          Baton keeps only a hash of {issued.name ? `“${issued.name}”` : 'it'}. If it is lost, revoke it and
          issue another.
        </span>
      </div>
      <div className="field">
        <label htmlFor="token-value">Token</label>
        <div className="token-copy">
          {/* A text area: the whole token shows, wrapped, even on a phone. */}
          <textarea
            id="token-value"
            ref={field}
            className="secret-input token-value"
            readOnly
            rows={2}
            value={issued.token}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="token-value"
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </button>
        </div>
        <span className="hint">
          Send it as <code>Authorization: Bearer …</code>
        </span>
        <span className="small" role="status" aria-live="polite">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'no'
              ? 'The clipboard is not available here: the token is selected, press Ctrl+C (⌘C) to copy it.'
              : ''}
        </span>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
