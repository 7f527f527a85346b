#!/usr/bin/env python3
"""Compares two sites that may differ only in the last digits of their numbers: the check behind a
change to the lifetime-model fits, which reach the same optimum to the optimiser's tolerance but not
bit for bit (P(alive), predicted CLV and the fitted parameters then move in their last digits).

    scripts/close-site.py OLD_SITE NEW_SITE [--rel 1e-6]

Files that are byte-identical pass. In the others, the text between numbers must be identical and
each pair of numbers must agree within a relative `--rel` or one unit of their last printed digit
(0.380325 / 0.380326, 42.55 / 42.56). Prints per differing file how many numbers moved and the
largest relative move; exits 1 when anything else differs (text, the number of numbers, a file).
"""
import argparse
import os
import re
import sys

MOVES = []  # (relative move, old, new) of the current file
NUMBER = re.compile(rb"-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?")


def tokens(data):
    parts = NUMBER.split(data)
    numbers = NUMBER.findall(data)
    return parts, numbers


def value(token):
    return float(token.replace(b",", b"."))


def last_unit(token):
    text = token.replace(b",", b".").lower()
    mantissa, _, exponent = text.partition(b"e")
    decimals = len(mantissa.split(b".")[1]) if b"." in mantissa else 0
    return 10.0 ** (-decimals + (int(exponent) if exponent else 0))


def compare(old, new, rel):
    """(numbers moved, largest relative move, problem or None); line by line when the line counts agree."""
    old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
    if len(old_lines) == len(new_lines) and len(old_lines) > 1:
        moved, largest = 0, 0.0
        for a, b in zip(old_lines, new_lines):
            if a == b:
                continue
            m, l, problem = compare_text(a, b, rel)
            moved, largest = moved + m, max(largest, l)
            if problem:
                return moved, largest, problem
        return moved, largest, None
    return compare_text(old, new, rel)


def compare_text(old, new, rel):
    old_parts, old_numbers = tokens(old)
    new_parts, new_numbers = tokens(new)
    if len(old_numbers) != len(new_numbers) or old_parts != new_parts:
        for i, (a, b) in enumerate(zip(old_parts, new_parts)):
            if a != b:
                return 0, 0.0, f"text differs near {a[-60:]!r} / {b[-60:]!r}"
        return 0, 0.0, f"{len(old_numbers)} numbers / {len(new_numbers)}"
    moved, largest = 0, 0.0
    for a, b in zip(old_numbers, new_numbers):
        if a == b:
            continue
        x, y = value(a), value(b)
        unit = max(last_unit(a), last_unit(b))
        relative = abs(x - y) / max(abs(x), abs(y), 1e-300)
        if abs(x - y) > unit * 1.000001 and relative > rel:
            return moved, largest, f"{a.decode()} / {b.decode()} (relative {relative:.2e})"
        moved += 1
        largest = max(largest, relative)
        MOVES.append((relative, a.decode(), b.decode()))
    return moved, largest, None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--rel", type=float, default=1e-6)
    parser.add_argument("--show", type=int, default=0, help="list the N largest moves")
    args = parser.parse_args()
    files = set()
    for root in (args.old, args.new):
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d != ".fidelis-cache"]
            files.update(os.path.relpath(os.path.join(folder, n), root) for n in names if n != ".fidelis-cache")
    status, differing, total_moved, overall = 0, 0, 0, 0.0
    shown = []
    for name in sorted(files):
        a, b = os.path.join(args.old, name), os.path.join(args.new, name)
        if not (os.path.exists(a) and os.path.exists(b)):
            print(f"only in one site: {name}")
            status = 1
            continue
        old, new = open(a, "rb").read(), open(b, "rb").read()
        MOVES.clear()
        if old == new:
            continue
        differing += 1
        moved, largest, problem = compare(old, new, args.rel)
        total_moved += moved
        shown.extend((r, name, x, y) for r, x, y in MOVES)
        overall = max(overall, largest)
        if problem:
            print(f"DIFFERENT {name}: {problem}")
            status = 1
    for r, name, x, y in sorted(shown, reverse=True)[:args.show]:
        print(f"  {r:.2e}  {name}: {x} -> {y}")
    print(f"{len(files)} files, {differing} not byte-identical, {total_moved} numbers moved "
          f"(largest relative move {overall:.2e}){'' if status == 0 else ', and differences beyond that'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
