-- Case search's text match (src/cases/cases.queries.ts: the subject and the customer's name, accents
-- folded as search.ts folds them, and the case's and the customer's ids) through trigram indexes, so a
-- search reads the cases it finds instead of testing every case of the organisation. pg_trgm ships with
-- PostgreSQL's contrib and inside PGlite's package (src/db/pglite.ts loads it); a server without it, or a
-- role that may not create it, keeps searching as before, by reading every case: same answers, slower.
-- The indexes keep a short pending list (256 kB): GIN's fast update leaves a case's write about 0.1 ms
-- dearer (merging every insert at once cost 0.7 to 1 ms), and a long list, which PGlite's upkeep flushes
-- only when it vacuums the table, made the planner read every case instead.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): case search reads every case instead of using trigram indexes', SQLERRM;
END $$;--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE $i$CREATE INDEX IF NOT EXISTS "cases_subject_text" ON "cases" USING gin ((case when octet_length("subject") = char_length("subject") or "subject" !~ '[À-ɏ]' then "subject" else translate("subject", 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ', 'AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy') end) gin_trgm_ops) WITH (gin_pending_list_limit = 256)$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS "cases_id_text" ON "cases" USING gin ("id" gin_trgm_ops) WITH (gin_pending_list_limit = 256)$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS "cases_external_id_text" ON "cases" USING gin ("external_id" gin_trgm_ops) WITH (gin_pending_list_limit = 256)$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS "customers_name_text" ON "customers" USING gin ((case when octet_length("name") = char_length("name") or "name" !~ '[À-ɏ]' then "name" else translate("name", 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ', 'AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy') end) gin_trgm_ops) WITH (gin_pending_list_limit = 256)$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS "customers_external_id_text" ON "customers" USING gin ("external_id" gin_trgm_ops) WITH (gin_pending_list_limit = 256)$i$;
  END IF;
EXCEPTION WHEN OTHERS THEN
  -- pg_trgm installed where its operator classes are out of reach (another schema not on the path).
  RAISE NOTICE 'trigram indexes not created (%): case search reads every case instead', SQLERRM;
END $$;
