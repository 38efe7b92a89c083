CREATE TABLE "event_personal_data" (
	"event_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"case_id" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "erased_by" text;--> statement-breakpoint
CREATE INDEX "event_personal_data_case" ON "event_personal_data" USING btree ("case_id");--> statement-breakpoint
-- Personal text already in the case log moves beside it (src/customers/personal-text.ts lists the keys). This
-- is the one time events are rewritten: by the schema's owner, inside the migration's transaction,
-- before any erasure; from here on Baton writes that text beside the events, never into them.
CREATE TEMPORARY TABLE personal_keys (type text PRIMARY KEY, keys text[] NOT NULL) ON COMMIT DROP;
--> statement-breakpoint
INSERT INTO personal_keys VALUES
  ('case.created', ARRAY['subject']),
  ('document.added', ARRAY['name']),
  ('document.requested', ARRAY['reason', 'onFile']),
  ('document.rerequested', ARRAY['reason', 'onFile']),
  ('handoff.bounced', ARRAY['note']),
  ('owner.changed', ARRAY['reason', 'note']),
  ('sla.paused', ARRAY['reason']),
  ('promise.made', ARRAY['text']),
  ('customer_update.sent', ARRAY['text']),
  ('sentiment.dip', ARRAY['text']);
--> statement-breakpoint
INSERT INTO event_personal_data (event_id, org_id, case_id, data)
SELECT e.id, e.org_id, e.case_id,
  (SELECT jsonb_object_agg(k, e.data -> k) FROM unnest(p.keys) AS k WHERE e.data ? k)
FROM case_events e JOIN personal_keys p ON p.type = e.type
WHERE e.data ?| p.keys;
--> statement-breakpoint
ALTER TABLE case_events DISABLE TRIGGER case_events_append_only;
--> statement-breakpoint
UPDATE case_events e SET data = e.data - p.keys
FROM personal_keys p WHERE p.type = e.type AND e.data ?| p.keys;
--> statement-breakpoint
ALTER TABLE case_events ENABLE TRIGGER case_events_append_only;
