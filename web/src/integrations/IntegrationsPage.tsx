import { type ReactNode, useState } from 'react';
import { formatDateTime, humanize, relative } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Dialog, Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { type Resource, useResource } from '../app/useResource.ts';
import { NotificationSends } from '../notifications/NotificationSends.tsx';
import { ApiTokens } from './ApiTokens.tsx';
import { type Delivery, deliveryStatus, type WebhookSubscription, webhooksApi } from './deliveries-api.ts';
import { EmailCheck } from './EmailCheck.tsx';
import { RemoveSubscription } from './RemoveSubscription.tsx';
import { SubscriptionForm } from './SubscriptionForm.tsx';
import { HealthBadge, HealthLine } from './SubscriptionHealth.tsx';
import { TestDelivery } from './TestDelivery.tsx';

const tone = { delivered: 'good', pending: 'warn', dead: 'bad' } as const;

function Outcome({ d }: { d: Delivery }) {
  const status = deliveryStatus(d);
  return (
    <>
      <Badge tone={tone[status]}>{humanize(status)}</Badge>
      {d.lastStatus ? <span className="small"> HTTP {d.lastStatus}</span> : null}
      {d.lastError && status !== 'delivered' ? (
        <div className="small muted" title={d.lastError}>
          {d.lastError.slice(0, 80)}
        </div>
      ) : null}
    </>
  );
}

