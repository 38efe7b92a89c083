DROP INDEX "outbox_due";--> statement-breakpoint
DROP INDEX "notification_outbox_due";--> statement-breakpoint
DROP INDEX "outbox_delivered";--> statement-breakpoint
CREATE INDEX "outbox_waiting" ON "outbox" USING btree ("seq") WHERE "outbox"."delivered_at" is null and "outbox"."dead_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_dead" ON "outbox" USING btree ("seq") WHERE "outbox"."dead_at" is not null;--> statement-breakpoint
CREATE INDEX "notification_outbox_waiting" ON "notification_outbox" USING btree ("seq") WHERE "notification_outbox"."delivered_at" is null and "notification_outbox"."dead_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_delivered" ON "outbox" USING btree ("subscription_id","delivered_at") WHERE "outbox"."delivered_at" is not null;