ALTER TABLE "notification_outbox" ADD COLUMN "person_id" text;--> statement-breakpoint
-- The sends queued before this migration learn their person from their notification.
UPDATE "notification_outbox" o SET "person_id" = n."person_id" FROM "notifications" n WHERE n."id" = o."notification_id";--> statement-breakpoint
CREATE INDEX "notification_outbox_person" ON "notification_outbox" USING btree ("person_id","seq") WHERE "notification_outbox"."person_id" is not null;
