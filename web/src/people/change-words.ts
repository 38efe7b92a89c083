// An admin change in words for the People page's change log: pure, so the wording is tested apart
// from the page. `names` turns ids (people) and keys (teams) into what the organisation calls them.

export type AdminChange = {
  id: string;
  at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  subject: string;
  subjectName: string;
  detail: Record<string, { from: unknown; to: unknown }>;
};

export type ChangeNames = { person: (id: string) => string; team: (key: string) => string };

const fieldLabels: Record<string, string> = {
  leadId: 'lead',
  ownershipStrategy: 'ownership',
  capacity: 'capacity',
  timezone: 'time zone',
  events: 'events',
  url: 'address',
};

function value(field: string, v: unknown, n: ChangeNames): string {
  if (v === null || v === undefined) return 'none';
  if (field === 'leadId' && typeof v === 'string') return n.person(v);
  if (field === 'teams' && Array.isArray(v)) return v.map((k) => n.team(String(k))).join(', ') || 'none';
  if (field === 'members' && Array.isArray(v))
    return v.map((id) => n.person(String(id))).join(', ') || 'none';
  if (Array.isArray(v)) return v.join(', ') || 'none';
  return String(v);
}

/** "roles agent → agent, lead; time zone UTC → Europe/Paris"; a secret only as "new password". */
function fields(detail: AdminChange['detail'], n: ChangeNames, skip: string[] = []): string {
  return Object.entries(detail)
    .filter(([field]) => !skip.includes(field))
    .map(([field, { from, to }]) => {
      if (field === 'password') return 'new password';
      if (field === 'secret') return 'new signing secret';
      const label = fieldLabels[field] ?? field;
      return from === null || from === undefined
        ? `${label} ${value(field, to, n)}`
        : `${label} ${value(field, from, n)} → ${value(field, to, n)}`;
    })
    .join('; ');
}

const handedOn = (d: AdminChange['detail']) => {
  const count = Number(d.handedOn?.to ?? 0);
  return count === 0 ? '' : ` (${count} open handoff${count === 1 ? '' : 's'} handed on)`;
};

/** What was done, as a sentence without its actor: "removed Tom Becker from Finance". */
export function changeWords(c: AdminChange, n: ChangeNames): string {
  const who = c.subjectName;
  const d = c.detail;
  const team = (side: 'from' | 'to') => n.team(String(d.team?.[side] ?? ''));
  const rest = (s: string) => (s ? `: ${s}` : '');
  switch (c.action) {
    case 'person.added':
      return `added ${who}${rest(fields(d, n, ['name']))}`;
    case 'person.changed':
      return `changed ${who}${rest(fields(d, n))}`;
    case 'person.deactivated':
      return `took access from ${who}${handedOn(d)}`;
    case 'person.reactivated':
      return `gave ${who} access again`;
    case 'team.added':
      return `made the team ${who}${rest(fields(d, n, ['name', 'key']))}`;
    case 'team.changed':
      return `changed the team ${who}${rest(fields(d, n))}`;
    case 'member.added':
      return `added ${who} to ${team('to')}${rest(fields(d, n, ['team']))}`;
    case 'member.changed':
      return `changed ${who} in ${team('to')}${rest(fields(d, n, ['team']))}`;
    case 'member.left':
      return `removed ${who} from ${team('from')}${handedOn(d)}`;
    case 'webhook.subscribed':
      return `subscribed ${who} to events${rest(fields(d, n, ['url']))}`;
    case 'webhook.changed':
      if (d.active && Object.keys(d).length === 1)
        return `${d.active.to ? 'resumed' : 'paused'} the webhook ${who}`;
      return `changed the webhook ${who}${rest(fields(d, n))}`;
    default:
      return `${c.action} ${who}`;
  }
}
