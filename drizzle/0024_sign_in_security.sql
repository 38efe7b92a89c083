ALTER TABLE "organisations" ADD COLUMN "two_step_required" text DEFAULT 'nobody' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "session_idle_minutes" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_two_step_required" CHECK ("organisations"."two_step_required" in ('nobody','admins','everyone'));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_session_idle_minutes" CHECK ("organisations"."session_idle_minutes" between 15 and 20160);