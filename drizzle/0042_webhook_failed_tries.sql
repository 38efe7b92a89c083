CREATE TABLE "webhook_failed_tries" (
	"subscription_id" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"org_id" text NOT NULL,
	"tries" integer NOT NULL,
	CONSTRAINT "webhook_failed_tries_subscription_id_minute_pk" PRIMARY KEY("subscription_id","minute")
);
