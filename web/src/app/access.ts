import type { Role } from '../api/types.ts';

/**
 * Who each area of the app is for, as the API decides it: the navigation shows an area by this
 * table, and a visit by address to an area that is not the person's explains so instead of failing
 * on the first request.
 */
export type Area = {
  path: string;
  name: string;
  roles: Role[] | null;
  /** Its label in the navigation; a part of an area reached from within it has none. */
  nav?: string;
  /** Who sees it in the navigation, when fewer than may open it (else `roles`). */
  navRoles?: Role[];
};

export const areas: Area[] = [
  { path: '/cases', name: 'Cases', roles: null, nav: 'Cases' },
  { path: '/queue', name: 'The queue', roles: ['agent', 'lead', 'supervisor', 'qa'], nav: 'Queue' },
  { path: '/supervisor', name: 'The supervisor board', roles: ['supervisor', 'lead'], nav: 'Supervisor' },
  { path: '/qa', name: 'The QA queue', roles: ['qa', 'lead'], nav: 'QA' },
  // Read by supervisors too (the API lets them), though the QA queue is not theirs.
  { path: '/qa/reviews', name: 'QA reviews', roles: ['qa', 'lead', 'supervisor'] },
  { path: '/qa/scorecards', name: 'Scorecards', roles: ['qa', 'lead', 'supervisor'] },
  { path: '/qa/report', name: 'The QA report', roles: ['qa', 'lead', 'supervisor'] },
  { path: '/qa/satisfaction', name: 'QA against CSAT', roles: ['qa', 'lead', 'supervisor'] },
  { path: '/qa/calibration', name: 'Calibration', roles: ['lead'] },
  { path: '/analytics', name: 'Analytics', roles: ['lead', 'supervisor', 'qa'], nav: 'Analytics' },
  { path: '/reviews', name: 'The weekly reviews', roles: ['lead', 'supervisor', 'qa'] },
  // Reads a file in the browser and asks the server nothing; for the people who read analytics.
  { path: '/audit', name: 'The helpdesk audit', roles: ['lead', 'supervisor', 'qa'] },
  // Supervisors read it and set availability, so it opens for them; it is not their daily work.
  {
    path: '/people',
    name: 'People and teams',
    roles: ['lead', 'supervisor'],
    nav: 'People',
    navRoles: ['lead'],
  },
  { path: '/settings', name: 'Settings', roles: ['lead'], nav: 'Settings' },
  // Everyone reads the vocabulary (the API lets them); leads change it.
  { path: '/settings/vocabulary', name: 'The vocabulary', roles: null },
  // Supervisors read the log (the API lets them) though they change none of the settings.
  { path: '/settings/changes', name: 'The change log', roles: ['lead', 'supervisor'] },
  // Who has no second step is an attacker's shortlist: admins only, as the API decides.
  { path: '/settings/security', name: 'Sign-in security', roles: ['admin'] },
];

/** The most specific area a path belongs to. */
export const areaOf = (path: string): Area | undefined =>
  areas
    .filter((a) => path === a.path || path.startsWith(`${a.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

/** "supervisors and leads", "leads" */
export function rolesInWords(roles: Role[]): string {
  const plural: Record<string, string> = {
    agent: 'agents',
    lead: 'team leads',
    supervisor: 'supervisors',
    qa: 'QA reviewers',
    admin: 'admins',
  };
  const words = roles.map((r) => plural[r] ?? r);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}
