CREATE TABLE "scim_teams" (
	"team_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"external_id" text,
	"linked_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "scim_teams_org" ON "scim_teams" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scim_teams_org_external_id" ON "scim_teams" USING btree ("org_id","external_id") WHERE "scim_teams"."external_id" is not null;