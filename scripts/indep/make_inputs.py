#!/usr/bin/env python3
"""Write the hand-made edge-case inputs under inputs/ (idempotent)."""
import os, shutil

H = os.path.abspath(os.environ.get('INDEP_WORK', os.path.dirname(os.path.abspath(__file__))))
I = os.path.join(H, 'inputs')


def folder(name, files, clean=True):
    d = os.path.join(I, name)
    if clean and os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d, exist_ok=True)
    for fn, content in files.items():
        mode = 'wb'
        data = content if isinstance(content, bytes) else content.encode('utf-8')
        with open(os.path.join(d, fn), mode) as f:
            f.write(data)
    return d


def rows(header, rs, eol='\n', delim=','):
    out = [delim.join(header)]
    for r in rs:
        out.append(delim.join('' if v is None else str(v) for v in r))
    return eol.join(out) + eol


H1 = ['customer_id', 'first_order_date', 'last_order_date', 'orders', 'revenue', 'nps', 'csat', 'ces',
      'feedback', 'public_complaint', 'refund_requested']

# ------------------------------------------------------------------ edge1: day-named snapshots,
# ties, zero buyers, empty snapshot, disappear/come back, status column in some files, routing probes
feedback = [
    'Le NPS est bon', 'ces offres sont nulles', 'Ces points me plaisent', 'CES trop élevé', 'Nps faible',
    'FIDELITE et recompenses', 'la réactivation', 'pointsbonus', '"parcours  client"',
    '"Parcours\nclient"', 'onboarding churn', 'churn satisfaction', 'risque risque onboarding',
    'cycle de vie', 'VIP', 'vip', 'Succès', 'SUCCES', "l'activation", '#churn!', 'tiers-payant',
    'NPS/CSAT', 'desengagement', 'risques', 'CSATs', 'Onboarding', 'ÉNORME RISQUE',
    'activation activation points points points', '"cycle   de vie"', 're\u0301compenses',
    '"dit ""churn"" deux fois, churn"', 'gamification2', 'attrition_', 'Satisfaction.NPS',
    'succès succès churn churn churn', 'fidélité;', '"onboarding, points"', 'VIPs et vip',
    'cyclede vie', 'CHURN', 'Récompenses', 'nps', 'Tiers', 'accompagnement\tclient',
]
# customers with tied values: T00..T11 as (id, first, last, orders, revenue), from per-customer lists
TIED_LAST = ['2025-01-15', '2025-01-15', '2025-01-10', '2025-01-10', '2024-12-01', '2024-12-01', '2024-10-01',
             '2024-09-01', '2024-06-01', '2024-06-01', '2023-01-01']


def tied(orders, rev, last):
    out = []
    for i in range(12):
        first = '2023-01-01' if orders[i] > 1 else last[i]
        out.append(['T%02d' % i, first, last[i], orders[i], rev[i]])
    return out


r1 = [t + [None, None, None, None, 'false', None]
      for t in tied([1, 1, 1, 1, 2, 2, 3, 3, 3, 5, 8, 8], [10, 10, 10, 20, 20, 20, 30, 30, 45.5, 45.5, 100, 100],
                    TIED_LAST + ['2023-01-01'])]
# prospects and feedback carriers
for i, fb in enumerate(feedback):
    r1.append(['P%02d' % i, None, None, 0, 0, (i * 3) % 11, 1 + i % 5, 1 + i % 7, fb,
               'oui' if i == 3 else 'NON', ['1000', '1000.01', '999.99', None][i % 4]])
edge1_first = rows(H1, r1)
# 2025-02: zero buyers (only prospects), T* customers disappear
edge1_zero = rows(H1, [['P%02d' % i, None, None, 0, 0, None, None, None, None, None, None] for i in range(5)])
edge1_empty = rows(H1, [])
# 2025-04-10: status column present; T customers come back, one new buyer
H2 = H1 + ['status']
statuses = ['active', 'churned', 'ACTIVE', 'churned', 'active', '', 'active', 'churned', 'active', 'active', 'churned', 'active']
r4 = [t + [None, None, None, None, None, None, status]
      for t, status in zip(tied([1, 1, 1, 1, 2, 2, 3, 3, 3, 5, 8, 9], [10, 10, 10, 20, 20, 20, 30, 30, 45.5, 45.5, 100, 130],
                                TIED_LAST + ['2025-04-01']), statuses)]
