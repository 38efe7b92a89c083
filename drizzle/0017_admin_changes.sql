CREATE TABLE "admin_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"org_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"subject_name" text NOT NULL,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "admin_changes_org_seq" ON "admin_changes" USING btree ("org_id","seq");--> statement-breakpoint
-- The admin change log is append-only, as the case event log is (0001).
CREATE OR REPLACE FUNCTION admin_changes_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'admin_changes is append-only (% refused)', TG_OP USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER admin_changes_append_only BEFORE UPDATE OR DELETE ON admin_changes
  FOR EACH ROW EXECUTE FUNCTION admin_changes_append_only();
