#!/usr/bin/env python3
"""Differential fuzzing: random small inputs, fidelis-report against indep.py.

Usage: FIDELIS_BIN=path/to/fidelis-report scripts/indep/fuzz.py [--cases N] [--seed S] [--keep DIR]

Each case is a random snapshot folder or ledger (and sometimes a config) drawn to hit the edges the
hand-made cases of cases.json hit one at a time, all at once: a handful of customers, so that ties
at the RFM thresholds are the rule; customers who leave and come back; prospects; month-end and
mid-month files, gaps and a year apart; optional columns present in some files only; every boolean
spelling; refunds at the escalation's threshold; feedback built from the routing keywords; the
`;` dialect with decimal commas; BOM and CRLF; ledgers with refunds, shared and reused order ids and
an as-of date inside the span. The inputs are valid, and avoid the readings kept apart on purpose
(README.md: money past four decimals, phrases across punctuation). Every figure compare.py compares
is compared; a case that differs is kept under --keep (default fuzz-failures/) with its command
lines, and the run exits 1.
"""
import argparse, calendar, csv, datetime as dt, io, json, os, random, shutil, sys, tempfile

CODE = os.path.dirname(os.path.abspath(__file__))

KEYWORDS = ['onboarding', 'activation', 'parcours client', 'cycle de vie', 'points', 'récompenses', 'recompenses',
            'tiers', 'VIP', 'vip', 'gamification', 'fidélité', 'FIDELITE', 'churn', 'attrition', 'désengagement',
            'risque', 'réactivation', 'NPS', 'nps', 'satisfaction', 'CSAT', 'CES', 'ces', 'accompagnement', 'succès',
            'Succès', 'Onboarding', 'RISQUE']
FILLER = ['le', 'service', 'très', 'bien', 'mais', 'trop', 'cher', 'livraison', 'lente', 'merci', 'produit', 'super',
          'déçu', 'encore', 'pointsbonus', 'risques', 'tiers-payant']
BOOLS = [('true', 'false'), ('1', '0'), ('yes', 'no'), ('oui', 'non'), ('TRUE', 'False'), ('Oui', 'NON')]
MONEY = [0, 5, 10, 10, 10, 12.5, 20, 20, 49.99, 100, 100, 250, 999.99, 1000, 1234.5]


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_months(y, m, k):
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def money(rng, value, decimal_comma):
    text = ('%.2f' % value) if rng.random() < 0.5 or value != int(value) else str(int(value))
    return text.replace('.', ',') if decimal_comma else text


def feedback_text(rng):
    words = [rng.choice(KEYWORDS) if rng.random() < 0.45 else rng.choice(FILLER) for _ in range(rng.randint(1, 6))]
    text = ' '.join(words)
    if rng.random() < 0.15:
        text = text + ', encore ' + rng.choice(KEYWORDS)
    if rng.random() < 0.1:
        text = text + '\n' + rng.choice(FILLER)
    if rng.random() < 0.1:
        text = '"' + text + '" dit-il'
    return text


def customer_ids(rng, n):
    style = rng.choice(['num', 'mixed', 'text'])
    ids = set()
    while len(ids) < n:
        if style == 'num':
            ids.add('C%03d' % rng.randint(1, 999))
        elif style == 'mixed':
            ids.add(rng.choice(['c', 'C', 'cust_', 'Zoë-', 'a b ', 'x,y']) + str(rng.randint(1, 999)))
        else:
            ids.add(''.join(rng.choice('abcAB9é') for _ in range(rng.randint(1, 4))))
    return sorted(ids)


def as_of_dates(rng):
    """Snapshot as-of dates and their file labels, strictly increasing."""
    y, m = rng.choice([2024, 2025]), rng.randint(1, 12)
    out = []
    for _ in range(rng.randint(1, 5)):
        end = month_end(y, m)
        if rng.random() < 0.2:
            day = dt.date(y, m, rng.randint(1, end.day - 1))
            label = day.isoformat()
        else:
            day, label = end, '%04d-%02d' % (y, m)
        if not out or day > out[-1][0]:
            out.append((day, label))
        step = rng.choices([1, 2, 12, 0], weights=[70, 10, 10, 10])[0]
        y, m = add_months(y, m, step)
    return out


