CREATE TABLE "customer_risk_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"page_threshold" integer DEFAULT 60 NOT NULL,
	"high_value_min_annual" double precision,
	"high_value_tiers" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_risk_state" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"above" boolean NOT NULL,
	"score" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "customer_since" date;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "annual_value" double precision;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "profile_source" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "profile_updated_at" timestamp with time zone;