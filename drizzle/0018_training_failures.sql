-- The last failed training of an organisation's tagger, kept until one succeeds: a training started
-- in the background or by the job has no caller to answer, so the Vocabulary screen reads it here.
ALTER TABLE "vocabulary_state" ADD COLUMN "last_failure_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vocabulary_state" ADD COLUMN "last_failure_code" text;--> statement-breakpoint
ALTER TABLE "vocabulary_state" ADD COLUMN "last_failure_message" text;--> statement-breakpoint
ALTER TABLE "vocabulary_state" ADD CONSTRAINT "vocabulary_state_failure_whole" CHECK (("vocabulary_state"."last_failure_at" is null) = ("vocabulary_state"."last_failure_code" is null) and ("vocabulary_state"."last_failure_code" is null) = ("vocabulary_state"."last_failure_message" is null));
