#!/usr/bin/python3
"""Writes src/engine/commands/az/help-data.ts: what today's az (azure-cli 2.74) says about each az
command the lab has, as data for the lab's help printer (src/engine/commands/az/help.ts), which
orders, pads and wraps it as knack does.

Each command's `-h` is run through today's az offline (scripts/make-az-today-references.py) and
read back: the summary and long summary, every argument of the command (options, [Required], its
group, its summary with az's "Allowed values"/"Default" suffixes, its long summary) and the
examples. Global arguments, --ids and --subscription are left out: the printer adds them. Summaries
are unwrapped (the printer wraps them again at its own column); long summaries and examples keep
their lines, which sit at a fixed indent.

Usage: /usr/bin/python3 scripts/make-az-help.py
"""
import json
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
NODE = os.path.join(REPO, "node_modules", ".bin", "node")
OUT = os.path.join(REPO, "src", "engine", "commands", "az", "help-data.ts")
COMPUTED = {"--ids", "--subscription"}


def lab_commands():
    script = ("import { azCommandDefs } from './src/engine/commands/az/index.ts';"
              "console.log(JSON.stringify(azCommandDefs.map((d) => d.words.join(' '))));")
    out = subprocess.run([NODE, "--disable-warning=ExperimentalWarning", "--input-type=module", "-e", script],
                         cwd=REPO, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def unwrap(lines):
    """Lines textwrap filled, as one text: joined by a space, or by nothing after a hyphen it broke at."""
    text = ""
    for line in lines:
        if text and re.search(r"[A-Za-z]-$", text) and re.match(r"[A-Za-z]", line):
            text += line
        elif text and re.match(r"(?:Allowed values|Default|Values from): ", line):
            # knack appends these notes after two spaces ("format.  Default: 1m."), which a break swallows.
            text += "  " + line
        else:
            text += (" " if text else "") + line
    return text


def parse(help_text):
    lines = help_text.split("\n")
    assert lines[0] == "" and lines[1] == "Command", lines[:2]
    i = 2
    header = []
    while lines[i].startswith("    ") and not lines[i].startswith("        "):
        header.append(lines[i].strip())
        i += 1
    long_lines = []
    while lines[i].startswith("        "):
        long_lines.append(lines[i][8:])
        i += 1
    summary = unwrap(header).split(" : ", 1)[1]
    args, group, item = [], None, None
    while not lines[i].startswith("Examples") and not lines[i].startswith("To search"):
        line = lines[i]
        i += 1
        if line in ("", "Arguments"):
            continue
        if not line.startswith(" "):
            group = line
            continue
        if line.startswith("    -"):
            name_part, _, rest = line[4:].partition(" : ")
            tags = "[Required]" in name_part
            item = {"options": name_part.replace("[Required]", "").split(), "required": tags,
                    "group": group, "summary": [rest], "long": []}
            args.append(item)
        elif line.startswith("        ") and line[8] != " ":
            item["long"].append(line[8:])
        else:
            item["summary"].append(line.strip())
    examples = []
    if lines[i].startswith("Examples"):
        i += 1
        while not lines[i].startswith("To search"):
            if lines[i] == "":
                if examples:
                    examples[-1]["blank"] += 1
                i += 1
                continue
            if lines[i].startswith("        "):
                examples[-1]["command"].append(lines[i][8:])
            elif examples and examples[-1]["command"] == [] :
                examples[-1]["summary"].append(lines[i][4:])
            else:
                examples.append({"summary": [lines[i][4:]], "command": [], "blank": 0})
            i += 1
    takes_subscription = any("--subscription" in a["options"] for a in args)
    takes_ids = any("--ids" in a["options"] for a in args)
    out_args = []
    for a in args:
        if a["group"] == "Global Arguments" or (a["group"] == "Resource Id Arguments" and a["options"][0] in COMPUTED):
            continue
        entry = {"options": a["options"], "summary": unwrap(a["summary"])}
        if a["required"]:
            entry["required"] = True
        if a["group"]:
            entry["group"] = a["group"]
        if a["long"]:
            entry["long"] = a["long"]
        out_args.append(entry)
    return {
        "summary": summary,
        **({"long": long_lines} if long_lines else {}),
        "args": out_args,
        # Commands that ignore the profile's subscription (az account list) list no --subscription.
        **({} if takes_subscription else {"noSubscription": True}),
        # --ids (with --subscription beside it under "Resource Id Arguments"): the printer adds both.
        **({"ids": True} if takes_ids else {}),
        # An example's summary is one text; its command keeps its lines, and the blank lines after it
        # beyond the first are empty lines at its end.
        "examples": [{"summary": unwrap(e["summary"]), "command": e["command"] + [""] * (e["blank"] - 1)} for e in examples],
    }


def main():
    commands = lab_commands()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = os.path.join(tmp, "help.txt"), os.path.join(tmp, "help.jsonl")
        with open(corpus, "w") as f:
            f.write("".join(f"az {c} -h\n" for c in commands))
        subprocess.run(["/usr/bin/python3", os.path.join(REPO, "scripts", "make-az-today-references.py"),
                        "--corpus", corpus, "--out", out], check=True, stdout=sys.stderr)
        results = [json.loads(l) for l in open(out)]
    data = {}
    for command, r in zip(commands, results):
        if r["exit"] != 0:
            raise SystemExit(f"az {command} -h: exit {r['exit']}: {r['stderr']}")
        data[command] = parse(r["stdout"])
    body = ",\n".join(f"  {json.dumps(c)}: {json.dumps(h, ensure_ascii=False)}" for c, h in data.items())
    with open(OUT, "w") as f:
        f.write("// Generated by scripts/make-az-help.py (data, not code): what azure-cli 2.74 says in `-h` about each\n"
                "// az command the lab has, for the lab's help printer (help.ts).\n"
                "export interface HelpArg { options: string[]; summary: string; required?: boolean; group?: string; long?: string[] }\n"
                "export interface HelpData { summary: string; long?: string[]; args: HelpArg[]; noSubscription?: boolean; ids?: boolean; examples: Array<{ summary: string; command: string[] }> }\n\n"
                f"export const AZ_HELP: Record<string, HelpData> = {{\n{body},\n}};\n")
    print(f"{os.path.relpath(OUT, REPO)}: {len(data)} commands")


if __name__ == "__main__":
    main()
