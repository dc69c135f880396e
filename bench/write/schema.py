#!/usr/bin/env python3
"""Moves one service database's pg_dump into a schema of its own: schema.py <schema> < dump.sql > schema.sql.

The benchmark's database holds every service's tables side by side, so that one pgbench script can run the SQL of a
registration's whole cascade; table data (COPY blocks) passes through untouched.
"""
import re
import sys

schema = sys.argv[1]
print(f"CREATE SCHEMA {schema};")
copying = False
for line in sys.stdin:
    if copying:
        copying = line.rstrip("\n") != "\\."
        sys.stdout.write(line)
        continue
    line = re.sub(r"\bpublic\.", schema + ".", line)
    line = re.sub(r"\bSCHEMA public\b", "SCHEMA " + schema, line)
    copying = line.startswith("COPY ")
    sys.stdout.write(line)
