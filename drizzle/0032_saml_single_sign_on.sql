ALTER TABLE "single_sign_on" ALTER COLUMN "issuer" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "single_sign_on" ALTER COLUMN "client_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "single_sign_on" ALTER COLUMN "client_secret" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_attempts" ALTER COLUMN "nonce" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_attempts" ALTER COLUMN "code_verifier" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD COLUMN "protocol" text DEFAULT 'oidc' NOT NULL;--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD COLUMN "saml_sign_in_url" text;--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD COLUMN "saml_idp_entity_id" text;--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD COLUMN "saml_certificate" text;--> statement-breakpoint
ALTER TABLE "sso_attempts" ADD COLUMN "saml_request_id" text;--> statement-breakpoint
ALTER TABLE "sso_attempts" ADD COLUMN "saml_identity" jsonb;--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD CONSTRAINT "single_sign_on_protocol" CHECK ("single_sign_on"."protocol" in ('oidc','saml'));--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD CONSTRAINT "single_sign_on_oidc_complete" CHECK ("single_sign_on"."protocol" <> 'oidc' or ("single_sign_on"."issuer" is not null and "single_sign_on"."client_id" is not null and "single_sign_on"."client_secret" is not null));--> statement-breakpoint
ALTER TABLE "single_sign_on" ADD CONSTRAINT "single_sign_on_saml_complete" CHECK ("single_sign_on"."protocol" <> 'saml' or ("single_sign_on"."saml_sign_in_url" is not null and "single_sign_on"."saml_certificate" is not null));--> statement-breakpoint
ALTER TABLE "sso_attempts" ADD CONSTRAINT "sso_attempts_protocol" CHECK (("sso_attempts"."saml_request_id" is null) = ("sso_attempts"."nonce" is not null and "sso_attempts"."code_verifier" is not null));