def write_csv(path, header, rows, delimiter, bom, crlf, rng):
    """Rows as an export writes them; now and then with every field quoted, header names in
    another case or padded with spaces, and a column the tool does not know."""
    if rng.random() < 0.2:
        header = [rng.choice([h, h.upper(), h.title(), ' %s ' % h]) for h in header]
    if rng.random() < 0.15:
        at = rng.randrange(len(header) + 1)
        header = header[:at] + ['Commentaire interne'] + header[at:]
        rows = [r[:at] + [rng.choice(['', 'à rappeler', '12,5'])] + r[at:] for r in rows]
    quoting = csv.QUOTE_ALL if rng.random() < 0.1 else csv.QUOTE_MINIMAL
    write_rows(path, [header] + [['' if v is None else v for v in r] for r in rows], (bom, crlf, delimiter), quoting)


def snapshot_case(rng, folder):
    dates = as_of_dates(rng)
    # A few customers, so that ties are the rule; now and then enough for the top 1 % to hold several.
    ids = customer_ids(rng, rng.randint(1, 40) if rng.random() < 0.9 else rng.randint(100, 400))
    delimiter = ';' if rng.random() < 0.25 else ','
    decimal_comma = delimiter == ';' and rng.random() < 0.6
    optional = ['first_order_date', 'status', 'vip', 'nps', 'csat', 'ces', 'feedback', 'public_complaint',
                'refund_requested', 'tier', 'points_balance']
    base_cols = [c for c in optional if rng.random() < {'first_order_date': 0.6, 'status': 0.15}.get(c, 0.45)]
    # A customer's history: first purchase, orders and revenue so far, last purchase.
    state = {c: None for c in ids}
    for day, label in dates:
        cols = base_cols if rng.random() < 0.8 else [c for c in optional if rng.random() < 0.4]
        header = ['customer_id', 'last_order_date', 'orders', 'revenue'] + cols
        rng.shuffle(header)
        bools = rng.choice(BOOLS)
        rows = []
        for c in ids:
            s = state[c]
            if s is None or rng.random() < 0.5:
                # New purchases since the last snapshot (or a first one), at most as-of.
                if rng.random() < (0.55 if s is None else 0.45):
                    earliest = s['last'] if s else day - dt.timedelta(days=rng.choice([0, 20, 60, 200, 400]))
                    last = day - dt.timedelta(days=rng.randint(0, max(0, min(120, (day - earliest).days))))
                    if last < earliest:
                        last = earliest
                    if s is None:
                        s = {'first': last - dt.timedelta(days=rng.choice([0, 0, 3, 30, 100])), 'orders': 0, 'revenue': 0.0}
                    s['orders'] += rng.choice([1, 1, 1, 2, 3])
                    s['revenue'] += rng.choice(MONEY)
                    s['last'] = last
                    state[c] = s
            if s is not None and rng.random() < 0.04:
                s['revenue'] = max(0.0, s['revenue'] - rng.choice(MONEY))   # a refund lowers the CRM's total
            if rng.random() < 0.12:
                continue   # not in this export
            value = {'customer_id': c}
            if s is None:   # a prospect (revenue without an order is allowed)
                value.update(last_order_date=None, orders=0, revenue=money(rng, rng.choice([0, 0, 0, 5]), decimal_comma),
                             first_order_date=None)
            else:
                value.update(last_order_date=s['last'].isoformat(), orders=s['orders'], revenue=money(rng, s['revenue'], decimal_comma),
                             first_order_date=s['first'].isoformat() if rng.random() < 0.9 else None)
            value['status'] = rng.choice(['active', 'churned', 'active', None]) if rng.random() < 0.95 else None
            value['vip'] = rng.choice([bools[0], bools[1], bools[1], None])
            value['nps'] = rng.choice([None, None, rng.randint(0, 10)])
            value['csat'] = rng.choice([None, None, rng.randint(1, 5)])
            value['ces'] = rng.choice([None, None, rng.randint(1, 7)])
            value['feedback'] = feedback_text(rng) if rng.random() < 0.4 else None
            value['public_complaint'] = rng.choice([bools[1], bools[1], bools[1], bools[0], None])
            value['refund_requested'] = rng.choice([None, None, None, money(rng, rng.choice([0, 50, 999.99, 1000, 1000.01, 4000]), decimal_comma)])
            value['tier'] = rng.choice([None, 'Bronze', 'Silver', 'Gold'])
            value['points_balance'] = rng.choice([None, '0', '120', money(rng, 15.5, decimal_comma)])
            rows.append([value.get(h) for h in header])
        rng.shuffle(rows)
        write_csv(os.path.join(folder, label + '.csv'), header, rows, delimiter,
                  bom=rng.random() < 0.15, crlf=rng.random() < 0.2, rng=rng)
    return ['--snapshots', folder]


