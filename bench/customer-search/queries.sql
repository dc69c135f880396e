-- The list queries the customer service issues (GET /api/customers), for a store user of the large
-- store B000: EF Core's SQL with the parameters bound. The store filter's "@allStores OR" part is
-- bound to false, as for every store user.
\set ON_ERROR_STOP on
SELECT "Id" AS store FROM "Stores" WHERE "Code" = 'B000' \gset
\set cols 'c."Id", c."CustomerNo", c."Name", c."Phone", c."Stage", c."RegisteredAt", c."Info", c."DesignerName"'
\set scope '(false OR c."StoreId" = :''store'') AND c."StoreId" = :''store'''

\echo '### Newest first, first page (no filter)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### By stage'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope AND c."Stage" = 'Quoted'
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### By designer'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope AND c."DesignerId" = '00000000-0000-7000-8000-000000000003'
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### By registration dates (one month)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope AND c."RegisteredOn" >= '2026-10-01' AND c."RegisteredOn" <= '2026-10-31'
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### Free text: part of a name (3 characters)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope
AND (c."CustomerNo" = '诸葛秀英' OR c."Name" ILIKE '%诸葛秀英%' ESCAPE '\')
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### Free text: a 2-character name (too short for trigrams)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope
AND (c."CustomerNo" = '王伟' OR c."Name" ILIKE '%王伟%' ESCAPE '\')
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### Free text: last four digits of a phone'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope
AND c."Phone" LIKE '%4321%' ESCAPE '\'
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### Free text: a whole phone number'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM "Customers" AS c WHERE :scope
AND c."Phone" = '+8613000123456'
ORDER BY c."RegisteredAt" DESC, c."Id" DESC LIMIT 50;

\echo '### The count for the page total, by stage'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM "Customers" AS c WHERE :scope AND c."Stage" = 'Quoted';
