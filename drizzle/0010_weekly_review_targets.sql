CREATE TABLE "weekly_review_targets" (
	"org_id" text PRIMARY KEY NOT NULL,
	"slack_url" text,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
