ALTER TABLE "single_sign_on" ADD COLUMN "saml_metadata_url" text;--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD COLUMN "saml_metadata_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD COLUMN "saml_metadata_problem" text;