r4.append(['N01', '2025-04-02', '2025-04-02', 1, 5, None, None, None, None, None, None, 'active'])
r4.append(['P00', None, None, 0, 0, None, None, None, None, None, None, 'active'])  # active prospect
r4.append(['P01', None, None, 0, 0, None, None, None, None, None, None, 'churned'])
edge1_status = rows(H2, r4)
# 2025-04-30: no status column; same customers
r5 = [r[:-1] for r in r4]
r5[0] = ['T00', '2025-01-15', '2025-04-20', 2, 25, 10, 5, 7, None, None, None]
edge1_nostatus = rows(H1, r5)
folder('edge1', {
    '2025-01-15.csv': edge1_first,
    '2025-02.csv': edge1_zero,
    '2025-03.csv': edge1_empty,
    '2025-04-10.csv': edge1_status,
    '2025-04.csv': edge1_nostatus,
    'notes.txt': 'non-csv file, ignored',
})

# ------------------------------------------------------------------ yoy windows
def simple(n, rev, last):
    return rows(['customer_id', 'last_order_date', 'orders', 'revenue'],
                [['C%d' % i, last, 1 + i % 3, rev * (1 + i)] for i in range(n)])

folder('yoyA', {
    '2025-01-01.csv': simple(5, 10, '2025-01-01'),
    '2025-12-15.csv': simple(6, 11, '2025-12-01'),
    '2025-12-16.csv': simple(6, 12, '2025-12-01'),
    '2026-01-17.csv': simple(7, 13, '2026-01-01'),
    '2026-01-18.csv': simple(7, 14, '2026-01-01'),
})
folder('yoyB', {
    '2025-01-01.csv': simple(5, 10, '2025-01-01'),
    '2025-01-20.csv': simple(5, 20, '2025-01-01'),
    '2026-01-10.csv': simple(5, 30, '2026-01-01'),
    '2024-02.csv': simple(4, 9, '2024-02-01'),
    '2025-02.csv': simple(4, 19, '2025-02-01'),   # 366 days after 2024-02-29
    '2025-03.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue'], [['Z', None, 0, 0]]),
    '2026-03.csv': simple(4, 25, '2026-03-01'),   # yoy base 2025-03 has no buyers -> null
})

# ------------------------------------------------------------------ vip tie / top 1 %
def vipfile(with_col):
    hdr = ['customer_id', 'last_order_date', 'orders', 'revenue', 'refund_requested'] + (['vip'] if with_col else [])
    rs = []
    # 150 buyers -> floor(150/100)=1 VIP; two tie at top revenue, both at risk (old, many orders)
    rs.append(['V2', '2024-01-01', 20, 5000, '1000'] + (['yes'] if with_col else []))
    rs.append(['V1', '2024-01-01', 20, 5000, '1000.00'] + ([''] if with_col else []))
    for i in range(148):
        rs.append(['B%03d' % i, '2025-06-%02d' % (1 + i % 28), 1 + i % 4, 10 + i, None] +
                  ([['true', 'false', '1', '0', 'Oui'][i % 5]] if with_col else []))
    return rows(hdr, rs)

