#!/usr/bin/env python3
"""Turns PostgreSQL's statement log of one registration's cascade into a pgbench script that runs the same SQL.

    replay.py <captured log> <phone> <customer number> > script.sql

The log is what the server wrote (each line possibly behind the orchestrator's line number and time) with log_statement = all and log_line_prefix = '%m [%p] %d %a ' while one
customer was registered and every service applied what followed. Each service's database becomes a schema of the
benchmark's database (see run.sh), so a unit of work starts with SET search_path where the service's connection
pool started it with DISCARD ALL; the statements follow with their parameters written in as literals.

The automatic dispatch's claim of a store is pinned to the captured store (pin_store_claim), and each relay's claim
of pending outbox rows to the rows it then marks sent: a replay with literals can only do what was captured.

Kept: every unit of work (one pooled connection's use, from DISCARD ALL to the next) that writes, or that reads
something the registration created. Left out: units that only read what existed before (background polls that
found nothing, the gateway's look-up of the signed-in user), and the benchmark's own queries.

What one registration creates is created afresh on every run of the script: ids written into an "Id" or
"MessageId" column, the phone and the customer number; each outbox row's sequence comes back from its INSERT and
is what the relay later marks sent.
"""
import re
import sys
from dataclasses import dataclass, field

LINE = re.compile(r"^(?:\d+ )?(?:\d{4}-\d\d-\d\dT\S+Z )?\d{4}-\d\d-\d\d [\d:.]+ \S+ \[(\d+)\] (\S*) (?:(\S*) )?(LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING):  (.*)$")
CONTINUATION = re.compile(r"^(?:\d+ )?(?:\d{4}-\d\d-\d\dT\S+Z )?\t(.*)$")
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
PLACEHOLDER = re.compile(r"\$(\d+)\b")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
INSERT = re.compile(r'^\s*INSERT INTO "([^"]+)" \(([^)]*)\)\s*VALUES\s*(.*)$', re.S)
OUTBOX_SENT = re.compile(r'^\s*UPDATE "OutboxMessages" SET "SentAt" = \$1\s+WHERE "Sequence" = \$2', re.S)
WRITES = ("INSERT", "UPDATE", "DELETE")
RELAY_CLAIM = 'FROM "OutboxMessages" WHERE "SentAt" IS NULL AND "ParkedAt" IS NULL'
FRESH_COLUMNS = ('"Id"', '"MessageId"')
BENCH_APPLICATION = "crm-bench"


@dataclass
class Statement:
    pid: str
    database: str
    sql: str
    parameters: dict = field(default_factory=dict)

    def text(self):
        return PLACEHOLDER.sub(lambda m: self.parameters.get(m.group(1), m.group(0)), self.sql)


def read(path):
    statements, last, last_kind = [], None, None
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            raw = raw.rstrip("\n")
            line = LINE.match(raw)
            if line is None:
                more = CONTINUATION.match(raw)
                if more and last is not None and last_kind == "sql":
                    last.sql += "\n" + more.group(1)
                elif more and last is not None and last_kind == "detail":
                    last.parameters.update({n: v for n, v in PARAMETER.findall(more.group(1))})
                continue
            pid, database, application, level, message = line.groups()
            if application == BENCH_APPLICATION:
                last_kind = None
                continue
            if level == "LOG" and (message.startswith("statement: ") or message.startswith("execute ")):
                sql = message.split(": ", 1)[1]
                last, last_kind = Statement(pid, database, sql), "sql"
                statements.append(last)
            elif level == "DETAIL" and message.startswith("parameters: ") and last is not None and last.pid == pid:
                last.parameters.update({n: v for n, v in PARAMETER.findall(message)})
                last_kind = "detail"
            else:
                last_kind = None
    return statements


def units(statements):
    """Each pooled connection's uses, in the order they began."""
    open_units, ordered = {}, []
    for s in statements:
        if s.sql.strip() == "DISCARD ALL" or s.pid not in open_units:
            unit = {"database": s.database, "statements": []}
            open_units[s.pid] = unit
            ordered.append(unit)
            if s.sql.strip() == "DISCARD ALL":
                continue
        open_units[s.pid]["statements"].append(s)
    return [u for u in ordered if u["statements"]]


CLAIM = re.compile(r'WHERE "AwaitingDispatchSince" IS NOT NULL GROUP BY "StoreId"')
STORE_FILTER = re.compile(r'"StoreId" = \$(\d+)')


