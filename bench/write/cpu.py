#!/usr/bin/env python3
"""CPU seconds used so far by each part of the running system: PostgreSQL (every server process), RabbitMQ, and each
service of this build (Release). Prints one "part=seconds" pair a part: cpu.py <repository root>."""
import os
import sys

root, hz, parts = sys.argv[1], os.sysconf("SC_CLK_TCK"), {}
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        program = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")[0].decode(errors="replace")
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    name = os.path.basename(program)
    if program.startswith("postgres:") or name == "postgres":
        part = "PostgreSQL"
    elif name == "beam.smp":
        part = "RabbitMQ"
    elif program.startswith(root + "/") and "/bin/Release/" in program and name.startswith("Crm.") and name != "Crm.AppHost" and not name.startswith("Crm.Bench"):
        part = name[len("Crm."):]
    else:
        continue
    parts[part] = parts.get(part, 0.0) + (int(fields[11]) + int(fields[12])) / hz
print(" ".join(f"{part}={seconds:.2f}" for part, seconds in sorted(parts.items())))
