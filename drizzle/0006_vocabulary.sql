CREATE TABLE "vocabulary_corrections" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"from_term" text,
	"from_type" text,
	"to_type" text NOT NULL,
	"suggested_type" text,
	"suggested_confidence" double precision,
	"text" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocabulary_models" (
	"org_id" text NOT NULL,
	"version" integer NOT NULL,
	"model" text NOT NULL,
	"report" jsonb NOT NULL,
	"taxonomy_revision" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vocabulary_models_org_id_version_pk" PRIMARY KEY("org_id","version")
);
--> statement-breakpoint
CREATE TABLE "vocabulary_observations" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"team" text,
	"term" text,
	"text" text,
	"case_id" text,
	"type" text,
	"via" text,
	"score" double precision,
	"abstained" boolean,
	"model_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vocabulary_observations_kind" CHECK ("vocabulary_observations"."kind" in ('term','suggestion'))
);
--> statement-breakpoint
CREATE TABLE "vocabulary_routing_errors" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"handoff_id" text NOT NULL,
	"tag" text,
	"issue_type" text,
	"suggested_type" text,
	"suggested_confidence" double precision,
	"scenario" text NOT NULL,
	"to_team" text,
	"expected_scenario" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocabulary_state" (
	"org_id" text PRIMARY KEY NOT NULL,
	"training_until" timestamp with time zone,
	"training_by" text,
	"last_drift_week" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocabulary_types" (
	"org_id" text NOT NULL,
	"path" text NOT NULL,
	"revision" integer NOT NULL,
	"parent" text,
	"status" text NOT NULL,
	"merged_into" text,
	"spec" jsonb NOT NULL,
	"change" text NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vocabulary_types_org_id_path_revision_pk" PRIMARY KEY("org_id","path","revision"),
	CONSTRAINT "vocabulary_types_status" CHECK ("vocabulary_types"."status" in ('active','retired','merged')),
	CONSTRAINT "vocabulary_types_merged" CHECK (("vocabulary_types"."status" = 'merged') = ("vocabulary_types"."merged_into" is not null))
);
--> statement-breakpoint
CREATE INDEX "vocabulary_corrections_org_at" ON "vocabulary_corrections" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "vocabulary_observations_org_at" ON "vocabulary_observations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "vocabulary_observations_case" ON "vocabulary_observations" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "vocabulary_routing_errors_org_at" ON "vocabulary_routing_errors" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "vocabulary_types_org_revision" ON "vocabulary_types" USING btree ("org_id","revision");