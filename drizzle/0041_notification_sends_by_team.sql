ALTER TABLE "notification_outbox" ADD COLUMN "team_id" text;--> statement-breakpoint
CREATE INDEX "notification_outbox_team" ON "notification_outbox" USING btree ("team_id","seq") WHERE "notification_outbox"."team_id" is not null;--> statement-breakpoint
CREATE INDEX "notification_outbox_dead" ON "notification_outbox" USING btree ("org_id","seq") WHERE "notification_outbox"."dead_at" is not null;