ALTER TABLE "sla_clocks" ADD COLUMN "next_rung" jsonb;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "rung_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "due_at" timestamp with time zone GENERATED ALWAYS AS (case when stopped_at is null and (state = 'running' or (state = 'breached' and rung_due_at is not null))
  then greatest(least(case when state = 'running' then deadline end, rung_due_at), retry_at) end) STORED;--> statement-breakpoint
CREATE INDEX "sla_clocks_due" ON "sla_clocks" USING btree ("due_at") WHERE due_at is not null;--> statement-breakpoint
-- A clock is now its own durable timer: the scheduler claims clocks whose due_at has come (their
-- breach while running, their next ladder rung). The rung each clock had armed as a timer row moves
-- onto the clock, with its failed attempts; then the breach and rung timers go. A rung re-fired off
-- shift (deferredFrom) stays a timer row, as do fired timers and timers of any other kind.
UPDATE "sla_clocks" c
SET "next_rung" = t."payload", "rung_due_at" = t."due_at", "attempts" = t."attempts", "last_error" = t."last_error"
FROM "timers" t
WHERE t."ref_id" = c."id" AND t."kind" = 'sla.step' AND t."fired_at" IS NULL AND NOT (t."payload" ? 'deferredFrom');--> statement-breakpoint
DELETE FROM "timers"
WHERE "fired_at" IS NULL
  AND ("kind" = 'sla.breach' OR ("kind" = 'sla.step' AND NOT ("payload" ? 'deferredFrom')));