folder('vipA', {'2025-06.csv': vipfile(False)})
folder('vipB', {'2025-06.csv': vipfile(True)})
# 250 buyers -> 2 VIPs, tie at rank 2/3
rs = [['X%03d' % i, '2024-01-01' if i < 5 else '2025-06-10', 1 + (i % 6), 100 + i, None] for i in range(250)]
rs[3][3] = 9000; rs[1][3] = 8000; rs[4][3] = 8000; rs[0][3] = 8000
folder('vipC', {'2025-06.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'refund_requested'], rs)})

# ------------------------------------------------------------------ french excel: ; + decimal comma + dd/mm/yyyy,
# BOM, CRLF, quoted fields with line breaks and "" escapes, header aliases (config)
fr_hdr = ['Email', ' Premier achat ', 'DERNIER_ACHAT', 'Commandes', 'CA', 'NPS', 'Avis', 'Remboursement', 'Inconnue']
fr_rows = [
    ['a@x.fr', '01/02/2024', '15/03/2025', '3', '12,50', '9', '"Très bon ""service""; fidélité\r\nmerci"', '1000,00', 'z'],
    ['b@x.fr', '', '', '0', '0', '3', '"ces points; CES"', '1000,01', 'z'],
    ['c@x.fr', '10/10/2024', '28/02/2025', '1', '7.25', '', '', '', ''],
    ['"d;@x.fr"', '31/12/2024', '31/03/2025', '2', '1000', '10', 'churn', '999,5', ''],
    ['=cmd', '01/01/2025', '01/01/2025', '1', '3,1', '', '', '', ''],
]
body = b'\xef\xbb\xbf' + rows(fr_hdr, fr_rows, eol='\r\n', delim=';').encode('utf-8')
fr_rows2 = [r[:] for r in fr_rows]
fr_rows2[2] = ['c@x.fr', '10/10/2024', '20/04/2025', '2', '20,75', '', '', '', '']
body2 = b'\xef\xbb\xbf' + rows(fr_hdr, fr_rows2, eol='\r\n', delim=';').encode('utf-8')
folder('frexcel', {'2025-03.csv': body, '2025-04.csv': body2})
with open(os.path.join(I, 'frexcel.yml'), 'w') as f:
    f.write('''date_format: dd/mm/yyyy
columns: {Email: customer_id, Premier achat: first_order_date, dernier_achat: last_order_date, Commandes: orders, CA: revenue, Avis: feedback, Remboursement: refund_requested}
''')
# The same with the delimiter forced by the config.
with open(os.path.join(I, 'frexcel_delim.yml'), 'w') as f:
    f.write('''date_format: dd/mm/yyyy
columns: {Email: customer_id, Premier achat: first_order_date, dernier_achat: last_order_date, Commandes: orders, CA: revenue, Avis: feedback, Remboursement: refund_requested}
delimiter: ";"
''')

# ------------------------------------------------------------------ ids needing formula guard + sort order; no first_order_date
# column: cohort = first snapshot with orders >= 1; customers vanish and come back
def nf(rs):
    return rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'public_complaint'], rs)

folder('nofirst', {
    '2025-01.csv': nf([['=cmd', '2025-01-05', 1, 5, 'yes'], ['+1', None, 0, 0, 'TRUE'], ['-5', '2025-01-06', 2, 7, None],
                       ['@x', '2025-01-07', 1, 9, None], ['"\tTab"', '2025-01-08', 1, 11, None], ['a1', '2025-01-02', 3, 30, None],
                       ['B1', '2025-01-03', 1, 4, None], ['Éa', '2025-01-04', 1, 2, None], ["'q", '2025-01-04', 1, 2, None]]),
    '2025-02.csv': nf([['=cmd', '2025-01-05', 1, 5, None], ['+1', '2025-02-10', 1, 8, None], ['a1', '2025-02-02', 4, 40, None],
                       ['B1', '2025-01-03', 1, 4, None], ['Z9', '2025-02-20', 1, 1, None]]),
    '2025-03.csv': nf([['=cmd', '2025-03-05', 2, 15, None], ['+1', '2025-02-10', 1, 8, None], ['-5', '2025-01-06', 2, 7, None],
                       ['@x', '2025-03-07', 2, 19, None], ['a1', '2025-02-02', 4, 40, None], ['Z9', '2025-02-20', 1, 1, None],
                       ['Éa', '2025-01-04', 1, 2, None]]),
    '2025-06.csv': nf([['=cmd', '2025-03-05', 2, 15, None], ['-5', '2025-06-06', 3, 17, None], ['Z9', '2025-02-20', 1, 1, None],
                       ['Éa', '2025-05-04', 2, 12, None], ['N', '2025-06-01', 1, 3, None]]),
})

