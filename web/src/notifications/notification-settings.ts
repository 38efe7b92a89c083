import type {
  Channel,
  LastSend,
  PersonNotificationKind,
  PreferencesInput,
  QuietHours,
  QuietWeekday,
} from '../../../src/notifications/notifications.types.ts';
import { personNotificationKinds, weekdays } from '../../../src/notifications/notifications.types.ts';

/** `GET /notifications/preferences`: every kind's channels as they apply, defaults filled in. */
export type Preferences = {
  channels: Record<PersonNotificationKind, Channel[]>;
  quietHours: QuietHours | null;
  slackUrl: string | null;
  email: string | null;
  /** This Baton has an SMTP server: without one no e-mail is sent, whatever is ticked. */
  emailOn: boolean;
  lastSends: Record<ExtraChannel, LastSend | null>;
};

/** Each kind in the person's words, with when it comes. */
export const kindWords: Record<PersonNotificationKind, { label: string; hint: string }> = {
  mention: { label: 'Mentions', hint: 'Someone @mentions you or your team in a case room' },
  sla_warning: { label: 'SLA warnings', hint: 'A handoff you own nears its SLA target' },
  sla_escalation: {
    label: 'SLA escalations',
    hint: 'A handoff in your team nears its target: its ladder calls on you',
  },
  page: { label: 'Pages', hint: 'The ladder’s supervisor rung: even in quiet hours' },
  sentiment_dip: { label: 'Sentiment dips', hint: 'A customer’s mood drops in a conversation' },
  customer_risk: { label: 'Customers at risk', hint: 'A high-value customer is at risk of leaving' },
  unsatisfied_rating: { label: 'Unsatisfied customers', hint: 'A customer rates a handoff below 4 stars' },
  owner_changed: {
    label: 'Handoffs given to you',
    hint: 'Someone reassigns a handoff to you, or Baton hands one on from an absent owner',
  },
  bounced: { label: 'Handoffs bounced back', hint: 'A team sends your handoff back to you, with its reason' },
  cancelled: {
    label: 'Handoffs cancelled',
    hint: 'Someone else cancels a handoff you sent, or one you own',
  },
};

export const weekdayWords: Record<QuietWeekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** The channels a person chooses; the inbox in Baton always gets everything. */
export type ExtraChannel = 'slack' | 'email';

export type SettingsForm = {
  channels: Record<PersonNotificationKind, Record<ExtraChannel, boolean>>;
  slackUrl: string;
  email: string;
  quiet: boolean;
  start: string;
  end: string;
  days: QuietWeekday[];
  /** Empty: the person's own time zone. */
  timezone: string;
};

export function formOf(p: Preferences): SettingsForm {
  const q = p.quietHours;
  return {
    channels: Object.fromEntries(
      personNotificationKinds.map((k) => [
        k,
        { slack: p.channels[k].includes('slack'), email: p.channels[k].includes('email') },
      ]),
    ) as SettingsForm['channels'],
    slackUrl: p.slackUrl ?? '',
    email: p.email ?? '',
    quiet: q !== null,
    start: q?.start ?? '18:00',
    end: q?.end ?? '08:00',
    days: q?.days ?? [...weekdays],
    timezone: q?.timezone ?? '',
  };
}

/**
 * What `PUT /notifications/preferences` is sent: every kind's channels; the sign-in address as no
 * address of its own (so it follows a change of sign-in address), and blanks as nothing.
 */
export function preferencesBody(form: SettingsForm, signInEmail: string | null): PreferencesInput {
  const email = form.email.trim();
  return {
    channels: Object.fromEntries(
      personNotificationKinds.map((k) => [
        k,
        ['in_app', ...(['slack', 'email'] as const).filter((c) => form.channels[k][c])] satisfies Channel[],
      ]),
    ),
    slackUrl: form.slackUrl.trim() || null,
    email: !email || email === signInEmail ? null : email,
    quietHours: form.quiet
      ? {
          start: form.start,
          end: form.end,
          days: weekdays.filter((d) => form.days.includes(d)),
          ...(form.timezone ? { timezone: form.timezone } : {}),
        }
      : null,
  };
}

/** A kind sent to Slack with no Slack address reaches only the inbox: the form says so. */
/** The settings' fields the server may refuse by name, and the control each is said beside. */
const fieldControls = [
  ['slackUrl', 'ns-slack'],
  ['email', 'ns-email'],
  ['quietHours.start', 'ns-start'],
  ['quietHours.end', 'ns-end'],
  ['quietHours.timezone', 'ns-zone'],
] as const;

/** The control a refused field is said beside; none for a field the form has no control of. */
export const controlOf = (field: string | undefined) =>
  field ? fieldControls.find(([f]) => field.startsWith(f))?.[1] : undefined;

export const slackWanted = (form: SettingsForm) =>
  Object.values(form.channels).some((c) => c.slack) && !form.slackUrl.trim();

/** How the last send by a channel went, in words beside its address; null before any. */
export function lastSendWords(
  send: LastSend | null,
  channel: ExtraChannel,
  ago: (iso: string) => string,
): { tone: 'good' | 'bad'; text: string } | null {
  if (!send) return null;
  const by = channel === 'slack' ? 'Slack message' : 'e-mail';
  if (send.state === 'delivered')
    return { tone: 'good', text: `Last ${by} delivered ${send.at ? ago(send.at) : ''}`.trim() };
  const why = send.error ? `: ${send.error}` : '';
  return send.state === 'failed'
    ? { tone: 'bad', text: `Last ${by} failed after ${send.attempts} tries${why}. Check the address.` }
    : { tone: 'bad', text: `Last ${by} is being retried${why}.` };
}
