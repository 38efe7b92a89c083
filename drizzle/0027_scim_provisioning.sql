CREATE TABLE "scim_people" (
	"person_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"user_name" text NOT NULL,
	"external_id" text,
	"given_name" text,
	"family_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scim_provisioning" (
	"org_id" text PRIMARY KEY NOT NULL,
	"token_hash" text,
	"token_created_at" timestamp with time zone,
	"default_role" text DEFAULT 'agent' NOT NULL,
	"last_used_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scim_provisioning_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "scim_provisioning_default_role" CHECK ("scim_provisioning"."default_role" in ('agent','lead','supervisor','qa'))
);
--> statement-breakpoint
CREATE INDEX "scim_people_org" ON "scim_people" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scim_people_org_user_name" ON "scim_people" USING btree ("org_id",lower("user_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "scim_people_org_external_id" ON "scim_people" USING btree ("org_id","external_id") WHERE "scim_people"."external_id" is not null;