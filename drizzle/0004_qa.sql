CREATE TABLE "qa_check_weights" (
	"org_id" text NOT NULL,
	"scenario_id" text NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qa_check_weights_org_id_scenario_id_pk" PRIMARY KEY("org_id","scenario_id")
);
--> statement-breakpoint
CREATE TABLE "qa_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"handoff_id" text NOT NULL,
	"case_id" text NOT NULL,
	"scorecard_id" text NOT NULL,
	"scorecard_version" integer NOT NULL,
	"reviewer_id" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"critical_fail" text[] NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_sampling_rules" (
	"org_id" text PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_scorecards" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qa_scorecards_org_id_id_version_pk" PRIMARY KEY("org_id","id","version")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "qa_reviews_once" ON "qa_reviews" USING btree ("org_id","handoff_id","scorecard_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "qa_reviews_scorecard" ON "qa_reviews" USING btree ("org_id","scorecard_id");--> statement-breakpoint
CREATE INDEX "qa_reviews_reviewer" ON "qa_reviews" USING btree ("org_id","reviewer_id");