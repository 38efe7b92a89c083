-- IF NOT EXISTS: an operator may have built it beforehand, concurrently (docs/operations.md).
CREATE INDEX IF NOT EXISTS "messages_search" ON "messages" USING gin (to_tsvector('english', "text"));