# ------------------------------------------------------------------ first_order_date column with blanks for some buyers
folder('mixfirst', {
    '2025-01.csv': rows(['customer_id', 'first_order_date', 'last_order_date', 'orders', 'revenue'],
                        [['A', '2024-11-03', '2025-01-05', 2, 5], ['B', None, '2025-01-05', 1, 5], ['C', None, None, 0, 0]]),
    '2025-02.csv': rows(['customer_id', 'first_order_date', 'last_order_date', 'orders', 'revenue'],
                        [['A', '2024-11-03', '2025-01-05', 2, 5], ['B', None, '2025-02-05', 2, 9], ['C', None, '2025-02-01', 1, 1]]),
    '2025-03.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue'],
                        [['A', '2025-01-05', 2, 5], ['B', '2025-02-05', 2, 9], ['C', '2025-02-01', 1, 1], ['D', '2025-03-01', 1, 4]]),
    # prospect with revenue > 0 (not forbidden by the stated rules)
    '2025-04.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue'],
                        [['A', '2025-01-05', 2, 5], ['B', '2025-02-05', 2, 9], ['C', '2025-02-01', 1, 1], ['E', None, 0, 3]]),
})

# ------------------------------------------------------------------ first_order_date column appearing in a later
# snapshot (the buyers seen before move to their first order's month), then a corrected date, then gone again
H_NF = ['customer_id', 'last_order_date', 'orders', 'revenue']
H_F = ['customer_id', 'first_order_date', 'last_order_date', 'orders', 'revenue']
folder('latefirst', {
    '2025-01.csv': rows(H_NF, [['A', '2025-01-10', 2, 20], ['B', '2024-12-20', 1, 10], ['C', None, 0, 0]]),
    '2025-02.csv': rows(H_NF, [['A', '2025-01-10', 2, 20], ['B', '2024-12-20', 1, 10], ['C', '2025-02-03', 1, 5]]),
    '2025-03.csv': rows(H_F, [['C', '2025-02-03', '2025-03-02', 2, 9], ['A', '2023-11-05', '2025-03-02', 3, 30],
                              ['B', '2024-12-20', '2024-12-20', 1, 10], ['D', '2025-03-01', '2025-03-01', 1, 4]]),
    '2025-04.csv': rows(H_F, [['A', '2023-11-05', '2025-03-02', 3, 30], ['B', '2025-01-07', '2025-01-07', 1, 10],
                              ['C', '2025-02-03', '2025-04-02', 3, 12], ['D', None, '2025-03-01', 1, 4]]),
    '2025-05.csv': rows(H_NF, [['A', '2025-05-02', 4, 40], ['B', '2025-01-07', 1, 10], ['E', '2025-05-09', 1, 3]]),
})

# ------------------------------------------------------------------ config: other window, targets, segments, routing keywords
folder('cfgdata', {
    '2025-01.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'nps', 'feedback'],
                        [['C%02d' % i, '2025-01-%02d' % (1 + i), 1 + i % 3, 5 * i + 1, i % 11,
                          ['loyalty card', 'cancel my subscription', 'rewards', 'Churn', 'tiers', None][i % 6]] for i in range(20)]),
    '2025-02.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'nps', 'feedback'],
                        [['C%02d' % i, '2025-02-%02d' % (1 + i) if i % 2 else '2025-01-%02d' % (1 + i), 2 + i % 3, 5 * i + 9,
                          (i * 7) % 11, None] for i in range(20)]),
})
with open(os.path.join(I, 'cfg1.yml'), 'w') as f:
    f.write('''activity_window_days: 30
targets:
  retention_rate: {value: 0.5, direction: above}
  churn_rate: {value: 0.5, direction: below}
  nps: {value: -10, direction: above}
  repeat_purchase_rate: {value: 0.7, direction: below}
segments:
  - {id: top,  r: 4-5, f: 1-5, m: 1-5}
  - {id: rest, r: 1-3, f: 1-5, m: 1-5}
escalations:
  nps_below: 60
  churn_above: 0.2
  refund_above: 5
routing:
  keywords:
    loyalty-programs: [loyalty card, rewards]
    churn-prevention: [cancel]
''')

