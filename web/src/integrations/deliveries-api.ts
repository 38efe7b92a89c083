import type { WebhookFormat } from '../../../src/integrations/chat-message.ts';
import type {
  SubscriptionChange,
  SubscriptionHealth,
  SubscriptionInput,
  TestDelivery,
} from '../../../src/integrations/integrations.types.ts';
import { del, get, patch, post, query } from '../api/client.ts';

/** A webhook subscription as the API shows it (never its secret). */
export type WebhookSubscription = {
  id: string;
  url: string;
  events: string[];
  /** `baton`: the signed JSON event; `slack`, `teams`: a line of words for a team chat. */
  format: WebhookFormat;
  /** Team keys: only events about handoffs to or from them; empty, every team's. */
  teams: string[];
  active: boolean;
  /** Who made it (they hear of its dead letters); none when an API token without a person did. */
  createdBy: string | null;
  createdAt: string;
  /** How its deliveries stand (instants as the API sends them, ISO strings). */
  health: {
    [K in keyof SubscriptionHealth]: SubscriptionHealth[K] extends Date | null
      ? string | null
      : SubscriptionHealth[K];
  };
};

/** One outbox row: one event for one subscription, with where its delivery stands. */
export type Delivery = {
  seq: number;
  eventId: string;
  subscriptionId: string;
  type: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  deliveredAt: string | null;
  deadAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
};

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export const deliveryStatus = (d: Delivery): DeliveryStatus =>
  d.deliveredAt ? 'delivered' : d.deadAt ? 'dead' : 'pending';

const v1 = '/api/v1/webhooks';

export const webhooksApi = {
  subscriptions: (signal?: AbortSignal) =>
    get<{ items: WebhookSubscription[] }>(`${v1}/subscriptions`, signal),
  deliveries: (status: DeliveryStatus | undefined, limit: number, signal?: AbortSignal) =>
    get<{ items: Delivery[] }>(`${v1}/deliveries${query({ status, limit })}`, signal),
  subscribe: (body: SubscriptionInput) => post<WebhookSubscription>(`${v1}/subscriptions`, body),
  change: (id: string, body: SubscriptionChange) =>
    patch<WebhookSubscription>(`${v1}/subscriptions/${encodeURIComponent(id)}`, body),
  remove: (id: string) =>
    del<{ id: string; removed: true; pendingDropped: number }>(
      `${v1}/subscriptions/${encodeURIComponent(id)}`,
    ),
  test: (id: string) => post<TestDelivery>(`${v1}/subscriptions/${encodeURIComponent(id)}/test`),
  redeliver: (seq: number) => post<{ seq: number; queued: boolean }>(`${v1}/deliveries/${seq}/redeliver`),
};
