import { useEffect, useState } from 'react';

/** The anchor of one message of a case: the case list links a search's match to it. */
export const messageAnchor = (messageId: string) => `message-${messageId}`;

/**
 * The message a search result pointed at (`/cases/{id}#message-{messageId}`), brought into view
 * once it is on screen. `ready` turns true when the list that holds it has loaded.
 */
export function useFoundMessage(ready: boolean): string | null {
  const [anchor] = useState(() => (location.hash.startsWith('#message-') ? location.hash.slice(1) : null));
  useEffect(() => {
    if (!anchor || !ready) return;
    document.getElementById(anchor)?.scrollIntoView({ block: 'center' });
  }, [anchor, ready]);
  return anchor;
}
