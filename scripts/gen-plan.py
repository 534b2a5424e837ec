#!/usr/bin/env python3
"""Writes a realistic plan of about SIZE bytes: phases of nested tasks with ids, notes,
quotes and code blocks, like REFACTOR_PLAN.md grown large. Usage: gen-plan.py SIZE OUT [--items N]"""
import random, sys

def main():
    size = int(float(sys.argv[1]))
    out = sys.argv[2]
    max_items = None
    if "--items" in sys.argv:
        max_items = int(sys.argv[sys.argv.index("--items") + 1])
    rnd = random.Random(42)
    parts = ["# Generated Refactoring Plan\n\n**Last Updated**: `{{TIMESTAMP}}`\n**Status**: `Not Started`\n\n---\n\n"]
    total = len(parts[0])
    items = 0
    phase = 0
    marks = [" ", " ", " ", "x", "x", "!", "/"]
    words = "deploy the infra stacks and verify that `resource` details are in **SSM** parameters for every service".split()
    while (max_items is None and total < size) or (max_items is not None and items < max_items):
        chunk = [f"## **Phase {phase}: Generated phase {phase}**\n\n"]
        for t in range(1, rnd.randint(5, 15)):
            if max_items is not None and items >= max_items:
                break
            text = " ".join(rnd.choice(words) for _ in range(rnd.randint(6, 14)))
            chunk.append(f"- [{rnd.choice(marks)}] **TODO {phase}.{t}:** {text}.\n")
            items += 1
            for s in range(1, rnd.randint(1, 4)):
                if max_items is not None and items >= max_items:
                    break
                chunk.append(f"    - [{rnd.choice(marks)}] **TODO {phase}.{t}.{s}:** {text[:40]}\n")
                items += 1
        if rnd.random() < 0.3:
            chunk.append("\n> **Note**: a note about this phase, with `code` and a [link](https://example.com).\n")
        if rnd.random() < 0.2:
            chunk.append("\n```yaml\n- [ ] not a task inside code\nkey: value\n```\n")
        chunk.append("\n---\n\n")
        s = "".join(chunk)
        parts.append(s)
        total += len(s)
        phase += 1
    with open(out, "w") as f:
        f.write("".join(parts))

main()
