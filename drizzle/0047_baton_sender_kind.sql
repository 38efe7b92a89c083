-- Baton's own escalations (a customer's sentiment dip) were written as sent by a bot, like a chatbot's
-- handoffs: they are the handoffs a dip created, with no person as sender, in the dip's instant.
UPDATE "handoffs" SET "from_kind" = 'baton'
WHERE "from_kind" = 'bot' AND "sender_id" IS NULL
  AND EXISTS (
    SELECT 1 FROM "case_events" e
    WHERE e."handoff_id" = "handoffs"."id" AND e."type" = 'sentiment.dip' AND e."at" = "handoffs"."created_at"
  );