def ledger_case(rng, folder):
    ids = customer_ids(rng, rng.randint(1, 30) if rng.random() < 0.9 else rng.randint(100, 300))
    y, m = rng.choice([2024, 2025]), rng.randint(1, 12)
    start = dt.date(y, m, rng.randint(1, 28))
    span = rng.choice([5, 40, 100, 200, 400])
    with_order = rng.random() < 0.6
    with_quantity = rng.random() < 0.3
    delimiter = ';' if rng.random() < 0.25 else ','
    decimal_comma = delimiter == ';' and rng.random() < 0.6
    header = ['customer_id', 'date', 'amount'] + (['order_id'] if with_order else []) + (['quantity'] if with_quantity else [])
    rng.shuffle(header)
    rows = []
    last_line = None
    for _ in range(rng.randint(1, 150) if len(ids) < 100 else rng.randint(500, 2000)):
        c = rng.choice(ids)
        day = start + dt.timedelta(days=rng.randint(0, span))
        order = rng.choice(['o%d' % rng.randint(1, 40), 'o%d' % rng.randint(1, 5)])
        if last_line and rng.random() < 0.3:   # another line of the same order, same day
            c, day, order = last_line
        amount = rng.choice(MONEY) * (-1 if rng.random() < 0.1 else 1)
        value = {'customer_id': c, 'date': day.isoformat(), 'amount': money(rng, amount, decimal_comma),
                 'order_id': order if rng.random() < 0.95 else None, 'quantity': rng.randint(1, 4)}
        rows.append([value[h] for h in header])
        last_line = (c, day, order)
    if rng.random() < 0.5:
        rows.sort(key=lambda r: r[header.index('date')])
    first = min(dt.date.fromisoformat(r[header.index('date')]) for r in rows)
    path = os.path.join(folder, 'ledger.csv')
    write_csv(path, header, rows, delimiter, bom=rng.random() < 0.15, crlf=rng.random() < 0.2, rng=rng)
    args = ['--transactions', path]
    if rng.random() < 0.35:
        # On or after the first line (indep.py does not handle an as-of date before every line).
        args += ['--as-of', (first + dt.timedelta(days=rng.randint(0, span))).isoformat()]
    return args


def config_text(rng):
    lines = []
    if rng.random() < 0.5:
        lines.append('activity_window_days: %d' % rng.choice([1, 7, 30, 45, 60, 120, 365]))
    if rng.random() < 0.4:
        lines += ['targets:',
                  '  retention_rate: {value: %s, direction: above}' % rng.choice(['0.5', '0.85', '1']),
                  '  churn_rate: {value: %s, direction: below}' % rng.choice(['0.05', '0.5', '0']),
                  '  nps: {value: %d, direction: above}' % rng.choice([-20, 0, 50])]
    if rng.random() < 0.3:
        lines += ['segments:',
                  '  - {id: top, r: 4-5, f: 1-5, m: 1-5}',
                  '  - {id: middle, r: 2-3, f: %s, m: 1-5}' % rng.choice(['1-5', '2-5']),
                  '  - {id: rest, r: 1-3, f: 1-5, m: 1-5}']
    if rng.random() < 0.5:
        lines += ['escalations:',
                  '  nps_below: %d' % rng.choice([0, 30, 60]),
                  '  churn_above: %s' % rng.choice(['0', '0.1', '0.3']),
                  '  refund_above: %s' % rng.choice(['0', '50', '1000']),
                  '  vip_top_share: %s' % rng.choice(['0.01', '0.05', '0.2'])]
    if rng.random() < 0.3:
        lines += ['routing:', '  keywords:', '    loyalty-programs: [carte, cadeau]', '    churn-prevention: [résilier]']
    return '\n'.join(lines) + '\n' if lines else None


def explained(diff, mine):
    """Whether a difference is one of those kept on purpose that random inputs reach (README.md), or
    a repeated error location of indep.py's. The tool leaves `ltv_growth_yoy` null over a base LTV
    that is not positive (refunds past the purchases), where the spec's ratio has the wrong sign."""
    where, tool, other = diff
    if where == 'error_locations':
        # indep.py also reports a consequence of a value it could not read at the same place (a
        # date it could not read taken as missing, then orders = 0 ⇔ no date); the tool does not.
        return tool == sorted(set(other))
    if ':kpis.ltv_growth_yoy.' not in where or tool not in (None, 'no_data'):
        return False
    snaps = mine['snapshots']
    as_of = dt.date.fromisoformat(snaps[where.split(':')[0]]['as_of'])
    bases = [s for s in snaps.values() if 349 <= (as_of - dt.date.fromisoformat(s['as_of'])).days <= 381]
    return bool(bases) and (bases[-1]['kpis']['ltv']['value'] or 0) <= 0


