#!/usr/bin/env python3
"""Recomputes the figures of metrics.json and segments.csv from the input files, written from
../shared/spec/input.md and metrics.md alone (no code shared with the Swift implementation, standard
library only), and compares them with what fidelis-report writes.

    scripts/check-spec.py BINARY [--customers N] [--months N] [--seed S] [--keep DIR]

Inputs built and checked snapshot by snapshot:
- plain: the sample as written (first_order_date and vip columns, no status), and the same files
  named by day (YYYY-MM-DD.csv) a few days into the next month, one pair 365 + 16 days apart;
- variant: the same customers as a French Excel export would have them: `;` and decimal commas,
  dd/mm/yyyy dates, CRLF, shuffled rows and columns, the id column named `Email` (a config alias),
  no first_order_date (cohorts from the first snapshot with an order), no vip (the top 1 % by
  monetary), a `status` column in every other file (overriding the activity window), and verbatims
  that probe the routing rules (capitals, accents, phrases, word edges, ties); the same files again
  under a config that changes every setting the figures depend on (activity window, targets, a
  segment table of its own, escalation thresholds, VIP share, routing keywords);
- ledgers (input.md kind 2, month ends derived here from the lines): a `sample --ledger` one, the
  same cut at a date inside a month (`--as-of`), the shipped example ledger and sql/fixtures/refunds.csv.
Checked: counts, revenue total and period, every KPI, RFM thresholds, per-segment figures,
migration, cohorts, the escalations' counts and customers, the feedback routing counts, and every
row of segments.csv but its model columns (scripts/check-clv.py checks those). Exit 1 on any difference.
"""
import argparse, calendar, csv, datetime, fractions, json, math, os, random, re, shutil, subprocess, sys, tempfile, unicodedata

RULES = [('champions', (3, 5), (4, 5), (4, 5)), ('loyal', (3, 5), (4, 5), (1, 5)), ('potential', (3, 5), (1, 5), (1, 5)),
         ('at_risk', (1, 2), (4, 5), (1, 5)), ('at_risk', (1, 2), (1, 5), (4, 5)), ('hibernating', (1, 2), (3, 5), (1, 5)),
         ('hibernating', (1, 2), (1, 5), (3, 5)), ('lost', (1, 2), (1, 5), (1, 5))]
SEGMENTS = ['champions', 'loyal', 'potential', 'at_risk', 'hibernating', 'lost']
# The seed's keyword table (metrics.md "Routing of feedback"), in its order (ties go to the earlier row).
ROUTING = [('lifecycle-management', ['onboarding', 'activation', 'parcours client', 'cycle de vie']),
           ('loyalty-programs', ['points', 'récompenses', 'tiers', 'VIP', 'gamification', 'fidélité']),
           ('churn-prevention', ['churn', 'attrition', 'désengagement', 'risque', 'réactivation']),
           ('customer-success', ['NPS', 'satisfaction', 'CSAT', 'CES', 'accompagnement', 'succès'])]
CAPITALS = {'NPS', 'CSAT', 'CES', 'VIP'}


def words(text, fold):
    """The words of `text` (runs of letters and digits), folded (lower case, no accents) when asked."""
    if fold:
        text = ''.join(ch for ch in unicodedata.normalize('NFD', text.casefold()) if not unicodedata.combining(ch))
    return re.findall(r'[^\W_]+', text)


def route(text, table=ROUTING):
    """The area of a verbatim: most keyword occurrences (whole words or phrases, not overlapping), ties to the earlier area."""
    as_written, folded = words(text, False), words(text, True)
    best, best_hits = 'unrouted', 0
    for area, keywords in table:
        hits = 0
        for keyword in keywords:
            capital = keyword in CAPITALS
            target = words(keyword, not capital)
            seq = as_written if capital else folded
            i = 0
            while i + len(target) <= len(seq):
                if seq[i:i + len(target)] == target:
                    hits += 1
                    i += len(target)
                else:
                    i += 1
        if hits > best_hits:
            best, best_hits = area, hits
    return best


