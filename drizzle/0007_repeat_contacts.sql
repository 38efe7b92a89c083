CREATE TABLE "repeat_contact_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"window_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "repeat_of" text;--> statement-breakpoint
CREATE INDEX "cases_repeat_of" ON "cases" USING btree ("repeat_of");