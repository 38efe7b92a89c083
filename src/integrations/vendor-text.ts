/** Plain text from a vendor's HTML body (Intercom, Freshdesk): tags dropped, entities and spacing tidied. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** A subject for a case whose source gave none: the first line of its first message, or a fallback. */
export function subjectFrom(text: string | undefined, fallback: string): string {
  const line = text
    ?.split('\n')
    .find((l) => l.trim())
    ?.trim();
  if (!line) return fallback;
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** A vendor's reference to a group or agent, given as a bare id or as an object with an id and name. */
export function refOf(value: unknown): { id?: string; name?: string; email?: string } | null {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return idOnly(String(value));
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const id = v.id === undefined || v.id === null || v.id === '' ? undefined : String(v.id);
  const name = typeof v.name === 'string' && v.name ? v.name : undefined;
  const email = typeof v.email === 'string' && v.email ? v.email : undefined;
  if (id !== undefined && (id === '0' || id === 'null')) return name ? { name } : null;
  return id || name || email ? { id, name, email } : null;
}

function idOnly(id: string) {
  return id === '0' || id === 'null' ? null : { id };
}

/** Channel names as Baton writes them. */
export function channelOf(value: string | undefined, fallback: string): string {
  const v = value?.trim().toLowerCase();
  if (!v) return fallback;
  if (['phone', 'voice', 'call'].includes(v)) return 'voice';
  if (['mail', 'email', 'e-mail'].includes(v)) return 'email';
  if (['chat', 'messaging', 'conversation', 'native_messaging', 'messenger'].includes(v)) return 'chat';
  return v.replace(/[^a-z0-9_-]/g, '_').slice(0, 40);
}
