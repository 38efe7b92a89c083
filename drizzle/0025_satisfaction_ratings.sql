CREATE TABLE "satisfaction_ratings" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"handoff_id" text,
	"rating" text NOT NULL,
	"satisfied" boolean NOT NULL,
	"comment" text,
	"source" text DEFAULT 'baton' NOT NULL,
	"external_id" text,
	"rated_at" timestamp with time zone NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_ratings_rating" CHECK ("satisfaction_ratings"."rating" in ('1', '2', '3', '4', '5', 'good', 'bad'))
);
--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_case" ON "satisfaction_ratings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_org_rated" ON "satisfaction_ratings" USING btree ("org_id","rated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_ratings_external" ON "satisfaction_ratings" USING btree ("org_id","source","external_id") WHERE "satisfaction_ratings"."external_id" is not null;