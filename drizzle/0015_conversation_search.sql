-- IF NOT EXISTS: an operator may have built them beforehand, concurrently (docs/operations.md).
CREATE INDEX IF NOT EXISTS "cases_subject_search" ON "cases" USING gin (to_tsvector('english', "subject"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "messages_search" ON "messages" USING gin (to_tsvector('english', "text"));
