import { useState } from 'react';

/**
 * A value an admin pastes elsewhere (a redirect URI, a base URL): read-only, selected when focused,
 * with Copy. Where the clipboard is refused the text stays there to select by hand.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="small muted" aria-live="polite">
        {copied ? 'Copied to the clipboard.' : ''}
      </p>
    </div>
  );
}
