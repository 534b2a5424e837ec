#!/usr/bin/env python3
"""Usage: scripts/gen-man.py PLANTRACK_BINARY > plantrack.1

Writes the man page from the command-line definitions themselves: ArgumentParser's
`--experimental-dump-help` JSON (every command, argument, option and its help), so
the page cannot drift from `--help`. The exit codes and files sections come from
docs/commands.md's facts, kept here in one short list."""
import datetime, json, subprocess, sys

EXIT_CODES = [
    ("0", "success"),
    ("1", "a finding: lint found an error, verify found drift"),
    ("2", "usage or bad input: unknown id, unknown state, malformed config or theme, a plan that is not text"),
    ("3", "file I/O: plan missing, unreadable or unwritable; nothing was written"),
    ("4", "AWS: no credentials, endpoint unreachable, access denied, malformed answer"),
]


def roff(text):
    """Escapes text for a roff line: backslashes, and a leading dot or quote."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    if text[:1] in (".", "'"):
        text = "\\&" + text
    return text


def synopsis_of(argument):
    name = argument.get("preferredName")
    value = argument.get("valueName", "")
    if argument["kind"] == "positional":
        text = "<%s>" % value
    elif argument["kind"] == "flag":
        text = ("--" if name["kind"] == "long" else "-") + name["name"]
    else:
        text = "%s%s <%s>" % ("--" if name["kind"] == "long" else "-", name["name"], value)
    if argument.get("isOptional"):
        text = "[%s]" % text
    return text


def names_of(argument):
    if argument["kind"] == "positional":
        return "<%s>" % argument.get("valueName", "")
    names = [("--" if n["kind"] == "long" else "-") + n["name"] for n in argument.get("names", [])]
    label = ", ".join(names)
    if argument["kind"] == "option":
        label += " <%s>" % argument.get("valueName", "")
    return label


def visible(arguments):
    return [a for a in arguments or [] if a.get("shouldDisplay", True) and names_of(a) not in ("--version", "-h, --help")]


def command_section(command, path):
    out = [".SS %s" % roff(" ".join(path))]
    args = visible(command.get("arguments"))
    out.append(".B %s" % roff(" ".join(path)))
    if args:
        out.append(roff(" ".join(synopsis_of(a) for a in args)))
    out += [".PP", roff(command.get("abstract", ""))]
    if command.get("discussion"):
        out += [".PP", roff(command["discussion"])]
    for argument in args:
        out += [".TP", ".B %s" % roff(names_of(argument)), roff(argument.get("abstract", ""))]
        if argument.get("defaultValue"):
            out[-1] += roff(" (default: %s)" % argument["defaultValue"])
        if argument.get("allValues"):
            out[-1] += roff(" (values: %s)" % ", ".join(argument["allValues"]))
    return out


def main():
    binary = sys.argv[1]
    tool = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True,
                                     capture_output=True, text=True).stdout)["command"]
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    name = tool["commandName"]
    date = datetime.date.today().isoformat()
    # .nh: no hyphenation, so options such as --format are never split across lines.
    out = ['.TH %s 1 "%s" "%s" "User Commands"' % (name.upper(), date, roff(version)), ".nh",
           ".SH NAME", "%s \\- %s" % (name, roff(tool.get("abstract", ""))),
           ".SH SYNOPSIS", ".B %s" % name, "[\\fIcommand\\fR] [\\fIoptions\\fR]",
           ".SH DESCRIPTION", roff(tool.get("abstract", "")),
           "Without a command, \\fB%s\\fR opens the dashboard (\\fB%s %s\\fR)."
           % (name, name, tool.get("defaultSubcommand", "tui")),
           ".PP", "\\fB%s \\-\\-version\\fR prints the version and the commit it was built from." % name,
           ".SH COMMANDS"]
    for sub in tool.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            out += command_section(sub, [name, sub["commandName"]])
    out += [".SH EXIT STATUS"]
    for code, meaning in EXIT_CODES:
        out += [".TP", ".B %s" % code, roff(meaning)]
    out += [".PP", roff("Every non-zero exit prints one sentence on stderr naming the file, line, id or setting at fault."),
            ".SH FILES", ".TP", ".I .plantrack.yml",
            roff("settings beside the plan: plan, project, stage, stages, region, profile, refresh, theme, checks."),
            ".TP", ".I share/plantrack/themes/*.yml", roff("the themes installed with plantrack."),
            ".SH SEE ALSO", roff("The docs/ folder of the PlanTrack source: commands.md, json.md, config.md, evidence.md, ci.md.")]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