class Settings:
    """What a config can change (the seed's values by default) and the fidelis.yml that says so."""
    def __init__(self, window=90, targets=None, rules=None, nps_below=30, churn_above=0.10, refund_above=1000,
                 vip_share='0.01', keywords=None):
        self.window, self.rules = window, rules or RULES
        self.targets = targets or {'retention_rate': (0.85, 'above'), 'churn_rate': (0.05, 'below'), 'ltv_growth_yoy': (0.20, 'above'),
                                   'nps': (50, 'above'), 'csat': (4.2, 'above'), 'repeat_purchase_rate': (0.40, 'above')}
        self.nps_below, self.churn_above, self.refund_above, self.vip_share = nps_below, churn_above, refund_above, vip_share
        self.routing = [(area, words + (keywords or {}).get(area, [])) for area, words in ROUTING]

    def yaml(self):
        lines = [f'activity_window_days: {self.window}', 'targets:']
        lines += [f'  {k}: {{value: {v}, direction: {d}}}' for k, (v, d) in self.targets.items()]
        lines += ['segments:'] + [f'  - {{id: {i}, r: {r[0]}-{r[1]}, f: {f[0]}-{f[1]}, m: {m[0]}-{m[1]}}}' for i, r, f, m in self.rules]
        lines += ['escalations:', f'  nps_below: {self.nps_below}', f'  churn_above: {self.churn_above}',
                  f'  refund_above: {self.refund_above}', f'  vip_top_share: {self.vip_share}', 'routing:', '  keywords:']
        lines += [f'    {area}: [{", ".join(words[len(dict(ROUTING)[area]):])}]' for area, words in self.routing]
        return '\n'.join(lines) + '\n'


class Input:
    """How a set of snapshot files is written."""
    def __init__(self, delimiter=',', id_column='customer_id', day_first=False):
        self.delimiter, self.id_column, self.day_first = delimiter, id_column, day_first

    def date(self, s):
        if not s:
            return None
        if self.day_first:
            return datetime.date(int(s[6:10]), int(s[3:5]), int(s[0:2]))
        return datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))

    @staticmethod
    def units(s):
        """An amount in ten-thousandths, exactly (a decimal point or comma)."""
        if not s:
            return None
        sign = -1 if s.startswith('-') else 1
        whole, _, frac = s.lstrip('+-').replace(',', '.').partition('.')
        return sign * (int(whole or '0') * 10000 + int((frac + '0000')[:4]))

    @staticmethod
    def text(units):
        """Ten-thousandths as a decimal (what `units` reads back)."""
        sign = '-' if units < 0 else ''
        return f'{sign}{abs(units) // 10000}.{abs(units) % 10000:04d}'


def month_end(label):
    y, m = int(label[:4]), int(label[5:7])
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def as_of(label):
    """A snapshot file's date: YYYY-MM is that month's last day, YYYY-MM-DD that day."""
    return datetime.date.fromisoformat(label) if len(label) == 10 else month_end(label)