# ------------------------------------------------------------------ ledgers
L = os.path.join(I, 'ledgers')
os.makedirs(L, exist_ok=True)
with open(os.path.join(L, 'lg1.csv'), 'w') as f:
    f.write('''customer_id,date,amount,order_id,quantity
A,2025-01-05,10.00,o1,1
A,2025-01-05,5.50,o1,2
A,2025-01-05,7.00,o2,1
A,2025-02-10,-5.50,o1,-1
B,2025-01-31,20,o3,1
B,2025-03-15,30,o4,1
C,2025-03-01,12.5,o5,1
C,2025-03-01,12.5,o6,1
C,2025-03-20,1,,1
D,2025-03-21,99,o7,1
A,2025-04-02,3,o8,1
E,2025-05-01,40,o9,1
''')
with open(os.path.join(L, 'lg2.csv'), 'w') as f:   # no order_id column: one order per row
    f.write('''Date,Amount,Customer_ID
2024-12-31,10,A
2024-12-31,10,A
2025-01-01,-3,A
2025-02-14,8,B
2025-02-28,2,C
2025-03-31,4,B
''')

# ------------------------------------------------------------------ error cases
HE = ['customer_id', 'first_order_date', 'last_order_date', 'orders', 'revenue', 'status', 'vip', 'nps', 'csat',
      'ces', 'public_complaint', 'refund_requested', 'points_balance']
ok = ['OK', '2025-01-01', '2025-01-02', 1, 5, 'active', 'true', 5, 3, 4, 'no', 1, 2]
def er(**kw):
    r = list(ok)
    for k, v in kw.items():
        r[HE.index(k)] = v
    return r
bad = [
    er(customer_id='', ), er(customer_id='OK'), er(customer_id='D1', orders=-1), er(customer_id='D2', orders='1.5'),
    er(customer_id='D3', revenue='-3'), er(customer_id='D4', revenue='"1,5"'), er(customer_id='D5', revenue='1 000'),
    er(customer_id='D6', last_order_date='2025-02-01'), er(customer_id='D7', first_order_date='2025-01-03'),
    er(customer_id='D8', nps=11), er(customer_id='D9', csat=0), er(customer_id='D10', ces=8),
    er(customer_id='D11', nps='7.5'), er(customer_id='D12', vip='maybe'), er(customer_id='D13', status='paused'),
    er(customer_id='D14', last_order_date='2025-02-30'), er(customer_id='D15', last_order_date='2025/01/01'),
    er(customer_id='D16', orders=0), er(customer_id='D17', last_order_date='', first_order_date=''),
    er(customer_id='D18', refund_requested='-5'), er(customer_id='D19', points_balance='-1'),
    er(customer_id='D20', public_complaint='2'),
]
folder('err_rows', {'2025-01.csv': rows(HE, [ok] + bad)})
folder('err_one_nps', {'2025-01.csv': rows(HE, [ok, er(customer_id='X', nps=11)])})
folder('err_one_order_last', {'2025-01.csv': rows(HE, [ok, er(customer_id='X', orders=0)])})
folder('err_one_after', {'2025-01.csv': rows(HE, [ok, er(customer_id='X', last_order_date='2025-02-01')])})
folder('err_one_first', {'2025-01.csv': rows(HE, [ok, er(customer_id='X', first_order_date='2025-01-05')])})
folder('err_one_dup', {'2025-01.csv': rows(HE, [ok, ok])})
folder('err_one_multiline', {'2025-01.csv': 'customer_id,feedback,last_order_date,orders,revenue\nA,"x\ny\nz",2025-01-01,1,x\n'})
folder('err_name', {'2025-01.csv': rows(HE, [ok]), 'report.csv': rows(HE, [ok])})
folder('err_name2', {'2025-13.csv': rows(HE, [ok])})
folder('err_dup_asof', {'2025-01.csv': rows(HE, [ok]), '2025-01-31.csv': rows(HE, [ok])})
folder('err_missing_col', {'2025-01.csv': rows(['customer_id', 'last_order_date', 'orders'], [['A', '2025-01-01', 1]])})
folder('err_many', {'2025-01.csv': rows(HE, [ok] + [er(customer_id='M%02d' % i, nps=12) for i in range(25)])})
with open(os.path.join(L, 'err_ledger.csv'), 'w') as f:
    f.write('customer_id,date,amount,order_id,quantity\nA,2025-01-01,abc,o1,1\n,2025-01-02,3,o2,1\nB,2025-13-01,3,o3,1\nC,2025-01-01,3,o4,1.5\n')
