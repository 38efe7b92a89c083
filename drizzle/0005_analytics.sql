CREATE TABLE "weekly_reviews" (
	"org_id" text NOT NULL,
	"week" text NOT NULL,
	"json" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_reviews_org_id_week_pk" PRIMARY KEY("org_id","week")
);