SNAPSHOT_BREAKS = {
    'customer_id': ['', 'DUP'],
    'last_order_date': ['2025-13-01', '2025/01/01', '31/01/2025', 'LATE', 'EMPTY_WITH_ORDERS'],
    'first_order_date': ['2024-02-30', 'AFTER_LAST'],
    'orders': ['-1', '1.5', 'abc', 'ZERO_WITH_DATE'],
    'revenue': ['-5', '12.3.4', '1 000', 'x'],
    'nps': ['11', '-1', '7.5'], 'csat': ['0', '6'], 'ces': ['8', '0'],
    'vip': ['maybe', '2'], 'public_complaint': ['peut-être'], 'status': ['paused'],
    'refund_requested': ['-3', 'abc'], 'points_balance': ['-1'],
}
LEDGER_BREAKS = {'customer_id': [''], 'date': ['2025-02-30', '2025/01/01', ''], 'amount': ['abc', '', '1.2.3'],
                 'quantity': ['x', '1.5']}


def read_rows(path):
    """A CSV file's rows, and how it is written (BOM, CRLF, delimiter), for `write_rows`."""
    raw = open(path, 'rb').read()
    bom = raw.startswith(b'\xef\xbb\xbf')
    text = raw[3 if bom else 0:].decode('utf-8')
    delimiter = ';' if ';' in text.split('\n')[0] else ','
    return list(csv.reader(io.StringIO(text, newline=''), delimiter=delimiter)), (bom, '\r\n' in text, delimiter)


def write_rows(path, rows, written, quoting=csv.QUOTE_MINIMAL):
    """Writes `rows` as `written` says (BOM, CRLF, delimiter; what `read_rows` found)."""
    bom, crlf, delimiter = written
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator='\r\n' if crlf else '\n', quoting=quoting).writerows(rows)
    with open(path, 'wb') as f:
        f.write((b'\xef\xbb\xbf' if bom else b'') + buf.getvalue().encode('utf-8'))


def input_files(args):
    """The CSV files of a case's input."""
    return [args[1]] if args[0] == '--transactions' else [os.path.join(args[1], n) for n in sorted(os.listdir(args[1]))]


def corrupt(rng, args):
    """One breach of input.md's rules in a valid input: a field, a row's length, a header, a file name."""
    path = rng.choice(input_files(args))
    rows, written = read_rows(path)
    header = [h.strip().lower() for h in rows[0]]
    kind = rng.random()
    if kind < 0.06 and args[0] == '--snapshots':
        name = rng.choice(['2025-13.csv', 'report.csv', '2025-1.csv', '2025-02-30.csv'])
        os.rename(path, os.path.join(os.path.dirname(path), name))
        return
    if kind < 0.1:
        required = ['customer_id', 'last_order_date', 'orders', 'revenue'] if args[0] == '--snapshots' else ['customer_id', 'date', 'amount']
        col = header.index(rng.choice(required))
        rows = [r[:col] + r[col + 1:] for r in rows]
    elif len(rows) > 1 and kind < 0.15:
        r = rng.randrange(1, len(rows))
        rows[r] = rows[r][:-1] if rng.random() < 0.5 else rows[r] + ['extra']
    elif len(rows) > 1:
        breaks = SNAPSHOT_BREAKS if args[0] == '--snapshots' else LEDGER_BREAKS
        cols = [c for c in header if c in breaks]
        r = rng.randrange(1, len(rows))
        col = rng.choice(cols)
        i = header.index(col)
        bad = rng.choice(breaks[col])
        row = rows[r]
        def at(name):
            return header.index(name) if name in header else None
        if bad == 'DUP':
            if len(rows) < 3:
                return
            row[i] = rows[1 if r != 1 else 2][i]
        elif bad == 'LATE':
            row[i] = '2099-01-01'
        elif bad == 'EMPTY_WITH_ORDERS':
            if row[at('orders')] in ('', '0'):
                return
            row[i] = ''
        elif bad == 'AFTER_LAST':
            if not row[at('last_order_date')]:
                return
            row[i] = (dt.date.fromisoformat(row[at('last_order_date')]) + dt.timedelta(days=1)).isoformat()
        elif bad == 'ZERO_WITH_DATE':
            if not row[at('last_order_date')]:
                return
            row[i] = '0'
        else:
            row[i] = bad
    write_rows(path, rows, written)


