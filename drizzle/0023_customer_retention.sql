CREATE TABLE "customer_retention_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"erase_after_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
