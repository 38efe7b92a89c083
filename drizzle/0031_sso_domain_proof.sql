-- A domain is claimed per organisation and proved by one at most (by DNS, or unchallenged where no
-- proof is asked). Domains saved before this were saved where no proof was asked: they stay proved.
ALTER TABLE "sso_domains" DROP CONSTRAINT "sso_domains_pkey";--> statement-breakpoint
DROP INDEX "sso_domains_org";--> statement-breakpoint
ALTER TABLE "sso_domains" ADD CONSTRAINT "sso_domains_org_id_domain_pk" PRIMARY KEY("org_id","domain");--> statement-breakpoint
ALTER TABLE "sso_domains" ADD COLUMN "verification_token" text;--> statement-breakpoint
ALTER TABLE "sso_domains" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sso_domains" ADD COLUMN "verified_by" text;--> statement-breakpoint
UPDATE "sso_domains" SET "verification_token" = md5(random()::text || clock_timestamp()::text || "domain"), "verified_at" = now(), "verified_by" = 'unchallenged';--> statement-breakpoint
ALTER TABLE "sso_domains" ALTER COLUMN "verification_token" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_domains_proved" ON "sso_domains" USING btree ("domain") WHERE "sso_domains"."verified_at" is not null;--> statement-breakpoint
ALTER TABLE "sso_domains" ADD CONSTRAINT "sso_domains_verified_by" CHECK ("sso_domains"."verified_by" in ('dns','unchallenged'));--> statement-breakpoint
ALTER TABLE "sso_domains" ADD CONSTRAINT "sso_domains_proof" CHECK (("sso_domains"."verified_at" is null) = ("sso_domains"."verified_by" is null));