DATE_COLUMNS = ('last_order_date', 'first_order_date', 'date')
RENAMES = {'customer_id': ['Email', 'Client ID', 'N° client'], 'last_order_date': ['Dernière commande'],
           'orders': ['Nb commandes'], 'revenue': ['CA'], 'date': ['Order date'], 'amount': ['Montant TTC'], 'nps': ['Note NPS']}


def restyle(rng, args):
    """The input as another export writes it: dates as dd/mm/yyyy or mm/dd/yyyy, headers renamed.
    Returns the config lines that read it (`date_format:`, `columns:`)."""
    fmt = rng.choice([None, 'dd/mm/yyyy', 'mm/dd/yyyy'])
    renamed = {c: rng.choice(names) for c, names in RENAMES.items() if rng.random() < 0.3}
    if not fmt and not renamed:
        return []
    for path in input_files(args):
        rows, written = read_rows(path)
        for i, shown in enumerate(rows[0]):
            name = shown.strip().lower()
            if fmt and name in DATE_COLUMNS:
                for row in rows[1:]:
                    if row[i]:
                        d = dt.date.fromisoformat(row[i])
                        row[i] = d.strftime('%d/%m/%Y' if fmt == 'dd/mm/yyyy' else '%m/%d/%Y')
            rows[0][i] = renamed.get(name, shown)
        write_rows(path, rows, written)
    lines = ['date_format: %s' % fmt] if fmt else []
    if renamed:
        lines += ['columns:'] + ['  "%s": %s' % (name, column) for column, name in renamed.items()]
    return lines


def make_case(rng, work, k, broken=False):
    folder = os.path.join(work, 'inputs', 'fz%d' % k)
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    args = ledger_case(rng, folder) if rng.random() < 0.4 else snapshot_case(rng, folder)
    styled = restyle(rng, args) if not broken and rng.random() < 0.15 else []
    if broken:
        corrupt(rng, args)
    cfg = config_text(rng) if rng.random() < 0.35 else None
    if styled:
        cfg = (cfg or '') + '\n'.join(styled) + '\n'
    if cfg:
        path = os.path.join(work, 'inputs', 'fz%d.yml' % k)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(cfg)
        args += ['--config', path]
    return {'name': 'fz%d' % k, 'args': args}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--cases', type=int, default=200)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--keep', default='fuzz-failures')
    ap.add_argument('--broken', action='store_true', help='break one rule of input.md in each input')
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix='fidelis-fuzz-')
    os.environ['INDEP_WORK'] = work
    os.makedirs(os.path.join(work, 'cwd'))
    os.makedirs(os.path.join(work, 'out'))
    sys.path.insert(0, CODE)
    import compare
    compare.HERE = work
    rng = random.Random(a.seed)
    failed = 0
    figures = 0
    refused = 0
    try:
        for k in range(a.cases):
            case = make_case(rng, work, k, a.broken)
            c = compare.run(case)
            figures += c.n
            mine = json.load(open(os.path.join(work, 'out', case['name'] + '.indep.json')))
            c.diffs = [d for d in c.diffs if not explained(d, mine)]
            refused += not mine.get('ok')
            if c.diffs:
                failed += 1
                keep = os.path.join(a.keep, case['name'])
                if os.path.exists(keep):
                    shutil.rmtree(keep)
                shutil.copytree(os.path.join(work, 'inputs'), keep, ignore=lambda d, names: [n for n in names if d == os.path.join(work, 'inputs') and not n.startswith(case['name'])])
                with open(os.path.join(keep, 'case.json'), 'w') as f:
                    json.dump({'args': case['args'], 'work': work, 'diffs': [list(map(str, d)) for d in c.diffs[:50]]}, f, indent=1)
                print('== %s differs (%d): %s' % (case['name'], len(c.diffs), ' '.join(case['args'])))
                for d in c.diffs[:8]:
                    print('   ', d)
            shutil.rmtree(os.path.join(work, 'out', case['name']), ignore_errors=True)
            shutil.rmtree(os.path.join(work, 'inputs', case['name']), ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('fuzz: %d cases (seed %d; %d refused as bad input by both), %d figures compared, %d case(s) differ'
          % (a.cases, a.seed, refused, figures, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
