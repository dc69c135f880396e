-- Customers :from+1 .. :to of a chain of 500 stores, with the rows the reports service's consumers would write for
-- them: the customer, their dispatch, their milestones over three years, completeness, a first follow-up task,
-- a problem for one in a hundred, the form of each signing. Customer s is in store s % 500 and is that store's
-- k-th (k = s / 500); everything about it follows from s, so that a second run appends to the first, and what
-- varies within a store varies with k. {from} and {to} are replaced by the program.
BEGIN;
CREATE TEMP TABLE seq ON COMMIT DROP AS
SELECT s,
       s % 500 AS store,
       s / 500 AS k,
       ('00000000-0000-4000-8000-' || lpad(s::text, 12, '0'))::uuid AS customer,
       ('00000000-0000-4000-9000-' || lpad((s % 500)::text, 12, '0'))::uuid AS store_id,
       ('00000000-0000-4000-a000-' || lpad(((s % 500) * 100 + (s / 500) % 12)::text, 12, '0'))::uuid AS designer,
       '设计师' || ((s / 500) % 12) AS designer_name,
       timestamptz '2026-11-27 20:00+08' - ((s::bigint * 7919) % (3 * 365 * 24 * 60)) * interval '1 minute' AS at,
       (s / 500 * 7 + s % 500) % 10 AS path
FROM generate_series({from} + 1, {to}) AS s;

INSERT INTO "Customers" ("Id", "StoreId", "CustomerNo", "Source", "RegisteredAt", "RegisteredOn", "RegisteredStage", "FirstDispatchedOn", "ConsultantName")
SELECT customer, store_id, 'R' || store || '-' || s,
       (ARRAY['WalkIn','Phone','Marketing','Partner','Referral','DesignerProvided'])[1 + k % 6],
       at, (at AT TIME ZONE 'Asia/Shanghai')::date, CASE WHEN k % 6 IN (2, 3) THEN 'AssignedToStore' ELSE 'Registered' END,
       CASE WHEN path > 0 THEN (at AT TIME ZONE 'Asia/Shanghai')::date END,
       CASE WHEN k % 4 = 0 THEN '顾问' || (k % 5) END
FROM seq;

INSERT INTO "Dispatches" ("AssignmentId", "StoreId", "CustomerId", "DesignerId", "DesignerName", "At", "Day")
SELECT gen_random_uuid(), store_id, customer, designer, designer_name, at + interval '1 hour', ((at + interval '1 hour') AT TIME ZONE 'Asia/Shanghai')::date
FROM seq WHERE path > 0;

-- path: 0 not dispatched; 1–2 dispatched only; 3–4 deposit; 5 + measured; 6 + design fee; 7 + quoted; 8 + signed; 9 lost.
WITH steps(type, stage, min_path, max_path, days, amount, area) AS (VALUES
  ('DepositPaid', 'DepositPaid', 3, 8, 2, 2000.00, NULL::numeric),
  ('Measured', 'Measured', 5, 8, 5, NULL, NULL),
  ('DesignFeePaid', 'DesignFeePaid', 6, 8, 10, 5000.00, NULL),
  ('Quoted', 'Quoted', 7, 8, 20, NULL, NULL),
  ('ContractSigned', 'ContractSigned', 8, 8, 30, NULL, NULL),
  ('Lost', 'Lost', 9, 9, 15, NULL, NULL))
INSERT INTO "Milestones" ("Id", "StoreId", "CustomerId", "Type", "At", "Day", "Amount", "AreaM2", "DepositKind", "DesignerId", "Stage")
SELECT gen_random_uuid(), store_id, customer, steps.type, at + steps.days * interval '1 day', ((at + steps.days * interval '1 day') AT TIME ZONE 'Asia/Shanghai')::date,
       CASE WHEN steps.type = 'ContractSigned' THEN 100000.00 + (k % 50) * 1000 ELSE steps.amount END,
       CASE WHEN steps.type = 'ContractSigned' THEN 80 + k % 60 END,
       CASE WHEN steps.type = 'DepositPaid' THEN 'Measurement' END, designer, steps.stage
FROM seq JOIN steps ON path BETWEEN steps.min_path AND steps.max_path;

INSERT INTO "Completeness" ("StoreId", "CustomerId", "At", "Rate")
SELECT store_id, customer, at, 0.1 * (1 + k % 10) FROM seq
UNION ALL
SELECT store_id, customer, at + interval '3 days', 1.0 FROM seq WHERE k % 3 = 0;

INSERT INTO "FollowUps" ("Id", "StoreId", "CustomerId", "At")
SELECT gen_random_uuid(), store_id, customer, at + interval '2 days' FROM seq WHERE k % 2 = 0;

