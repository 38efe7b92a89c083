CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"person_id" text,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" smallint,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_key_pk" PRIMARY KEY("org_id","key")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"person_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"external_id" text,
	"subject" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"issue_type" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_status" CHECK ("cases"."status" in ('open','pending','resolved','closed'))
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_id" text,
	"sentiment" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_role" CHECK ("messages"."role" in ('customer','agent','bot','internal'))
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"timezone" text,
	"language" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"rerequest" boolean DEFAULT false NOT NULL,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"provided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"handoff_id" text,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "case_events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"scenario_id" text NOT NULL,
	"scenario_version" integer NOT NULL,
	"from_kind" text DEFAULT 'agent' NOT NULL,
	"from_team_id" text,
	"sender_id" text,
	"to_team_id" text NOT NULL,
	"state" text NOT NULL,
	"owner_id" text,
	"packet" jsonb NOT NULL,
	"completeness" integer DEFAULT 0 NOT NULL,
	"bounce_reason" text,
	"bounce_note" text,
	"previous_id" text,
	"customer_update" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handoffs_state" CHECK ("handoffs"."state" in ('draft','sent','accepted','resolved','bounced','cancelled')),
	CONSTRAINT "handoffs_owner_unless_draft" CHECK ("handoffs"."state" = 'draft' or "handoffs"."owner_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"calendar" jsonb,
	"availability" text DEFAULT 'available' NOT NULL,
	"password_hash" text,
	"active" text DEFAULT 'yes' NOT NULL,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_availability" CHECK ("people"."availability" in ('available','away','offline'))
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenarios_org_id_id_version_pk" PRIMARY KEY("org_id","id","version")
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"handoff_id" text NOT NULL,
	"case_id" text NOT NULL,
	"name" text NOT NULL,
	"target" text NOT NULL,
	"calendar" jsonb NOT NULL,
	"ladder" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"budget_ms" bigint NOT NULL,
	"consumed_ms" bigint DEFAULT 0 NOT NULL,
	"segment_started_at" timestamp with time zone,
	"deadline" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_clocks_state" CHECK ("sla_clocks"."state" in ('running','paused','met','breached','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"org_id" text NOT NULL,
	"team_id" text NOT NULL,
	"person_id" text NOT NULL,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_person_id_pk" PRIMARY KEY("team_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"lead_id" text NOT NULL,
	"calendar" jsonb NOT NULL,
	"ownership_strategy" text DEFAULT 'round-robin' NOT NULL,
	"default_capacity" integer DEFAULT 10 NOT NULL,
	"last_assigned_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "api_tokens_org" ON "api_tokens" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "cases_org_created" ON "cases" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_customer" ON "cases" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_org_external" ON "cases" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "messages_case_at" ON "messages" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_external" ON "customers" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "document_requests_case" ON "document_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "documents_case_kind" ON "documents" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "case_events_case" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "case_events_org_type_at" ON "case_events" USING btree ("org_id","type","at");--> statement-breakpoint
CREATE INDEX "handoffs_org_team_state" ON "handoffs" USING btree ("org_id","to_team_id","state","created_at");--> statement-breakpoint
CREATE INDEX "handoffs_owner_state" ON "handoffs" USING btree ("owner_id","state");--> statement-breakpoint
CREATE INDEX "handoffs_case" ON "handoffs" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "timers_due" ON "timers" USING btree ("due_at") WHERE fired_at is null;--> statement-breakpoint
CREATE INDEX "timers_ref" ON "timers" USING btree ("ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_org_email" ON "people" USING btree ("org_id","email");--> statement-breakpoint
CREATE INDEX "people_org" ON "people" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sla_clocks_handoff" ON "sla_clocks" USING btree ("handoff_id");--> statement-breakpoint
CREATE INDEX "sla_clocks_org_state_deadline" ON "sla_clocks" USING btree ("org_id","state","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_org_key" ON "teams" USING btree ("org_id","key");