print('inputs written')

# ================================================================== round 2
import datetime as _dt
# one snapshot per verbatim, so every routing decision is compared on its own
probes = feedback + [
    'Cycle-de-vie', 'NPS2', 'parcours\tclient', 'Fidélité, fidelite, FIDÉLITÉ', 'succes', 'tiers tiers VIP CES NPS',
    'onboarding satisfaction', 'désengagement onboarding onboarding', 'Gamification!', 'ATTRITION',
    'Points', 'pointS', 'cycle de vie, parcours client, activation ; churn churn churn',
    'risque-churn', 'l’activation', 'NPS_score', 'ＮＰＳ', 'satisfaction vip VIP', 'Ces CES ces',
    'réactivation activation', 'reactivation', 'parcours clients', 'succèss', 'a' * 3 + ' onboarding',
    'ÇA churn', 'İstanbul churn', 'ﬁdélité', 'vie de cycle', 'accompagnement accompagnement tiers tiers',
]


def probe_folder(name, verbatims, first_day):
    """One snapshot per verbatim, a day apart from first_day (values already in quotes kept as
    written), and NAME_probes.txt listing them by date."""
    files = {}
    for i, fb in enumerate(verbatims):
        day = first_day + _dt.timedelta(days=i)
        if not fb.startswith('"') and any(ch in fb for ch in ',"\n'):
            fb = '"' + fb.replace('"', '""') + '"'
        files[day.isoformat() + '.csv'] = rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'feedback'],
                                               [['A', '2025-01-01', 1, 5, fb]])
    folder(name, files)
    with open(os.path.join(I, name + '_probes.txt'), 'w') as f:
        for i, fb in enumerate(verbatims):
            f.write('%s\t%r\n' % ((first_day + _dt.timedelta(days=i)).isoformat(), fb))


probe_folder('routing', probes, _dt.date(2025, 1, 1))

# small n for the quintile thresholds (n = 1..7 buyers), one file each
sm = {}
vals = [(3, 10.0, '2025-01-20'), (1, 10.0, '2025-01-05'), (7, 99.5, '2024-12-01'), (2, 10.0, '2025-01-20'),
        (2, 12.0, '2025-01-19'), (1, 0.0, '2024-01-01'), (2, 10.0, '2025-01-20')]
for n in range(1, 8):
    day = _dt.date(2025, 1, 20 + n)
    sm[day.isoformat() + '.csv'] = rows(['customer_id', 'last_order_date', 'orders', 'revenue'],
                                        [['S%d' % i, vals[i][2], vals[i][0], vals[i][1]] for i in range(n)])
folder('smalln', sm)

