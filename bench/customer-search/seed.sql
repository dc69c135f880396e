-- A chain of 20 stores: store B000 is the large store (:big customers), the others have :small each.
-- Names are drawn from common Chinese surnames and given names; phones are unique mobiles.
-- Run on a database the customer service's migrations created: psql -v big=200000 -v small=40000 -f seed.sql
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO "Stores" ("Id", "Code", "Name", "City", "TimeZone", "OpenedAt")
SELECT gen_random_uuid(), 'B' || lpad(s::text, 3, '0'), '基准店' || s, '上海', 'Asia/Shanghai', now() - interval '3 years'
FROM generate_series(0, 19) AS s;

WITH store AS (
  SELECT "Id", "Code", row_number() OVER (ORDER BY "Code") - 1 AS n FROM "Stores" WHERE "Code" LIKE 'B%'
), rows AS (
  SELECT store."Id" AS store_id, store."Code" AS code, store.n, g AS seq
  FROM store, generate_series(1, CASE WHEN store.n = 0 THEN :big ELSE :small END) AS g
)
INSERT INTO "Customers" ("Id", "StoreId", "CustomerNo", "Sequence", "ArchiveBag", "Source", "Name", "Phone", "Info",
  "Completeness", "Stage", "RegisteredAt", "RegisteredOn", "RegisteredBy", "RegisteredByName", "MetAt",
  "AssignmentId", "DesignerId", "DesignerName", "DispatchedAt")
SELECT gen_random_uuid(), store_id, code || '-2026-' || lpad(seq::text, 6, '0'), seq, (seq + 99) / 100,
  (ARRAY['WalkIn','Phone','Marketing','Partner','Referral','DesignerProvided'])[1 + seq % 6],
  (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','欧阳','司马','诸葛'])[1 + (seq * 7 + n) % 18]
    || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','桂英','建华'])[1 + (seq * 13) % 20]
    || CASE WHEN seq % 3 = 0 THEN (ARRAY['华','平','红','玲','斌'])[1 + seq % 5] ELSE '' END,
  '+861' || (ARRAY['3','5','8'])[1 + n % 3] || lpad((n * 10000000 + seq)::text, 9, '0'),
  '{}'::jsonb, 0.1333,
  (ARRAY['Registered','DepositPaid','Measured','DrawingsIssued','Quoted','ContractSigned','Lost','Invalidated'])[1 + (seq * 31) % 8],
  timestamptz '2026-11-27 10:00+08' - (seq * interval '5 minutes'),
  ((timestamptz '2026-11-27 10:00+08' - (seq * interval '5 minutes')) AT TIME ZONE 'Asia/Shanghai')::date,
  'bench', 'bench', timestamptz '2026-11-27 10:00+08' - (seq * interval '5 minutes'),
  gen_random_uuid(), ('00000000-0000-7000-8000-' || lpad((n * 100 + seq % 12)::text, 12, '0'))::uuid, '设计师' || (seq % 12),
  timestamptz '2026-11-27 10:00+08' - (seq * interval '5 minutes')
FROM rows;
COMMIT;
ANALYZE;