function DeliveryTable({
  rows,
  urlOf,
  caption,
  action,
}: {
  rows: Delivery[];
  urlOf: (id: string) => string;
  caption: string;
  action?: (d: Delivery) => ReactNode;
}) {
  return (
    <table className="table compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Event</th>
          <th scope="col">Subscriber</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">{action ? 'Dead since' : 'Next attempt'}</th>
          {action ? <th scope="col">Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.seq} data-testid="delivery-row" data-status={deliveryStatus(d)}>
            <td>{d.seq}</td>
            <td>
              <code>{d.type}</code>
              <div className="small muted">{formatDateTime(d.createdAt)}</div>
            </td>
            <td className="small">{urlOf(d.subscriptionId)}</td>
            <td>
              <Outcome d={d} />
            </td>
            <td>{d.attempts}</td>
            <td className="small">
              {action
                ? formatDateTime(d.deadAt)
                : deliveryStatus(d) === 'pending'
                  ? formatDateTime(d.nextAttemptAt)
                  : '—'}
            </td>
            {action ? <td>{action(d)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The subscriptions: add one, change where and what it sends, pause and resume it. */
function Subscriptions({
  subs,
  onChanged,
}: {
  subs: Resource<{ items: WebhookSubscription[] }>;
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<WebhookSubscription | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [removing, setRemoving] = useState<WebhookSubscription | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const { teams, people } = useSession();
  const teamName = (key: string) => teams.find((t) => t.key === key)?.name ?? key;
  const maker = (s: WebhookSubscription) =>
    s.createdBy ? (people.find((p) => p.id === s.createdBy)?.name ?? 'a former member') : 'an API token';
  const saved = () => {
    setAdding(false);
    setEditing(null);
    subs.reload();
    onChanged();
  };
  const setActive = async (s: WebhookSubscription, active: boolean) => {
    setFailed(null);
    try {
      await webhooksApi.change(s.id, { active });
      saved();
    } catch (error) {
      setFailed(error);
    }
  };
  return (
    <>
      {subs.error ? <ErrorNote error={subs.error} /> : null}
      {failed ? <ErrorNote error={failed} title="The subscription was not changed" /> : null}
      {subs.loading && !subs.data ? <Loading /> : null}
      {subs.data && subs.data.items.length === 0 && !adding ? (
        <Empty title="No subscriptions">Send Baton's events to your helpdesk or any HTTPS receiver.</Empty>
      ) : null}
      {subs.data?.items.length ? (
        <ul className="subscription-list" data-testid="subscriptions">
          {subs.data.items.map((s) => (
            <li key={s.id} data-testid="subscription" data-active={s.active}>
              <div>
                <strong>{s.url}</strong> <HealthBadge health={s.health} />
                <div className="small muted">
                  {s.format === 'slack' ? 'Slack message · ' : s.format === 'teams' ? 'Teams message · ' : ''}
                  Events: {s.events.includes('*') ? 'all' : s.events.join(', ')}
                  {s.teams.length ? ` · Teams: ${s.teams.map(teamName).join(', ')}` : null}
                  {s.active ? null : ' · new events are not queued; waiting deliveries go out on resume'}
                </div>
                <div className="small muted" data-testid="subscription-maker">
                  Added by {maker(s)} {relative(s.createdAt)}
                </div>
                <HealthLine health={s.health} />
              </div>
              <div className="form-actions">
                <button type="button" className="button small" onClick={() => setEditing(s)}>
                  Edit
                </button>
                <button type="button" className="button small" onClick={() => void setActive(s, !s.active)}>
                  {s.active ? 'Pause' : 'Resume'}
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-label={`Remove ${s.url}`}
                  onClick={() => {
                    setRemoved(null);
                    setRemoving(s);
                  }}
                >
                  Remove
                </button>
                <TestDelivery id={s.id} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <div className="card card-body">
          <SubscriptionForm onSaved={saved} onCancel={() => setAdding(false)} />
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add subscription
        </button>
      )}
      {removed ? (
        <p className="small" role="status">
          {removed}
        </p>
      ) : null}
      <RemoveSubscription
        sub={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(dropped) => {
          setRemoved(
            `Removed ${removing?.url ?? 'the subscription'}${dropped ? `; ${dropped} waiting ${dropped === 1 ? 'delivery was' : 'deliveries were'} dropped` : ''}.`,
          );
          setRemoving(null);
          saved();
        }}
      />
      <Dialog title="Edit subscription" open={editing !== null} onClose={() => setEditing(null)}>
        {editing ? (
          <SubscriptionForm editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />
        ) : null}
      </Dialog>
    </>
  );
}

/**
 * Integrations. For admins, the API tokens of helpdesks and scripts. For leads, the webhook delivery
 * log: subscriptions, recent deliveries with their attempts and the receiver's answer, and dead
 * letters (given up after 15 tries) that a lead can send again.
 */
export default function IntegrationsPage() {
  // `can` lets an admin pass for every role: the tokens are for admins themselves.
  const isAdmin = useSession().me.roles.includes('admin');
  const subs = useResource('subs', (signal) => webhooksApi.subscriptions(signal));
  const recent = useResource('recent', (signal) => webhooksApi.deliveries(undefined, 100, signal));
  const dead = useResource('dead', (signal) => webhooksApi.deliveries('dead', 100, signal));
  const [queued, setQueued] = useState<number[]>([]);
  const [failed, setFailed] = useState<unknown>(null);
  const byId = new Map((subs.data?.items ?? []).map((s: WebhookSubscription) => [s.id, s.url]));
  const urlOf = (id: string) => byId.get(id) ?? id;
  const [refreshed, setRefreshed] = useState(0);
  const reload = () => {
    recent.reload();
    dead.reload();
    setRefreshed((n) => n + 1);
  };
  const redeliver = async (seq: number) => {
    setFailed(null);
    try {
      await webhooksApi.redeliver(seq);
      setQueued((q) => [...q, seq]);
      reload();
    } catch (error) {
      setFailed(error);
    }
  };
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="breadcrumb">
            <Link to="/settings">Settings</Link> / Integrations
          </p>
          <h1>Integrations</h1>
          <p className="muted">
            {isAdmin
              ? 'API tokens for the helpdesks and scripts that call Baton, and webhooks: '
              : 'Webhooks: '}
            every event is sent to its subscribers, retried with backoff until they answer 2xx; after 15 tries
            it becomes a dead letter you can send again.
            {' And how the Slack and e-mail notifications went.'}
          </p>
        </div>
        <button type="button" className="button" onClick={reload}>
          Refresh
        </button>
      </div>
      <div className="stack">
        {isAdmin ? <ApiTokens /> : null}
        {isAdmin ? <EmailCheck /> : null}
        <NotificationSends refreshed={refreshed} />
        <Section title="Webhook subscriptions">
          <Subscriptions subs={subs} onChanged={reload} />
        </Section>
        <Section title="Dead letters">
          {failed ? <ErrorNote error={failed} title="Could not queue the delivery again" /> : null}
          {queued.length ? (
            <div className="note note-good" role="status" data-testid="redelivery-queued">
              Queued again: {queued.map((q) => `#${q}`).join(', ')}
            </div>
          ) : null}
          {dead.error ? <ErrorNote error={dead.error} /> : null}
          {dead.data && dead.data.items.length === 0 ? <Empty title="No dead letters" /> : null}
          {dead.data?.items.length ? (
            <DeliveryTable
              rows={dead.data.items}
              urlOf={urlOf}
              caption="Dead letters"
              action={(d) => (
                <button type="button" className="button small" onClick={() => void redeliver(d.seq)}>
                  Redeliver #{d.seq}
                </button>
              )}
            />
          ) : null}
        </Section>
        <Section title="Recent deliveries">
          {recent.error ? <ErrorNote error={recent.error} /> : null}
          {recent.loading && !recent.data ? <Loading /> : null}
          {recent.data && recent.data.items.length === 0 ? <Empty title="Nothing sent yet" /> : null}
          {recent.data?.items.length ? (
            <DeliveryTable rows={recent.data.items} urlOf={urlOf} caption="Recent deliveries" />
          ) : null}
        </Section>
      </div>
    </div>
  );
}
