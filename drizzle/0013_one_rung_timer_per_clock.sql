-- A running SLA clock now keeps its breach timer and ONE ladder timer, its next rung
-- (src/sla/ladder.ts): firing a rung arms the one after. The rungs armed ahead by earlier releases
-- are dropped, or they would fire twice; a rung re-fired off shift (deferredFrom) stays.
DELETE FROM "timers" t
USING (
  SELECT "id", row_number() OVER (
    PARTITION BY "ref_id" ORDER BY ("payload"->>'at')::numeric, ("payload"->>'index')::int
  ) AS n
  FROM "timers"
  WHERE "kind" = 'sla.step' AND "fired_at" IS NULL AND NOT ("payload" ? 'deferredFrom')
) later
WHERE t."id" = later."id" AND later.n > 1;
