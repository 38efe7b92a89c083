import type { Person, Team } from '../api/types.ts';

/**
 * Mentions in internal notes are plain text: `@priya` (a person's email local part) or `@finance`
 * (a team key), the same rule as the server's `src/notifications/mentions.ts`, which notifies them.
 */
const MENTION = /(^|[^\w@.+-])@([a-z0-9][a-z0-9._+-]{0,63})/gi;
const trimHandle = (h: string) => h.replace(/[._+-]+$/, '');

export const handleOf = (p: Pick<Person, 'email'>) => p.email.split('@')[0]!.toLowerCase();

export type MentionTarget =
  | { kind: 'person'; handle: string; label: string; id: string }
  | { kind: 'team'; handle: string; label: string; id: string };

export type Directory = Map<string, MentionTarget>;

/** Every handle a note may name: the organisation's active people, then its teams. */
export function directory(people: Person[], teams: Team[]): Directory {
  const out: Directory = new Map();
  for (const t of teams)
    out.set(t.key.toLowerCase(), { kind: 'team', handle: t.key, label: t.name, id: t.key });
  for (const p of people)
    if (p.active) out.set(handleOf(p), { kind: 'person', handle: handleOf(p), label: p.name, id: p.id });
  return out;
}

export type NotePart = { text: string } | { text: string; target: MentionTarget };

/** A note cut into text and mentions; a handle nobody answers to stays plain text. */
export function tokenize(text: string, dir: Directory): NotePart[] {
  const parts: NotePart[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    const handle = trimHandle(m[2]!);
    const target = dir.get(handle.toLowerCase());
    if (!target) continue;
    const start = m.index! + m[1]!.length;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: `@${handle}`, target });
    last = start + 1 + handle.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The mention being typed just before the caret: where its `@` is and what follows it. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|[^\w@.+-])@([a-z0-9._+-]{0,63})$/i.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() };
}

/** People and teams matching what follows the `@`: the handle or a word of the name starts with it. */
export function suggestions(dir: Directory, query: string, limit = 8): MentionTarget[] {
  const q = query.toLowerCase();
  const score = (t: MentionTarget) => {
    if (t.handle.toLowerCase().startsWith(q)) return 0;
    if (
      t.label
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.startsWith(q))
    )
      return 1;
    return t.label.toLowerCase().includes(q) ? 2 : -1;
  };
  return [...dir.values()]
    .map((t) => ({ t, s: score(t) }))
    .filter((x) => x.s >= 0)
    .sort(
      (a, b) =>
        a.s - b.s ||
        (a.t.kind === b.t.kind ? 0 : a.t.kind === 'team' ? -1 : 1) ||
        a.t.label.localeCompare(b.t.label),
    )
    .slice(0, limit)
    .map((x) => x.t);
}

/** The text with the mention being typed replaced by `@handle `, and where the caret goes. */
export function insertMention(
  text: string,
  at: { start: number; query: string },
  target: MentionTarget,
): { text: string; caret: number } {
  const end = at.start + 1 + at.query.length;
  const inserted = `@${target.handle} `;
  const rest = text.slice(end).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}