-- The first follow-up two days after registration, done then, but for one in twenty still open.
INSERT INTO "Tasks" ("Id", "StoreId", "CustomerId", "Kind", "DueOn", "CreatedAt", "EndedAt")
SELECT customer, store_id, customer, 'FirstFollowUp', (at AT TIME ZONE 'Asia/Shanghai')::date + 2, at, CASE WHEN k % 20 <> 0 THEN at + interval '2 days' END FROM seq;
INSERT INTO "TaskAssignees" ("TaskId", "At", "AssigneeId", "AssigneeName")
SELECT customer, at, ('00000000-0000-4000-b000-' || lpad((store * 10 + k % 3)::text, 12, '0'))::uuid, '客户经理' || (k % 3) FROM seq;

INSERT INTO "Problems" ("Id", "StoreId", "CustomerId", "DesignerName", "What", "DueOn", "RaisedBy", "RaisedAt", "ResolvedAt")
SELECT gen_random_uuid(), store_id, customer, designer_name, '图纸修改', (at AT TIME ZONE 'Asia/Shanghai')::date + 6, '客户经理', at + interval '5 days',
       CASE WHEN k % 300 <> 0 THEN at + interval '7 days' END
FROM seq WHERE k % 100 = 0;

INSERT INTO "FormVersions" ("StoreId", "Serial", "At", "Action", "State", "HolderName", "DesignerName", "RetrieveBy", "ReturnBy", "Reason", "Lost")
SELECT store_id, 'HT' || s, at + interval '25 days', 'Issued', 'Issued', designer_name, designer_name, at + interval '32 days', NULL::timestamptz, NULL::text, false FROM seq WHERE path = 8
UNION ALL
SELECT store_id, 'HT' || s, at + interval '31 days', 'Retrieved', 'Retrieved', '客户经理', designer_name, NULL, NULL, NULL, false FROM seq WHERE path = 8 AND k % 40 <> 0;
-- The store's day tallies, as the consumers add them: each registration enters its stage, each milestone leaves
-- the stage before it and enters its own; each customer's completeness adds its rate, a later rate the difference.
WITH moves AS (
  SELECT c."StoreId", c."RegisteredOn" AS day, c."RegisteredStage" AS stage, 1 AS n FROM "Customers" c JOIN seq ON seq.customer = c."Id"
  UNION ALL
  SELECT m."StoreId", m."Day", lag(m."Stage", 1, c."RegisteredStage") OVER (PARTITION BY m."CustomerId" ORDER BY m."At", m."Id"), -1
  FROM "Milestones" m JOIN seq ON seq.customer = m."CustomerId" JOIN "Customers" c ON c."Id" = m."CustomerId"
  UNION ALL
  SELECT m."StoreId", m."Day", m."Stage", 1 FROM "Milestones" m JOIN seq ON seq.customer = m."CustomerId")
INSERT INTO "StageMoves" ("StoreId", "Day", "Stage", "Count")
SELECT "StoreId", day, stage, sum(n) FROM moves GROUP BY 1, 2, 3
ON CONFLICT ("StoreId", "Day", "Stage") DO UPDATE SET "Count" = "StageMoves"."Count" + excluded."Count";

WITH rates AS (
  SELECT f."StoreId", ((f."At" AT TIME ZONE 'Asia/Shanghai')::date) AS day,
         f."Rate" - lag(f."Rate", 1, 0) OVER (PARTITION BY f."CustomerId" ORDER BY f."At") AS delta,
         CASE WHEN row_number() OVER (PARTITION BY f."CustomerId" ORDER BY f."At") = 1 THEN 1 ELSE 0 END AS first
  FROM "Completeness" f JOIN seq ON seq.customer = f."CustomerId")
INSERT INTO "CompletenessMoves" ("StoreId", "Day", "Sum", "Customers")
SELECT "StoreId", day, sum(delta), sum(first) FROM rates GROUP BY 1, 2
ON CONFLICT ("StoreId", "Day") DO UPDATE SET "Sum" = "CompletenessMoves"."Sum" + excluded."Sum", "Customers" = "CompletenessMoves"."Customers" + excluded."Customers";
-- The month tallies are the day tallies added up by month.
TRUNCATE "StageMonths", "CompletenessMonths";
INSERT INTO "StageMonths" ("StoreId", "Month", "Stage", "Count")
SELECT "StoreId", date_trunc('month', "Day")::date, "Stage", sum("Count") FROM "StageMoves" GROUP BY 1, 2, 3;
INSERT INTO "CompletenessMonths" ("StoreId", "Month", "Sum", "Customers")
SELECT "StoreId", date_trunc('month', "Day")::date, sum("Sum"), sum("Customers") FROM "CompletenessMoves" GROUP BY 1, 2;
COMMIT;
