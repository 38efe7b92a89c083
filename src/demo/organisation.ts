import type { OrganisationSpec } from '../orgs/orgs.types.ts';

const weekdays = (open: string, close: string, lunch?: [string, string]) => {
  const day: [string, string][] = lunch
    ? [
        [open, lunch[0]],
        [lunch[1], close],
      ]
    : [[open, close]];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
};

/** The password of every demo sign-in (the README lists them). */
export const demoPassword = 'baton-demo';

/** Northwind Home Services: the seed's home-services company, with the five teams of DESIGN.md. */
export const demoOrganisation: OrganisationSpec = {
  slug: 'demo',
  name: 'Northwind Home Services',
  timezone: 'Europe/London',
  people: [
    {
      key: 'amara',
      name: 'Amara Okafor',
      email: 'amara@northwind.example',
      roles: ['agent'],
      timezone: 'Europe/London',
      skills: ['billing', 'voice'],
      password: demoPassword,
    },
    {
      key: 'lucas',
      name: 'Lucas Meyer',
      email: 'lucas@northwind.example',
      roles: ['agent'],
      timezone: 'Europe/Berlin',
      skills: ['chat'],
      password: demoPassword,
    },
    {
      key: 'sofia',
      name: 'Sofía Herrera',
      email: 'sofia@northwind.example',
      roles: ['agent', 'lead'],
      timezone: 'America/Mexico_City',
      skills: ['chat', 'billing'],
      password: demoPassword,
    },
    {
      key: 'priya',
      name: 'Priya Raman',
      email: 'priya@northwind.example',
      roles: ['agent'],
      timezone: 'Asia/Kolkata',
      skills: ['refunds', 'invoices'],
      password: demoPassword,
    },
    {
      key: 'tom',
      name: 'Tom Becker',
      email: 'tom@northwind.example',
      roles: ['agent'],
      timezone: 'Europe/London',
      skills: ['invoices'],
      password: demoPassword,
    },
    {
      key: 'grace',
      name: 'Grace Liu',
      email: 'grace@northwind.example',
      roles: ['agent', 'lead'],
      timezone: 'Europe/London',
      skills: ['refunds', 'disputes'],
      password: demoPassword,
    },
    {
      key: 'kenji',
      name: 'Kenji Watanabe',
      email: 'kenji@northwind.example',
      roles: ['agent'],
      timezone: 'Asia/Tokyo',
      skills: ['api', 'mobile'],
      password: demoPassword,
    },
    {
      key: 'olivia',
      name: 'Olivia Brown',
      email: 'olivia@northwind.example',
      roles: ['agent'],
      timezone: 'America/New_York',
      skills: ['web', 'api'],
      password: demoPassword,
    },
    {
      key: 'mateo',
      name: 'Mateo Rossi',
      email: 'mateo@northwind.example',
      roles: ['agent', 'lead'],
      timezone: 'Europe/Rome',
      skills: ['api', 'billing-system'],
      password: demoPassword,
    },
    {
      key: 'noah',
      name: 'Noah Williams',
      email: 'noah@northwind.example',
      roles: ['agent'],
      timezone: 'Australia/Sydney',
      skills: ['accounts'],
      password: demoPassword,
    },
    {
      key: 'fatima',
      name: 'Fatima Zahra',
      email: 'fatima@northwind.example',
      roles: ['agent', 'lead'],
      timezone: 'Europe/Paris',
      skills: ['accounts', 'billing'],
      password: demoPassword,
    },
    {
      key: 'diana',
      name: 'Diana Costa',
      email: 'diana@northwind.example',
      roles: ['supervisor'],
      timezone: 'Europe/Lisbon',
      password: demoPassword,
    },
    {
      key: 'samuel',
      name: 'Samuel Adeyemi',
      email: 'samuel@northwind.example',
      roles: ['supervisor', 'lead'],
      timezone: 'Europe/London',
      password: demoPassword,
    },
    {
      key: 'hannah',
      name: 'Hannah Schmidt',
      email: 'hannah@northwind.example',
      roles: ['qa'],
      timezone: 'Europe/Berlin',
      password: demoPassword,
    },
    {
      key: 'ines',
      name: 'Inès Moreau',
      email: 'ines@northwind.example',
      roles: ['lead', 'admin'],
      timezone: 'Europe/Paris',
      password: demoPassword,
    },
  ],
  teams: [
    {
      key: 'support',
      name: 'Support',
      lead: 'sofia',
      members: ['amara', 'lucas', 'sofia'],
      calendar: {
        timezone: 'Europe/London',
        hours: weekdays('08:00', '20:00'),
        holidays: ['2026-12-25', '2026-12-28', '2027-01-01'],
      },
      ownershipStrategy: 'least-loaded',
    },
    {
      key: 'finance',
      name: 'Finance',
      lead: 'grace',
      members: ['priya', 'tom', 'grace'],
      calendar: {
        timezone: 'Europe/London',
        hours: weekdays('09:00', '17:30', ['12:30', '13:15']),
        holidays: ['2026-12-25', '2026-12-28', '2027-01-01'],
      },
      ownershipStrategy: 'round-robin',
    },
    {
      key: 'engineering',
      name: 'Engineering',
      lead: 'mateo',
      members: ['kenji', 'olivia', 'mateo'],
      calendar: {
        timezone: 'Europe/Berlin',
        hours: weekdays('09:00', '18:00'),
        holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
      },
      ownershipStrategy: 'skills',
    },
    {
      key: 'tier2',
      name: 'Tier 2',
      lead: 'fatima',
      members: ['noah', 'fatima'],
      calendar: {
        timezone: 'Europe/Paris',
        hours: weekdays('08:00', '19:00'),
        holidays: ['2026-12-25', '2027-01-01'],
      },
      ownershipStrategy: 'least-loaded',
    },
    {
      key: 'supervisors',
      name: 'Supervisors',
      lead: 'samuel',
      members: ['diana', 'samuel'],
      calendar: { timezone: 'Europe/London', hours: '24/7', holidays: [] },
      ownershipStrategy: 'least-loaded',
    },
  ],
};
