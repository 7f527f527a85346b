#!/usr/bin/env python3
"""Builds sites from random small inputs, in English and French, and reads every page for what a
reader should never see.

    scripts/page-smoke.py [--bin BIN] [--cases N] [--seed S]    (default .build/release/fidelis-report)

The inputs are those of scripts/indep/fuzz.py (a handful of customers, ties, leavers, prospects,
mid-month and year-apart files, ledgers with refunds, random configs), with hostile text in them:
ids, feedback and tiers holding markup (`<i>`, `<script>`), an ampersand and quotes. Every `.html`,
`.md` and `.svg` file of the site is then read for:
- numbers that are not numbers: `nan`, `inf`, `Infinity`, a negative zero (`-0.0`, `−0,0 %`);
- template text left over: `{{`, `}}`, `Optional(`, `nil`, `(null)`, `undefined`;
- the hostile text unescaped (the markup as markup, in a page or in Markdown).
Exits 1 on any finding, printing each kind once with where it was and the text around it.
"""
import argparse, collections, os, random, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'indep'))
import fuzz  # noqa: E402

NOT_A_NUMBER = r'\bnan\b|\bNaN\b|\binf\b|\bInfinity\b|(?<![\w.,])[-−]0[.,]0+\b|(?<![\w.,])[-−]0(?:[.,]0+)?\s?%'
LEFT_OVER = r'\{\{|\}\}|Optional\(|\(null\)|<null>|\bundefined\b|\bnil\b'
# The markup put into the inputs, found as markup: never in a page, a chart or a Markdown file.
# (Markdown escapes it with a backslash: `\<i>`.)
UNESCAPED = r'(?<!\\)<(?:script|i|b)>'
FINDINGS = re.compile('(?P<number>%s)|(?P<template>%s)|(?P<markup>%s)' % (NOT_A_NUMBER, LEFT_OVER, UNESCAPED))


def make_hostile(args):
    """Rewrites the case's CSV files with markup in the ids (the same for an id in every file),
    the feedback and the tiers."""
    for path in fuzz.input_files(args):
        rows, written = fuzz.read_rows(path)
        header = [h.strip().lower() for h in rows[0]]
        for row in rows[1:]:
            for i, name in enumerate(header):
                if name == 'customer_id' and len(row[i]) % 3 == 0:
                    row[i] = row[i] + '<i>&"'
                elif name == 'feedback' and row[i]:
                    row[i] = row[i] + ' <script>alert(1)</script> & <b>'
                elif name == 'tier' and row[i]:
                    row[i] = '<b>' + row[i]
        fuzz.write_rows(path, rows, written)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bin', default='.build/release/fidelis-report')
    ap.add_argument('--cases', type=int, default=100)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    tool = os.path.abspath(a.bin)
    work = tempfile.mkdtemp(prefix='fidelis-pages-')
    os.makedirs(os.path.join(work, 'inputs'))
    rng = random.Random(a.seed)
    found = collections.Counter()
    example = {}
    sites = 0
    try:
        for k in range(a.cases):
            case = fuzz.make_case(rng, work, k)
            make_hostile(case['args'])
            for locale in ('en', 'fr'):
                out = os.path.join(work, 'site-%d-%s' % (k, locale))
                p = subprocess.run([tool, 'build', '--out', out, '--quiet', '--locale', locale] + case['args'],
                                   capture_output=True, text=True)
                if p.returncode not in (0, 3):
                    found[('exit %d' % p.returncode, locale, '')] += 1
                    example.setdefault(('exit %d' % p.returncode, locale, ''), (' '.join(case['args']), p.stderr[:400]))
                    continue
                sites += 1
                for root, _, files in os.walk(out):
                    for name in files:
                        if not name.endswith(('.html', '.md', '.svg')):
                            continue
                        text = open(os.path.join(root, name), encoding='utf-8').read()
                        text = re.sub(r'<style>.*?</style>', '', text, flags=re.S)
                        for m in FINDINGS.finditer(text):
                            key = (m.lastgroup, locale, name, m.group(0))
                            found[key] += 1
                            example.setdefault(key, (' '.join(case['args']), text[max(0, m.start() - 160):m.end() + 80]))
                shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(os.path.join(work, 'inputs', case['name']), ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for key, n in found.most_common():
        print('%d × %s' % (n, ' '.join(key)))
        print('    input: %s\n    text: %s' % (example[key][0], example[key][1].replace('\n', ' ')))
    print('page-smoke: %d cases (seed %d), %d sites read, %d kind(s) of finding' % (a.cases, a.seed, sites, len(found)))
    sys.exit(1 if found else 0)


if __name__ == '__main__':
    main()