def thresholds(values):
    v = sorted(values)
    return [v[(k * len(v)) // 5] for k in range(1, 5)]


def score(x, t):
    return 1 + sum(1 for tk in t if x > tk)


def segment(r, f, m, rules=RULES):
    for sid, R, F, M in rules:
        if R[0] <= r <= R[1] and F[0] <= f <= F[1] and M[0] <= m <= M[1]:
            return sid


def yes(s):
    return s.strip().lower() in ('true', '1', 'yes', 'oui')


def read_folder(folder, fmt):
    """The snapshot files of `folder`: (label, as-of date, rows by customer id, header)."""
    snaps = []
    for f in sorted(x for x in os.listdir(folder) if x.endswith('.csv')):
        with open(os.path.join(folder, f), encoding='utf-8', newline='') as fh:
            reader = csv.DictReader(fh, delimiter=fmt.delimiter)
            rows = {row[fmt.id_column]: row for row in reader}
            snaps.append((f[:-4], as_of(f[:-4]), rows, reader.fieldnames))
    return snaps


def ledger_snapshots(path, cut=None):
    """input.md kind 2: month ends from the first purchase month to the as-of date (default: the last
    date; later lines ignored), the last one at the as-of date; per customer with a line so far: first
    and last line dates, orders (distinct order_id, else lines) and revenue (net of refunds)."""
    with open(path, encoding='utf-8', newline='') as fh:
        lines = [(r['customer_id'], datetime.date.fromisoformat(r['date']), Input.units(r['amount']), r.get('order_id'))
                 for r in csv.DictReader(fh)]
    end = cut or max(d for _, d, _, _ in lines)
    lines = sorted((l for l in lines if l[1] <= end), key=lambda l: l[1])
    first = min(d for _, d, _, _ in lines)
    cuts, y, m = [], first.year, first.month
    while True:
        me = month_end(f'{y:04d}-{m:02d}')
        if me >= end:
            break
        cuts.append(me)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    cuts.append(end)
    snaps, state, i = [], {}, 0
    for cut in cuts:
        while i < len(lines) and lines[i][1] <= cut:
            c, d, amount, order = lines[i]
            s = state.setdefault(c, {'first': d, 'last': d, 'orders': set(), 'lines': 0, 'revenue': 0})
            s['last'] = max(s['last'], d)
            s['lines'] += 1
            if order:
                s['orders'].add(order)
            s['revenue'] += amount
            i += 1
        label = cut.strftime('%Y-%m') if cut == month_end(cut.strftime('%Y-%m')) else cut.isoformat()
        rows = {c: {'first_order_date': s['first'].isoformat(), 'last_order_date': s['last'].isoformat(),
                    'orders': str(len(s['orders']) if s['orders'] else s['lines']), 'revenue': Input.text(s['revenue'])}
                for c, s in state.items()}
        snaps.append((label, cut, rows, ['customer_id', 'first_order_date', 'last_order_date', 'orders', 'revenue']))
    return snaps


def check(snaps, site, fmt, settings=Settings()):
    """Compares every snapshot's metrics.json in `site` with the spec's figures; returns the differences."""
    problems = []

    def same(what, got, want, tol=1e-9):
        if want is None or got is None:
            ok = want is None and got is None
        elif isinstance(want, float) or isinstance(got, float):
            ok = abs(got - want) <= tol * max(1.0, abs(want))
        else:
            ok = got == want
        if not ok:
            problems.append(f'{what}: fidelis-report {got!r}, spec {want!r}')

    prev_active = prev_rows = None
    prev_segment, ltv_by, cohort_of, active_by_month = {}, {}, {}, {}
    for label, A, rows, columns in snaps:
        m = json.load(open(os.path.join(site, label, 'metrics.json')))
        buyers = {c: r for c, r in rows.items() if int(r['orders']) >= 1}
        has_status = 'status' in columns

        def active(r):
            if has_status:
                return r['status'].strip().lower() == 'active'
            return int(r['orders']) >= 1 and (A - fmt.date(r['last_order_date'])).days <= settings.window
        E = {c for c, r in rows.items() if active(r)}
        counts, k = m['counts'], m['kpis']
        same(f'{label} customers', counts['customers'], len(rows))
        same(f'{label} buyers', counts['buyers'], len(buyers))
        same(f'{label} prospects', counts['prospects'], len(rows) - len(buyers))
        same(f'{label} active', counts['active'], len(E))
        if prev_active is None:
            same(f'{label} retention_rate', k['retention_rate']['value'], None)
        else:
            S = prev_active
            retention = len(S & E) / len(S) if S else None
            same(f'{label} new_active', counts['new_active'], len(E - S))
            same(f'{label} lost', counts['lost'], len(S - E))
            same(f'{label} retention_rate', k['retention_rate']['value'], retention)
            same(f'{label} churn_rate', k['churn_rate']['value'], None if retention is None else 1 - retention)
        money = {c: fmt.units(r['revenue']) for c, r in rows.items()}
        total = sum(money.values())
        same(f'{label} revenue.total', round(m['revenue']['total'] * 10000), total)
        period = total if prev_rows is None else sum(v - (fmt.units(prev_rows[c]['revenue']) if c in prev_rows else 0) for c, v in money.items())
        same(f'{label} revenue.period', round(m['revenue']['period'] * 10000), period)
        ltv = total / 10000 / len(buyers) if buyers else None
        ltv_by[label] = (A, ltv)
        same(f'{label} ltv', k['ltv']['value'], ltv)
        earlier = [l for l, (Aq, _) in ltv_by.items() if 365 - 16 <= (A - Aq).days <= 365 + 16]
        base = ltv_by[earlier[-1]][1] if earlier else None
        same(f'{label} ltv_growth_yoy', k['ltv_growth_yoy']['value'], ltv / base - 1 if base and ltv is not None else None)
        nps = [int(r['nps']) for r in rows.values() if r.get('nps')]
        nps_value = 100 * (sum(a >= 9 for a in nps) - sum(a <= 6 for a in nps)) / len(nps) if nps else None
        same(f'{label} nps', k['nps']['value'], nps_value)
        cs = [int(r['csat']) for r in rows.values() if r.get('csat')]
        same(f'{label} csat', k['csat']['value'], sum(cs) / len(cs) if cs else None)
        same(f'{label} csat_satisfied_share', k['csat_satisfied_share']['value'], sum(a >= 4 for a in cs) / len(cs) if cs else None)
        ce = [int(r['ces']) for r in rows.values() if r.get('ces')]
        same(f'{label} ces', k['ces']['value'], sum(ce) / len(ce) if ce else None)
        same(f'{label} repeat_purchase_rate', k['repeat_purchase_rate']['value'],
             sum(int(r['orders']) >= 2 for r in buyers.values()) / len(buyers) if buyers else None)

        # Each KPI against its target (config, the seed's by default), strictly above or below it.
        for key, kpi in k.items():
            if key in settings.targets:
                target, direction = settings.targets[key]
                same(f'{label} {key}.target', (kpi['target'], kpi['direction']), (target, direction))
                v = kpi['value']
                want = 'no_data' if v is None else 'on_target' if (v > target if direction == 'above' else v < target) else 'off_target'
                same(f'{label} {key}.status', kpi['status'], want)
            else:
                # No target: nothing to judge the value against (output.md's statuses are three).
                same(f'{label} {key}.target', (kpi['target'], kpi['direction'], kpi['status']), (None, None, 'no_data'))

        # RFM scores and segments.
        rec = {c: (A - fmt.date(r['last_order_date'])).days for c, r in buyers.items()}
        fre = {c: int(r['orders']) for c, r in buyers.items()}
        mon = {c: money[c] for c in buyers}
        tR, tF, tM = thresholds([-v for v in rec.values()]), thresholds(fre.values()), thresholds(mon.values())
        th = m['rfm']['thresholds']
        same(f'{label} thresholds.recency_days', th['recency_days'], [-t for t in tR])
        same(f'{label} thresholds.frequency', th['frequency'], tF)
        same(f'{label} thresholds.monetary', [round(x * 10000) for x in th['monetary']], tM)
        seg = {c: segment(score(-rec[c], tR), score(fre[c], tF), score(mon[c], tM), settings.rules) for c in buyers}
        for sid in SEGMENTS:
            members = [c for c in buyers if seg[c] == sid]
            if sid not in m['segments']:
                same(f'{label} {sid} listed', False, not members)
                continue
            s = m['segments'][sid]
            same(f'{label} {sid}.customers', s['customers'], len(members))
            same(f'{label} {sid}.share', s['share'], len(members) / len(buyers))
            same(f'{label} {sid}.revenue', round(s['revenue'] * 10000), sum(mon[c] for c in members))
            if members:
                same(f'{label} {sid}.mean_recency_days', s['mean_recency_days'], sum(rec[c] for c in members) / len(members))
                same(f'{label} {sid}.mean_frequency', s['mean_frequency'], sum(fre[c] for c in members) / len(members))
                same(f'{label} {sid}.mean_monetary', s['mean_monetary'], sum(mon[c] for c in members) / len(members) / 10000)
        # segments.csv: one row per buyer, sorted by customer_id (bytes), its scores and segment.
        with open(os.path.join(site, label, 'segments.csv'), encoding='utf-8', newline='') as fh:
            listed = list(csv.reader(fh))
        same(f'{label} segments.csv header', listed[0], ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score',
                                                          'm_score', 'segment', 'p_alive', 'predicted_clv'])
        # Text that a spreadsheet would run as a formula gets a leading ' (output.md).
        shown = lambda c: "'" + c if c[:1] in ('=', '+', '-', '@', '\t', '\r') else c
        order = sorted(buyers, key=lambda c: c.encode('utf-8'))
        same(f'{label} segments.csv ids', [r[0] for r in listed[1:]], [shown(c) for c in order])
        for r, c in zip(listed[1:], order):
            if r[0] != shown(c):
                continue
            want = [str(rec[c]), str(fre[c]), mon[c], str(score(-rec[c], tR)), str(score(fre[c], tF)), str(score(mon[c], tM)), seg[c]]
            same(f'{label} segments.csv {c}', [r[1], r[2], fmt.units(r[3]), r[4], r[5], r[6], r[7]], want)
        if prev_rows is not None:
            migration = {}
            for c in set(prev_segment) | set(seg):
                a, b = prev_segment.get(c, 'new'), seg.get(c, 'gone')
                if (a, b) != ('new', 'gone'):
                    migration[(a, b)] = migration.get((a, b), 0) + 1
            listed = {(a, b): n for a, row in m['migration'].items() for b, n in row.items()}
            for key in set(listed) | set(migration):
                same(f'{label} migration {key[0]} -> {key[1]}', listed.get(key, 0), migration.get(key, 0))

        # Escalations.
        esc = {e['id']: e for e in m['escalations']}
        if 'vip' in columns:
            vips = [c for c in buyers if yes(rows[c]['vip'])]
        else:
            top = max(1, math.floor(len(buyers) * fractions.Fraction(settings.vip_share)))
            vips = sorted(buyers, key=lambda c: (-mon[c], c.encode('utf-8')))[:top]
        at_risk = sorted(c for c in vips if seg[c] == 'at_risk')
        same(f'{label} vip_at_risk.count', esc['vip_at_risk']['count'], len(at_risk))
        same(f'{label} vip_at_risk.customers', sorted(esc['vip_at_risk']['customers']), at_risk)
        same(f'{label} nps_critical.raised', esc['nps_critical']['raised'], nps_value is not None and nps_value < settings.nps_below)
        if prev_active:
            same(f'{label} churn_crisis.raised', esc['churn_crisis']['raised'], 1 - len(prev_active & E) / len(prev_active) > settings.churn_above)
        complaints = sorted(c for c, r in rows.items() if r.get('public_complaint') and yes(r['public_complaint']))
        same(f'{label} public_complaint.count', esc['public_complaint']['count'], len(complaints))
        same(f'{label} large_refund.count', esc['large_refund']['count'],
             sum(1 for r in rows.values() if r.get('refund_requested') and fmt.units(r['refund_requested']) > settings.refund_above * 10000))

        routed = {area: 0 for area, _ in ROUTING}
        routed['unrouted'] = 0
        for r in rows.values():
            if r.get('feedback', '').strip():
                routed[route(r['feedback'], settings.routing)] += 1
        same(f'{label} feedback_routing', m['feedback_routing'], routed)

        # Cohorts: the month of first_order_date, else of the first snapshot with an order.
        for c, r in buyers.items():
            if 'first_order_date' in columns and r['first_order_date']:
                cohort_of[c] = fmt.date(r['first_order_date']).strftime('%Y-%m')
            else:
                cohort_of.setdefault(c, label[:7])
        active_by_month[label[:7]] = E
        expected = []
        for month in sorted(set(cohort_of.values())):
            members = [c for c, v in cohort_of.items() if v == month]
            y, mo = int(month[:4]), int(month[5:7])
            cells, step = [], 0
            while True:
                key = f'{y + (mo - 1 + step) // 12:04d}-{(mo - 1 + step) % 12 + 1:02d}'
                if key > label[:7]:
                    break
                cells.append(sum(c in active_by_month[key] for c in members) / len(members) if key in active_by_month else None)
                step += 1
            expected.append((month, len(members), cells))
        same(f'{label} cohorts', [(c['cohort'], c['size'], len(c['retention'])) for c in m['cohorts']],
             [(month, size, len(cells)) for month, size, cells in expected])
        for c, (month, _, cells) in zip(m['cohorts'], expected):
            for step, (a, b) in enumerate(zip(c['retention'], cells)):
                same(f'{label} cohort {month} + {step}', a, b)
        prev_active, prev_rows, prev_segment = E, rows, seg
    return len(snaps), problems


# Verbatims that probe the routing rules (capitals, accents, phrases, word edges, ties, quotes).
PROBES = ['Ces points ne valent rien', 'Le CES est bon, le NPS aussi', 'Mon parcours   client était long',
          'RÉCOMPENSES, récompenses et Recompenses !', 'VIP vip Vip', 'churn-risque; attrition', "l'onboarding, puis l'activation",
          'cycle de vie, cycle de vie, onboarding', 'succès et satisfaction', 'tiers', 'pointsbonus et tiersmonde',
          'Fidelite sans accent, FIDÉLITÉ avec', 'NPSx et CSAT2', 'désengagement, réactivation, accompagnement',
          'Accompagnement au top; NPS 9', 'points points churn churn', 'gamification "ludique"', 'rien à signaler',
          'Parcours Client / Cycle De Vie / Points / Succès', 'Ces conseils étaient utiles', 'un client vip, nps correct',
          'Les badges et le cashback', 'Le service client, le Service  Client', 'cashback churn']


def make_variant(src, dst, seed):
    """The sample's files as a French Excel export (see the module's doc), with routing probes among the verbatims."""
    rng = random.Random(seed)
    os.makedirs(dst)
    for index, name in enumerate(sorted(x for x in os.listdir(src) if x.endswith('.csv'))):
        with open(os.path.join(src, name), encoding='utf-8', newline='') as fh:
            rows = list(csv.DictReader(fh))
        out = []
        for r in rows:
            last = r['last_order_date']
            d = {'Email': r['customer_id'], 'last_order_date': f'{last[8:10]}/{last[5:7]}/{last[0:4]}' if last else '',
                 'orders': r['orders'], 'revenue': r['revenue'].replace('.', ',')}
            if index % 2 == 1:
                d['status'] = rng.choice(['active', 'churned', 'Active', '']) if r['orders'] != '0' else rng.choice(['', 'churned'])
            for column in ['nps', 'csat', 'ces', 'feedback', 'public_complaint', 'tier']:
                d[column] = r[column]
            if rng.random() < 0.02:
                d['feedback'] = rng.choice(PROBES)
            for column in ['refund_requested', 'points_balance']:
                d[column] = r[column].replace('.', ',')
            out.append(d)
        rng.shuffle(out)
        columns = list(out[0]) if out else ['Email', 'last_order_date', 'orders', 'revenue']
        rng.shuffle(columns)
        with open(os.path.join(dst, name), 'w', encoding='utf-8', newline='') as fh:
            w = csv.DictWriter(fh, fieldnames=columns, delimiter=';', lineterminator='\r\n')
            w.writeheader()
            w.writerows(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('binary')
    p.add_argument('--customers', type=int, default=3000)
    p.add_argument('--months', type=int, default=14)
    p.add_argument('--seed', type=int, default=5)
    p.add_argument('--keep', help='work in this folder and keep it (default: a temporary one)')
    a = p.parse_args()
    binary = os.path.abspath(a.binary)
    work = a.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    try:
        run = lambda *args: subprocess.run([binary, *args], cwd=work, check=True)
        run('sample', '--out', 'plain', '--customers', str(a.customers), '--months', str(a.months), '--seed', str(a.seed), '--quiet')
        make_variant(os.path.join(work, 'plain'), os.path.join(work, 'variant'), a.seed)
        with open(os.path.join(work, 'plain.yml'), 'w') as f:
            f.write('{}\n')
        with open(os.path.join(work, 'variant.yml'), 'w') as f:
            f.write('date_format: dd/mm/yyyy\ncolumns: {Email: customer_id}\n')
        run('sample', '--ledger', '--out', 'ledger', '--customers', str(a.customers // 2), '--months', str(a.months), '--seed', str(a.seed), '--quiet')
        ledger = os.path.join(work, 'ledger', 'transactions.csv')
        days = sorted({row['date'] for row in csv.DictReader(open(ledger, encoding='utf-8', newline=''))})
        cut = days[len(days) * 2 // 3]   # a date inside a month: the last snapshot is labelled with it
        repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
        refunds = os.path.join(repo, 'sql', 'fixtures', 'refunds.csv')
        examples = os.path.join(repo, 'Examples', 'ledger', 'transactions.csv')
        cases = [('plain', ['--snapshots', 'plain', '--config', 'plain.yml'], lambda: read_folder(os.path.join(work, 'plain'), Input()), Input()),
                 ('variant', ['--snapshots', 'variant', '--config', 'variant.yml'],
                  lambda: read_folder(os.path.join(work, 'variant'), Input(';', 'Email', day_first=True)), Input(';', 'Email', day_first=True)),
                 ('ledger', ['--transactions', ledger, '--config', 'plain.yml'], lambda: ledger_snapshots(ledger), Input()),
                 (f'ledger as of {cut}', ['--transactions', ledger, '--as-of', cut, '--config', 'plain.yml'],
                  lambda: ledger_snapshots(ledger, datetime.date.fromisoformat(cut)), Input()),
                 ('example ledger', ['--transactions', examples, '--config', 'plain.yml'], lambda: ledger_snapshots(examples), Input()),
                 ('refunds ledger', ['--transactions', refunds, '--config', 'plain.yml'], lambda: ledger_snapshots(refunds), Input())]
        # The plain files named by day, a few days into the next month, so that one pair of snapshots
        # is 365 + 16 days apart (inside ltv_growth_yoy's window) and others just outside it.
        os.makedirs(os.path.join(work, 'dated'))
        for k, name in enumerate(sorted(os.listdir(os.path.join(work, 'plain')))):
            day = month_end(name[:7]) + datetime.timedelta(days=[1, 5, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 17, 22, 3, 3][k % 16])
            shutil.copy(os.path.join(work, 'plain', name), os.path.join(work, 'dated', day.isoformat() + '.csv'))
        cases.insert(2, ('plain, files named by day', ['--snapshots', 'dated', '--config', 'plain.yml'],
                         lambda: read_folder(os.path.join(work, 'dated'), Input()), Input()))
        # A config that changes every setting the figures depend on, on the variant's files.
        configured = Settings(window=45, targets={'retention_rate': (0.5, 'above'), 'churn_rate': (0.3, 'below'), 'nps': (20, 'above'),
                                                  'csat': (3.9, 'above'), 'repeat_purchase_rate': (0.25, 'above'), 'ltv_growth_yoy': (0.1, 'above')},
                              rules=[('champions', (4, 5), (3, 5), (3, 5)), ('at_risk', (1, 2), (3, 5), (1, 5)), ('potential', (3, 5), (1, 5), (1, 5)),
                                     ('hibernating', (1, 2), (1, 2), (3, 5)), ('lost', (1, 5), (1, 5), (1, 5))],
                              nps_below=40, churn_above=0.3, refund_above=500, vip_share='0.29',
                              keywords={'loyalty-programs': ['badges', 'cashback'], 'customer-success': ['service client', 'conseils']})
        with open(os.path.join(work, 'configured.yml'), 'w') as f:
            f.write('date_format: dd/mm/yyyy\ncolumns: {Email: customer_id}\n' + configured.yaml())
        cases.insert(2, ('variant, every setting changed', ['--snapshots', 'variant', '--config', 'configured.yml'],
                         lambda: read_folder(os.path.join(work, 'variant'), Input(';', 'Email', day_first=True)), Input(';', 'Email', day_first=True), configured))
        failed = False
        for k, (name, args, snapshots, fmt, *settings) in enumerate(cases):
            run('build', *args, '--out', f'site-{k}', '--quiet')
            count, problems = check(snapshots(), os.path.join(work, f'site-{k}'), fmt, *settings)
            print(f'{name}: {count} snapshots, {len(problems)} difference(s) from the spec')
            for line in problems[:30]:
                print('  ' + line)
            failed = failed or bool(problems)
        sys.exit(1 if failed else 0)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
