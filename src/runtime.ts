import type { DestinationStream, Logger } from 'pino';
import { weeklyReviewJob } from './analytics/analytics.jobs.ts';
import { domainRecheckJob } from './auth/domain-recheck.jobs.ts';
import { retentionJob } from './auth/retention.jobs.ts';
import { samlMetadataJob } from './auth/saml-metadata.jobs.ts';
import type { Config } from './config.ts';
import { registerRiskListener } from './continuity/risk.listeners.ts';
import { registerConversationListener } from './conversation/conversation.listeners.ts';
import { customerRetentionJob } from './customers/retention.jobs.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open.ts';
import { upkeepJob } from './db/upkeep.ts';
import { createHub } from './events/hub.ts';
import { createApp } from './http/app.ts';
import type { Services } from './http/context.ts';
import { createLogger } from './http/log-redaction.ts';
import { deliveryJob, listenForDeliveries } from './integrations/delivery.jobs.ts';
import {
  forgetSubscriptions,
  registerOutboxListener,
  subscriptionsChannel,
} from './integrations/outbox.listeners.ts';
import { outboxRetentionJob } from './integrations/outbox-retention.jobs.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { notificationDeliveryJob } from './notifications/delivery.jobs.ts';
import { enableEmailNotifications } from './notifications/notifications.commands.ts';
import { registerNotificationListener } from './notifications/notifications.listeners.ts';
import { sendRetentionJob } from './notifications/send-retention.jobs.ts';
import { sweeperJob } from './ownership/ownership.jobs.ts';
import { slaScheduling } from './sla/sla.jobs.ts';
import { vocabularyJob } from './vocabulary/vocabulary.jobs.ts';
import { registerVocabularyListener } from './vocabulary/vocabulary.listeners.ts';

export type RuntimeOptions = {
  database?: Database;
  logger?: Logger;
  /** Where the process logger writes (stdout by default); ignored when `logger` is given. */
  logDestination?: DestinationStream;
  clock?: () => Date;
  scheduler?: boolean;
};

/**
 * What every event's transaction also writes (webhook deliveries, notifications, derived state):
 * a command run outside the server (`baton ratings import`) registers them too.
 */
export function registerEventListeners() {
  registerOutboxListener();
  registerConversationListener();
  registerVocabularyListener();
  registerNotificationListener();
  registerRiskListener();
}

/** Everything a Baton process runs, without a port: the server and the tests share it. */
export async function startRuntime(config: Config, options: RuntimeOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel, options.logDestination);
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const clock = options.clock ?? (() => new Date());
  registerEventListeners();
  enableEmailNotifications(() => Boolean(config.smtpUrl));
  const unlistenSubscriptions = await database.listen(subscriptionsChannel, (orgId) =>
    forgetSubscriptions(orgId),
  );
  const hub = createHub(database);
  await hub.start();
  const services: Services = { database, config, logger, clock, hub };
  const app = createApp(services);
  const delivery = deliveryJob(services);
  const scheduler = createScheduler({
    database,
    clock,
    logger,
    ...slaScheduling,
    jobs: [
      delivery,
      sweeperJob(services),
      notificationDeliveryJob(services),
      weeklyReviewJob(services),
      vocabularyJob(services),
      retentionJob(services),
      samlMetadataJob(services),
      domainRecheckJob(services),
      customerRetentionJob(services),
      outboxRetentionJob(services),
      sendRetentionJob(services),
      ...upkeepJob(database, logger, config.pgliteUpkeepMs),
    ],
    intervalMs: config.schedulerIntervalMs,
    firstRunMs: config.jobsFirstRunMs,
  });
  if (options.scheduler !== false) await scheduler.start();
  const unlistenDeliveries =
    options.scheduler !== false ? await listenForDeliveries(services, delivery) : undefined;
  return {
    services,
    app,
    scheduler,
    async close() {
      await unlistenDeliveries?.();
      await scheduler.stop();
      await delivery.idle();
      await hub.stop();
      await unlistenSubscriptions();
      if (!options.database) await database.close();
    },
  };
}

export type Runtime = Awaited<ReturnType<typeof startRuntime>>;
