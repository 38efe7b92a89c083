import type { CaseSummary } from '../api/types.ts';
import { Link } from '../app/router.tsx';
import { messageAnchor } from './useFoundMessage.ts';

type Match = NonNullable<CaseSummary['match']>;

const roleLabels: Record<string, string> = {
  customer: 'Customer',
  agent: 'Agent',
  bot: 'Bot',
  internal: 'Internal note',
};

type Part = { start: number; text: string; matched: boolean };

/** Splits a snippet into plain and matched parts, in order. */
export function snippetParts({ text, highlights }: Match['snippet']): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const h of highlights) {
    if (h.start < at || h.end <= h.start) continue;
    if (h.start > at) parts.push({ start: at, text: text.slice(at, h.start), matched: false });
    parts.push({ start: h.start, text: text.slice(h.start, h.end), matched: true });
    at = h.end;
  }
  if (at < text.length) parts.push({ start: at, text: text.slice(at), matched: false });
  return parts;
}

/** Where a row of the case list leads: to the message a search matched, else to the case. */
export const caseHref = (c: Pick<CaseSummary, 'id' | 'match'>) =>
  c.match ? `/cases/${c.id}#${messageAnchor(c.match.messageId)}` : `/cases/${c.id}`;

/** Where a search met the case's conversation: the passage, its matched words marked, linked to the message. */
export function MatchSnippet({ caseId, match }: { caseId: string; match: Match }) {
  return (
    <Link
      to={caseHref({ id: caseId, match })}
      className="match-snippet small"
      tabIndex={-1}
      title="Open the case at this message"
    >
      <span className="match-role">{roleLabels[match.role] ?? match.role}:</span>{' '}
      {snippetParts(match.snippet).map((p) =>
        p.matched ? <mark key={p.start}>{p.text}</mark> : <span key={p.start}>{p.text}</span>,
      )}
    </Link>
  );
}
