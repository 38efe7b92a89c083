CREATE TABLE "adapter_group_mappings" (
	"org_id" text NOT NULL,
	"source" text NOT NULL,
	"group" text NOT NULL,
	"scenario" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adapter_group_mappings_org_id_source_group_pk" PRIMARY KEY("org_id","source","group")
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"notification_id" text,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"message" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"person_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"channels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quiet_hours" jsonb,
	"slack_url" text,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_team_targets" (
	"team_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"slack_url" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"event_id" text NOT NULL,
	"case_id" text,
	"handoff_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"channels" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "notification_outbox_due" ON "notification_outbox" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_person_event" ON "notifications" USING btree ("person_id","event_id");--> statement-breakpoint
CREATE INDEX "notifications_person_created" ON "notifications" USING btree ("person_id","created_at");