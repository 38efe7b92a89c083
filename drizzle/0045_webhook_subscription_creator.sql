ALTER TABLE "webhook_subscriptions" ADD COLUMN "created_by" text;--> statement-breakpoint
-- The subscriptions made before this migration learn their maker from the change log.
UPDATE "webhook_subscriptions" s SET "created_by" = (SELECT a."actor_id" FROM "admin_changes" a WHERE a."org_id" = s."org_id" AND a."action" = 'webhook.subscribed' AND a."subject" = s."id" ORDER BY a."at" LIMIT 1);