# exact thresholds: churn 0.10, retention 0.85, churn 0.05, nps 30 and 50, csat 4.2, repeat 0.40,
# activity window 90 / 91 days
def th(asof, active_ids, nps=(), csat=(), orders2=0):
    rs = []
    for i in range(20):
        last = asof - _dt.timedelta(days=90 if i in active_ids else 91)
        rs.append(['C%02d' % i, last.isoformat(), 2 if i < orders2 else 1, 10, nps[i] if i < len(nps) else None,
                   csat[i] if i < len(csat) else None])
    return rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'nps', 'csat'], rs)
folder('thresh', {
    '2025-01.csv': th(_dt.date(2025, 1, 31), set(range(20)), nps=[9, 9, 9, 10, 0, 7, 7, 8, 8, 7], csat=[4, 4, 4, 4, 5], orders2=8),
    '2025-02.csv': th(_dt.date(2025, 2, 28), set(range(18)), nps=[9, 9, 9, 10, 0, 7, 7, 8, 8, 7], csat=[4, 4, 4, 4, 5], orders2=8),
    '2025-03.csv': th(_dt.date(2025, 3, 31), set(range(17)) - set(), nps=[9, 9, 9, 10, 9, 9, 0, 7, 8, 8]),
    '2025-04.csv': th(_dt.date(2025, 4, 30), set(range(17)) - {16} | set(), nps=[0, 0, 0, 0, 0, 0, 0, 9, 9, 9]),
    '2026-04.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue'], [['Q', '2026-04-01', 1, 0]]),
    '2027-04.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue'], [['Q', '2027-04-01', 2, 10]]),
})

# vip column present in some snapshots only, blank vip values, VIP prospect
folder('vipmix', {
    '2025-05.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'vip'],
                        [['A', '2023-01-01', 9, 900, 'TRUE'], ['B', '2023-01-01', 9, 900, ''], ['C', None, 0, 0, 'yes'],
                         ['D', '2025-05-01', 1, 5, 'no'], ['E', '2025-05-02', 1, 6, 'NON'], ['F', '2023-02-01', 1, 1, 'Oui']]),
    '2025-06.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue'],
                        [['A', '2023-01-01', 9, 900], ['B', '2023-01-01', 9, 900], ['C', None, 0, 0],
                         ['D', '2025-05-01', 1, 5], ['E', '2025-05-02', 1, 6], ['F', '2023-02-01', 1, 1]]),
})

with open(os.path.join(L, 'lg3.csv'), 'w') as f:   # mm/dd/yyyy via config; refund-only customer; same day purchases
    f.write('''customer_id,date,amount,order_id
A,01/05/2025,10,o1
A,01/05/2025,20,o2
A,01/05/2025,-30,o3
B,02/10/2025,15,o4
B,02/11/2025,15,o4
C,03/03/2025,8,o5
''')
with open(os.path.join(I, 'mmdd.yml'), 'w') as f:
    f.write('date_format: mm/dd/yyyy\n')
folder('err_thousands', {'2025-01.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue'],
                                              [['A', '2025-01-01', 1, '1.000,50'], ['B', '2025-01-01', 1, '1,5,0']], delim=';')})
folder('err_bool_pc', {'2025-01.csv': rows(['customer_id', 'last_order_date', 'orders', 'revenue', 'public_complaint', 'points_balance'],
                                            [['A', '2025-01-01', 1, 1, '2', '-1'], ['B', '2025-01-01', 1, 1, 'Y', 'x']])})
folder('err_ledger_dir', {})
print('round 2 written')

# ================================================================== round 3: phrase separators
probes3 = ['cycle, de vie', 'cycle. De vie', 'parcours/client', 'parcours_client', "parcours'client", 'cycle de-vie',
           'parcours -- client', 'cycle\nde\nvie', 'parcours\u00a0client', 'parcours.client.', 'cycle de vie2',
           'parcours client client', '-parcours client-', 'x_churn', 'churn_x', 'churn2', '2churn', 'ré-activation',
           'parcours\u2019client', 'Succès…', 'VIP’s', 'NPS-CSAT', 'parcours de client']