def pin_store_claim(unit):
    """The automatic dispatch claims the store waiting longest and dispatches the store it claimed; replayed with
    literals it always dispatches the captured store, so it must claim that store, not whichever waits longest."""
    for i, s in enumerate(unit["statements"]):
        if not CLAIM.search(s.sql):
            continue
        stores = [later.parameters[n] for later in unit["statements"][i + 1:] for n in STORE_FILTER.findall(later.sql)
                  if n in later.parameters and literal_value(later.parameters[n]) not in (None, "00000000-0000-0000-0000-000000000000")]
        if stores:
            s.sql = CLAIM.sub('WHERE "AwaitingDispatchSince" IS NOT NULL AND "StoreId" = ' + stores[0] + ' GROUP BY "StoreId"', s.sql)


def literal_value(text):
    return text[1:-1].replace("''", "'") if text != "NULL" else None


def fresh_ids(statements):
    ids = []
    for s in statements:
        insert = INSERT.match(s.sql)
        if not insert:
            continue
        columns = [c.strip() for c in insert.group(2).split(",")]
        for row in re.findall(r"\(([^()]*)\)", insert.group(3)):
            for column, placeholder in zip(columns, [p.strip() for p in row.split(",")]):
                value = literal_value(s.parameters.get(placeholder.lstrip("$"), "NULL"))
                if column in FRESH_COLUMNS and value and UUID.match(value) and value not in ids:
                    ids.append(value)
    return ids


def main(path, phone, customer_no):
    statements = read(path)
    ids = fresh_ids(statements)
    fresh = {value: f"crm_u{i + 1}" for i, value in enumerate(ids)}
    fresh[phone] = "crm_phone"
    fresh[customer_no] = "crm_no"

    def touches_fresh(s):
        text = s.text()
        return any(value in text for value in fresh)

    kept = [u for u in units(statements)
            if any(s.sql.lstrip().upper().startswith(WRITES) or touches_fresh(s) for s in u["statements"])]
    for u in kept:
        pin_store_claim(u)

    # Each outbox row's sequence, returned by its INSERT, is the one its relay marks sent: pair them in order per database.
    sent = {}
    for u in kept:
        for s in u["statements"]:
            if OUTBOX_SENT.match(s.sql):
                sent.setdefault(u["database"], set()).add(literal_value(s.parameters["2"]))
    sequence_names, inserted = {}, {}
    for u in kept:
        for s in u["statements"]:
            if s.sql.lstrip().startswith('INSERT INTO "OutboxMessages"') and 'RETURNING "Sequence"' in s.sql:
                database = u["database"]
                inserted[database] = inserted.get(database, 0) + 1
                s.gset = f"crm_{database}_o{inserted[database]}_"
    for database, values in sent.items():
        for k, value in enumerate(sorted(values, key=int), start=1):
            if k <= inserted.get(database, 0):
                sequence_names[(database, value)] = f"crm_{database}_o{k}_Sequence"

    # One relay per service claims every pending row and marks each sent; replayed side by side, each relay claims
    # the rows its script marks, or two scripts would each hold the other's row.
    for u in kept:
        marked = [":" + sequence_names[(u["database"], literal_value(s.parameters["2"]))] for s in u["statements"]
                  if OUTBOX_SENT.match(s.sql) and (u["database"], literal_value(s.parameters["2"])) in sequence_names]
        for s in u["statements"]:
            if marked and RELAY_CLAIM in s.sql:
                s.sql = s.sql.replace(RELAY_CLAIM, RELAY_CLAIM + ' AND "Sequence" IN (' + ", ".join(marked) + ")")

    out = [
        "-- One registration's cascade, from the statement log (bench/write/replay.py). Fresh values first:",
        "SELECT s.n AS crm_n, (13000000000 + s.n)::text AS crm_phone, 'WBR-' || s.n AS crm_no"
        + "".join(f",\n       gen_random_uuid() AS {name}" for value, name in fresh.items() if name.startswith("crm_u"))
        + "\n  FROM (SELECT nextval('public.crm_bench_numbers') AS n) s \\gset",
    ]
    for u in kept:
        out.append(f"SET search_path TO {u['database']};")
        for s in u["statements"]:
            if OUTBOX_SENT.match(s.sql) and (u["database"], literal_value(s.parameters["2"])) in sequence_names:
                s.parameters["2"] = ":" + sequence_names[(u["database"], literal_value(s.parameters["2"]))]
            text = s.text()
            for value, name in fresh.items():
                text = text.replace(value, ":" + name)
            # pgbench reads "::" as a cast and substitutes nothing after it: split such a literal around the variable.
            text = text.replace("::crm_", ":' || ':crm_")
            gset = getattr(s, "gset", None)
            out.append(text.rstrip().rstrip(";") + (f" \\gset {gset}" if gset else ";"))
    print("\n".join(out))
    print(f"-- {len(kept)} units of work, {sum(len(u['statements']) for u in kept)} statements; "
          f"{len(statements) - sum(len(u['statements']) for u in kept)} statements of the log left out", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
