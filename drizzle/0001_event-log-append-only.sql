-- Invariant 4: the case event log is append-only.
CREATE OR REPLACE FUNCTION baton_refuse_event_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION baton_refuse_event_change();