probe_folder('routing3', probes3, _dt.date(2025, 6, 1))

# ================================================================== round 4: file names, empty files
ok1 = rows(['customer_id', 'last_order_date', 'orders', 'revenue'], [['A', '2025-01-01', 1, 5]])
folder('names_ok', {'2025-01-31.csv': ok1, '2025-02.csv.bak': 'junk', 'README': 'x', '2025-03.txt': 'x',
                    '2025-02-28.csv': ok1.replace('2025-01-01', '2025-02-01')})
folder('err_name_short', {'2025-1.csv': ok1})
folder('err_name_baddate', {'2025-02-30.csv': ok1})
folder('err_name_upper', {'2025-01.CSV': ok1, '2025-02.csv': ok1})
folder('err_emptyfile', {'2025-01.csv': ''})
folder('headeronly', {'2025-01.csv': 'customer_id,last_order_date,orders,revenue\r\n\r\n', '2025-02.csv': ok1})
folder('err_empty_dir', {})
folder('err_short_row', {'2025-01.csv': 'customer_id,last_order_date,orders,revenue\nA,2025-01-01,1\n'})
folder('err_long_row', {'2025-01.csv': 'customer_id,last_order_date,orders,revenue\nA,2025-01-01,1,5,extra\n'})

# ================================================================== round 5
h4 = ['customer_id', 'last_order_date', 'orders', 'revenue', 'feedback']
folder('misc5', {
    '2025-01.csv': rows(h4, [['A', '2025-01-10', 2, '10.1234', 'ltv faible'], ['B', '2025-01-11', 1, '0.001', 'LTV faible'],
                             ['C', '2025-01-12', 3, '0.0049', 'Ltv'], ['D', '2024-01-12', 1, '12.', None], ['E', '2024-01-12', 1, '.5', None]]),
    '2025-02.csv': rows(h4, [['A', None, 0, '0', None], ['B', '2025-02-11', 2, '0.0021', None],
                             ['C', '2025-01-12', 3, '0.0049', None], ['D', '2024-01-12', 1, '12.00', None], ['F', '2025-02-01', 1, '3.333333', None]]),
})
with open(os.path.join(I, 'cfg2.yml'), 'w') as f:
    f.write('''escalations:
  vip_top_share: 0.03
routing:
  keywords:
    customer-success: [LTV]
''')
with open(os.path.join(I, 'cfg_gap.yml'), 'w') as f:
    f.write('''segments:
  - {id: a, r: 1-5, f: 1-5, m: 1-4}
  - {id: b, r: 1-4, f: 1-5, m: 5-5}
''')
with open(os.path.join(L, 'lg4.csv'), 'w') as f:   # refund larger than purchases
    f.write('customer_id,date,amount,order_id\nA,2025-01-05,10,o1\nA,2025-02-05,-25,o2\nB,2025-01-07,4,o3\n')

# ================================================================== round 6: date formats, no guessing, decimal rounding
folder('err_ddmm_iso', {'2025-03.csv': 'customer_id,last_order_date,orders,revenue\nA,2025-03-01,1,5\n'})
folder('err_ddmm_short', {'2025-03.csv': 'customer_id,last_order_date,orders,revenue\nA,1/3/2025,1,5\n'})
folder('ddmm_ok', {'2025-03.csv': 'customer_id,last_order_date,orders,revenue\nA,01/03/2025,1,5\nB,31/03/2025,2,7\n'})
with open(os.path.join(I, 'ddmm.yml'), 'w') as f:
    f.write('date_format: dd/mm/yyyy\n')
folder('dec', {'2025-01.csv': 'customer_id,last_order_date,orders,revenue,refund_requested\n'
                              'A,2025-01-10,1,1.99999,1000.00001\nB,2025-01-10,1,0.00005,1000.00005\n'
                              'C,2025-01-10,1,0.00015,1000.0001\nD,2025-01-10,1,0.000049,1000.00009\n'
                              'E,2025-01-10,1,123456789.123456789,\n'})
