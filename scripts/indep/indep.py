#!/usr/bin/env python3
"""Independent implementation of the fidelis-report spec (../shared/spec/*.md).

Usage:
  indep.py (--snapshots DIR | --transactions FILE [--as-of D]) [--config F]
           [--delimiter C] --json OUT

Writes OUT = {"ok": true, "snapshots": {period: {...metrics..., "segments_csv": [...]}}}
or {"ok": false, "errors": ["FILE:LINE:COL: msg", ...], "exit": 65}.
Exits 0 or 65 accordingly (66 for missing input).
"""
import sys, os, re, json, math, unicodedata, datetime as dt, argparse, calendar
from decimal import Decimal
from collections import OrderedDict, defaultdict

# ----------------------------------------------------------------- mini YAML
def _strip_comment(line):
    out, q = [], None
    for i, ch in enumerate(line):
        if q:
            if ch == q:
                q = None
        elif ch in '"\'':
            q = ch
        elif ch == '#' and (i == 0 or line[i - 1] in ' \t'):
            break
        out.append(ch)
    return ''.join(out).rstrip()

def _scalar(s):
    s = s.strip()
    if s == '' or s in ('~', 'null'):
        return None
    if s[0] in '"\'' and s[-1] == s[0] and len(s) >= 2:
        return s[1:-1]
    if s in ('true', 'True'):
        return True
    if s in ('false', 'False'):
        return False
    try:
        if re.fullmatch(r'[-+]?\d+', s):
            return int(s)
        return float(s)
    except ValueError:
        return s

def _split_flow(s):
    parts, depth, q, cur = [], 0, None, ''
    for ch in s:
        if q:
            cur += ch
            if ch == q:
                q = None
            continue
        if ch in '"\'':
            q = ch
        elif ch in '[{':
            depth += 1
        elif ch in ']}':
            depth -= 1
        elif ch == ',' and depth == 0:
            parts.append(cur)
            cur = ''
            continue
        cur += ch
    if cur.strip():
        parts.append(cur)
    return parts

def _flow(s):
    s = s.strip()
    if s.startswith('{'):
        d = OrderedDict()
        for part in _split_flow(s[1:-1]):
            k, v = part.split(':', 1)
            d[_scalar(k)] = _flow(v)
        return d
    if s.startswith('['):
        return [_flow(p) for p in _split_flow(s[1:-1])]
    return _scalar(s)

def parse_yaml(text):
    lines = []
    for raw in text.splitlines():
        l = _strip_comment(raw)
        if l.strip():
            lines.append((len(l) - len(l.lstrip(' ')), l.strip()))
    pos = [0]

    def block(indent):
        if pos[0] >= len(lines):
            return None
        ind, txt = lines[pos[0]]
        if txt.startswith('- '):
            lst = []
            while pos[0] < len(lines) and lines[pos[0]][0] == ind and lines[pos[0]][1].startswith('- '):
                lst.append(_flow(lines[pos[0]][1][2:]))
                pos[0] += 1
            return lst
        d = OrderedDict()
        while pos[0] < len(lines) and lines[pos[0]][0] == ind:
            txt = lines[pos[0]][1]
            k, v = txt.split(':', 1)
            pos[0] += 1
            if v.strip() == '':
                if pos[0] < len(lines) and lines[pos[0]][0] > ind:
                    d[_scalar(k)] = block(lines[pos[0]][0])
                elif pos[0] < len(lines) and lines[pos[0]][0] == ind and lines[pos[0]][1].startswith('- '):
                    d[_scalar(k)] = block(ind)
                else:
                    d[_scalar(k)] = None
            else:
                d[_scalar(k)] = _flow(v)
        return d
    return block(lines[0][0]) if lines else OrderedDict()

DEFAULT_SEGMENTS = [
    ('champions', (3, 5), (4, 5), (4, 5)),
    ('loyal', (3, 5), (4, 5), (1, 5)),
    ('potential', (3, 5), (1, 5), (1, 5)),
    ('at_risk', (1, 2), (4, 5), (1, 5)),
    ('at_risk', (1, 2), (1, 5), (4, 5)),
    ('hibernating', (1, 2), (3, 5), (1, 5)),
    ('hibernating', (1, 2), (1, 5), (3, 5)),
    ('lost', (1, 2), (1, 5), (1, 5)),
]
DEFAULT_TARGETS = OrderedDict([
    ('retention_rate', (0.85, 'above')), ('churn_rate', (0.05, 'below')),
    ('ltv_growth_yoy', (0.20, 'above')), ('nps', (50.0, 'above')),
    ('csat', (4.2, 'above')), ('repeat_purchase_rate', (0.40, 'above')),
])
ROUTING = OrderedDict([
    ('lifecycle-management', ['onboarding', 'activation', 'parcours client', 'cycle de vie']),
    ('loyalty-programs', ['points', 'récompenses', 'tiers', 'VIP', 'gamification', 'fidélité']),
    ('churn-prevention', ['churn', 'attrition', 'désengagement', 'risque', 'réactivation']),
    ('customer-success', ['NPS', 'satisfaction', 'CSAT', 'CES', 'accompagnement', 'succès']),
])
CAPITAL_KW = {'NPS', 'CSAT', 'CES', 'VIP'}


class Config:
    def __init__(self, path=None):
        self.error = None
        self.delimiter = None
        self.date_format = 'yyyy-mm-dd'
        self.columns = {}
        self.window = 90
        self.targets = OrderedDict(DEFAULT_TARGETS)
        self.segments = list(DEFAULT_SEGMENTS)
        self.nps_below = 30.0
        self.churn_above = 0.10
        self.refund_above = 1000.0
        self.vip_top_share = None  # None = default 1 % via integer floor(n/100)
        self.routing = OrderedDict((k, list(v)) for k, v in ROUTING.items())
        if path:
            y = parse_yaml(open(path, encoding='utf-8').read())
            if y.get('delimiter'):
                self.delimiter = y['delimiter']
            if y.get('date_format'):
                self.date_format = y['date_format']
            if y.get('columns'):
                self.columns = {str(k).strip().lower(): str(v).strip().lower() for k, v in y['columns'].items()}
            if y.get('activity_window_days') is not None:
                self.window = int(y['activity_window_days'])
            for k, v in (y.get('targets') or {}).items():
                self.targets[k] = (float(v['value']), v['direction'])
            if y.get('segments'):
                segs = []
                for r in y['segments']:
                    def rng(s):
                        s = str(s)
                        if '-' in s:
                            a, b = s.split('-')
                            return (int(a), int(b))
                        return (int(s), int(s))
                    segs.append((r['id'], rng(r['r']), rng(r['f']), rng(r['m'])))
                self.segments = segs
                for r in range(1, 6):
                    for f in range(1, 6):
                        for m in range(1, 6):
                            if not any(a[0] <= r <= a[1] and b[0] <= f <= b[1] and c[0] <= m <= c[1] for _, a, b, c in segs):
                                self.error = 'segment table misses R=%d F=%d M=%d' % (r, f, m)
            e = y.get('escalations') or {}
            if 'nps_below' in e: self.nps_below = float(e['nps_below'])
            if 'churn_above' in e: self.churn_above = float(e['churn_above'])
            if 'refund_above' in e: self.refund_above = float(e['refund_above'])
            if 'vip_top_share' in e and float(e['vip_top_share']) != 0.01:
                self.vip_top_share = float(e['vip_top_share'])
            rk = ((y.get('routing') or {}).get('keywords')) or {}
            for area, kws in rk.items():
                if kws:
                    self.routing[area].extend(kws)


# ----------------------------------------------------------------- CSV
class InputError(Exception):
    pass


def parse_csv(data, fname, delimiter=None):
    """Return (delimiter, rows) where rows = list of (fields, field_lines)."""
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    text = data.decode('utf-8')
    if delimiter is None:
        first = text.split('\n', 1)[0]
        delimiter = ';' if first.count(';') > first.count(',') else ','
    rows = []
    i, n, line = 0, len(text), 1
    fields, flines, cur, cur_line = [], [], [], 1
    at_field_start = True
    quoted = False
    while i < n:
        ch = text[i]
        if at_field_start:
            cur_line = line
            at_field_start = False
            if ch == '"':
                quoted = True
                i += 1
                # read quoted
                while i < n:
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            cur.append('"'); i += 2; continue
                        i += 1
                        break
                    if c == '\n':
                        line += 1
                    cur.append(c)
                    i += 1
                continue
        if ch == delimiter:
            fields.append(''.join(cur)); flines.append(cur_line); cur = []
            at_field_start = True; quoted = False
            i += 1
            if i == n:  # trailing delimiter at EOF
                fields.append(''); flines.append(line)
                rows.append((fields, flines)); fields, flines = [], []
            continue
        if ch == '\r' and i + 1 < n and text[i + 1] == '\n':
            i += 1
            ch = '\n'
        if ch == '\n':
            fields.append(''.join(cur)); flines.append(cur_line); cur = []
            rows.append((fields, flines)); fields, flines = [], []
            at_field_start = True; quoted = False
            line += 1
            i += 1
            continue
        cur.append(ch)
        i += 1
    if not at_field_start or cur or fields:
        fields.append(''.join(cur)); flines.append(cur_line)
        rows.append((fields, flines))
    # drop completely blank records
    rows = [r for r in rows if not (len(r[0]) == 1 and r[0][0] == '')]
    return delimiter, rows


def parse_date(s, fmt):
    if fmt in ('yyyy-mm-dd', None):
        m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', s)
        if not m: return None
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif fmt == 'dd/mm/yyyy':
        m = re.fullmatch(r'(\d{2})/(\d{2})/(\d{4})', s)
        if not m: return None
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    elif fmt == 'mm/dd/yyyy':
        m = re.fullmatch(r'(\d{2})/(\d{2})/(\d{4})', s)
        if not m: return None
        mo, d, y = int(m[1]), int(m[2]), int(m[3])
    else:
        raise ValueError(fmt)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def parse_dec(s, delim, allow_neg=False):
    if delim == ';':
        s = s.replace(',', '.', 1) if s.count(',') == 1 and '.' not in s else s
    pat = r'-?(\d+(\.\d*)?|\.\d+)' if allow_neg else r'(\d+(\.\d*)?|\.\d+)'
    if not re.fullmatch(pat, s):
        return None
    return float(s)


def parse_int(s, allow_neg=False):
    if not re.fullmatch(r'-?\d+' if allow_neg else r'\d+', s):
        return None
    return int(s)


BOOLS = {'true': True, 'false': False, '1': True, '0': False, 'yes': True, 'no': False, 'oui': True, 'non': False}


def header_map(header, cfg):
    m = {}
    for idx, h in enumerate(header):
        k = h.strip().lower()
        k = cfg.columns.get(k, k)
        if k not in m:
            m[k] = idx
    return m


SNAP_COLS = ['customer_id', 'first_order_date', 'last_order_date', 'orders', 'revenue', 'status', 'vip',
             'nps', 'csat', 'ces', 'feedback', 'public_complaint', 'refund_requested', 'tier', 'points_balance']


def read_snapshot(path, fname, asof, cfg, forced_delim, errs):
    delim, rows = parse_csv(open(path, 'rb').read(), fname, forced_delim or cfg.delimiter)
    if not rows:
        errs.append((fname, 1, 0, 'empty file, no header'))
        return None
    header, _ = rows[0]
    hm = header_map(header, cfg)
    for req in ('customer_id', 'last_order_date', 'orders', 'revenue'):
        if req not in hm:
            errs.append((fname, 1, 0, 'missing required column %s' % req))
    if any(req not in hm for req in ('customer_id', 'last_order_date', 'orders', 'revenue')):
        return None
    custs = OrderedDict()
    seen = {}
    for fields, flines in rows[1:]:
        if len(fields) != len(header):
            errs.append((fname, flines[0], min(len(fields), len(header)) + 1, 'field count'))
            continue
        def get(col):
            if col not in hm:
                return None, None, None
            idx = hm[col]
            v = fields[idx] if idx < len(fields) else ''
            ln = flines[idx] if idx < len(flines) else flines[-1]
            return v, ln, idx + 1

        rec = {}
        bad = False
        v, ln, c = get('customer_id')
        if v == '':
            errs.append((fname, ln, c, 'customer_id missing')); bad = True
        elif v in seen:
            errs.append((fname, ln, c, 'duplicate customer_id')); bad = True
        else:
            seen[v] = ln
        rec['id'] = v
        for col in ('first_order_date', 'last_order_date'):
            v, ln, c = get(col)
            rec[col] = None
            if v:
                d = parse_date(v, cfg.date_format)
                if d is None:
                    errs.append((fname, ln, c, '%s bad date' % col)); bad = True
                rec[col] = d
        v, ln, c = get('orders')
        rec['orders'] = parse_int(v) if v else None
        if rec['orders'] is None:
            errs.append((fname, ln, c, 'orders bad')); bad = True
        v, ln, c = get('revenue')
        rec['revenue'] = parse_dec(v, delim) if v else None
        if rec['revenue'] is None:
            errs.append((fname, ln, c, 'revenue bad')); bad = True
        v, ln, c = get('status')
        rec['status'] = None
        if v:
            if v.lower() not in ('active', 'churned'):  # case-insensitive: ambiguity
                errs.append((fname, ln, c, 'status bad')); bad = True
            else:
                rec['status'] = v.lower()
        for col in ('vip', 'public_complaint'):
            v, ln, c = get(col)
            rec[col] = None
            if v:
                if v.lower() not in BOOLS:
                    errs.append((fname, ln, c, '%s bad bool' % col)); bad = True
                else:
                    rec[col] = BOOLS[v.lower()]
        for col, lo, hi in (('nps', 0, 10), ('csat', 1, 5), ('ces', 1, 7)):
            v, ln, c = get(col)
            rec[col] = None
            if v:
                x = parse_int(v, allow_neg=True)
                if x is None or not (lo <= x <= hi):
                    errs.append((fname, ln, c, '%s out of range' % col)); bad = True
                else:
                    rec[col] = x
        for col in ('refund_requested', 'points_balance'):
            v, ln, c = get(col)
            rec[col] = None
            if v:
                x = parse_dec(v, delim)
                if x is None:
                    errs.append((fname, ln, c, '%s bad' % col)); bad = True
                rec[col] = x
        v, ln, c = get('feedback')
        rec['feedback'] = v if v else None
        # consistency
        if rec['orders'] is not None:
            v, ln, c = get('last_order_date')
            if (rec['orders'] == 0 and v) or (rec['orders'] >= 1 and not v):
                errs.append((fname, ln, c, 'orders=0 <=> last_order_date missing')); bad = True
        if rec['last_order_date'] is not None and rec['last_order_date'] > asof:
            v, ln, c = get('last_order_date')
            errs.append((fname, ln, c, 'last_order_date after as-of')); bad = True
        if rec['first_order_date'] is not None and rec['last_order_date'] is not None and \
                rec['first_order_date'] > rec['last_order_date']:
            v, ln, c = get('first_order_date')
            errs.append((fname, ln, c, 'first_order_date after last_order_date')); bad = True
        if rec['first_order_date'] is not None and rec['last_order_date'] is None and rec['orders'] == 0:
            pass  # not a stated rule
        if not bad:
            custs[rec['id']] = rec
    return {'customers': custs, 'has_status': 'status' in hm, 'has_vip': 'vip' in hm,
            'has_first': 'first_order_date' in hm}


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def load_snapshots(d, cfg, forced_delim):
    errs = []
    snaps = []
    byasof = {}
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        if not f.lower().endswith('.csv') or not os.path.isfile(p):   # extension case-insensitive (ambiguity)
            continue
        stem = f[:-4]
        f_label = stem
        asof = None
        m = re.fullmatch(r'(\d{4})-(\d{2})', stem)
        if m and 1 <= int(m[2]) <= 12:
            asof = month_end(int(m[1]), int(m[2]))
        m2 = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', stem)
        if m2:
            try:
                asof = dt.date(int(m2[1]), int(m2[2]), int(m2[3]))
            except ValueError:
                asof = None
        if asof is None:
            errs.append((f, 0, 0, 'bad snapshot file name'))
            continue
        if asof in byasof:
            errs.append((f, 0, 0, 'same as-of as ' + byasof[asof]))
            continue
        byasof[asof] = f
        snaps.append((asof, stem, p, f))
    if not snaps and not errs:
        errs.append((d, 0, 0, 'no snapshot file'))
    snaps.sort()
    out = []
    for asof, label, p, f in snaps:
        s = read_snapshot(p, f, asof, cfg, forced_delim, errs)
        if s:
            s['asof'] = asof
            s['period'] = label
            out.append(s)
    return out, errs


def load_ledger(path, asof_arg, cfg, forced_delim):
    errs = []
    fname = os.path.basename(path)
    delim, rows = parse_csv(open(path, 'rb').read(), fname, forced_delim or cfg.delimiter)
    if not rows:
        return [], [(fname, 1, 1, 'empty')]
    hm = header_map(rows[0][0], cfg)
    for req in ('customer_id', 'date', 'amount'):
        if req not in hm:
            errs.append((fname, 1, 0, 'missing column ' + req))
    if errs:
        return [], errs
    recs = []
    for fields, flines in rows[1:]:
        if len(fields) != len(rows[0][0]):
            errs.append((fname, flines[0], min(len(fields), len(rows[0][0])) + 1, 'field count'))
            continue
        def get(col):
            if col not in hm:
                return None, None, None
            idx = hm[col]
            return (fields[idx] if idx < len(fields) else ''), (flines[idx] if idx < len(flines) else flines[-1]), idx + 1
        bad = False
        cid, ln, c = get('customer_id')
        if not cid:
            errs.append((fname, ln, c, 'customer_id missing')); bad = True
        v, ln, c = get('date')
        d = parse_date(v, cfg.date_format) if v else None
        if d is None:
            errs.append((fname, ln, c, 'date bad')); bad = True
        v, ln, c = get('amount')
        a = parse_dec(v, delim, allow_neg=True) if v else None
        if a is None:
            errs.append((fname, ln, c, 'amount bad')); bad = True
        oid, _, _ = get('order_id')
        v, ln, c = get('quantity')
        if v and parse_int(v, allow_neg=True) is None:
            errs.append((fname, ln, c, 'quantity bad')); bad = True
        if not bad:
            recs.append((cid, d, a, oid))
    if errs:
        return [], errs
    if not recs:
        return [], [(fname, 1, 1, 'no rows')]
    has_oid = 'order_id' in hm
    asof = asof_arg or max(r[1] for r in recs)
    recs = [r for r in recs if r[1] <= asof]
    first = min(r[1] for r in recs)
    dates = []
    y, m = first.year, first.month
    while True:
        me = month_end(y, m)
        if me >= asof:
            break
        dates.append(me)
        m += 1
        if m == 13:
            y, m = y + 1, 1
    dates.append(asof)
    snaps = []
    for sd in dates:
        per = defaultdict(list)
        for r in recs:
            if r[1] <= sd:
                per[r[0]].append(r)
        custs = OrderedDict()
        for cid in sorted(per):
            rs = per[cid]
            if has_oid:
                orders = len({(r[3] if r[3] else ('__row', i)) for i, r in enumerate(rs)})
            else:
                orders = len(rs)
            custs[cid] = {'id': cid, 'first_order_date': min(r[1] for r in rs), 'last_order_date': max(r[1] for r in rs),
                          'orders': orders, 'revenue': float(sum((Decimal(repr(r[2])) for r in rs), Decimal(0))), 'status': None, 'vip': None,
                          'nps': None, 'csat': None, 'ces': None, 'feedback': None, 'public_complaint': None,
                          'refund_requested': None}
        label = '%04d-%02d' % (sd.year, sd.month) if sd == month_end(sd.year, sd.month) else sd.isoformat()
        snaps.append({'customers': custs, 'has_status': False, 'has_vip': False, 'has_first': True,
                      'asof': sd, 'period': label})
    return snaps, []


# ----------------------------------------------------------------- metrics
def fold(s):
    s = unicodedata.normalize('NFD', s)
    s = ''.join(ch for ch in s if unicodedata.category(ch) != 'Mn')
    return s.casefold()


def count_hits(text, kw):
    if kw in CAPITAL_KW or (kw.isupper() and kw.isalpha()):
        hay, needle = unicodedata.normalize('NFC', text), kw
    else:
        hay, needle = fold(text), fold(kw)
    parts = [re.escape(p) for p in needle.split()]
    pat = r'\s+'.join(parts)
    n = 0
    for m in re.finditer(pat, hay):
        a, b = m.start(), m.end()
        if a > 0 and hay[a - 1].isalnum():
            continue
        if b < len(hay) and hay[b].isalnum():
            continue
        n += 1
    return n


def route(text, routing):
    best, besthits = 'unrouted', 0
    for area, kws in routing.items():
        h = sum(count_hits(text, k) for k in kws)
        if h > besthits:
            best, besthits = area, h
    return best


def thresholds(values):
    v = sorted(values)
    n = len(v)
    if n == 0:
        return None
    return [v[(k * n) // 5] for k in range(1, 5)]


def score(x, t):
    return 1 + sum(1 for tk in t if x > tk)


def is_active(s, c, window):
    if s['has_status']:
        return c['status'] == 'active'
    return c['orders'] >= 1 and (s['asof'] - c['last_order_date']).days <= window


def kpi(value, key, cfg):
    if key in cfg.targets:
        t, d = cfg.targets[key]
        if value is None:
            st = 'no_data'
        elif d == 'above':
            st = 'on_target' if value > t else 'off_target'
        else:
            st = 'on_target' if value < t else 'off_target'
        return {'value': value, 'target': t, 'direction': d, 'status': st}
    return {'value': value, 'target': None, 'direction': None, 'status': None}


def compute(snaps, cfg):
    res = OrderedDict()
    seg_ids = []
    for r in cfg.segments:
        if r[0] not in seg_ids:
            seg_ids.append(r[0])
    prev = None
    prev_seg = {}
    active_sets = []  # per snapshot index
    ltvs = []
    ever_cohort = {}
    first_buy_snap = {}  # id -> month (yyyy-mm) of first snapshot with orders>=1
    for i, s in enumerate(snaps):
        C = s['customers']
        A = s['asof']
        buyers = [c for c in C.values() if c['orders'] >= 1]
        for c in buyers:
            first_buy_snap.setdefault(c['id'], (A.year, A.month))
        E = {c['id'] for c in C.values() if is_active(s, c, cfg.window)}
        active_sets.append(E)
        out = OrderedDict()
        out['period'] = s['period']
        out['as_of'] = A.isoformat()
        if prev is None:
            S = set()
        else:
            S = active_sets[i - 1]
        N = E - S
        lost = S - E
        out['counts'] = {'customers': len(C), 'buyers': len(buyers), 'active': len(E), 'new_active': len(N),
                         'lost': len(lost), 'prospects': len(C) - len(buyers)}
        rev_total = sum(c['revenue'] for c in C.values())
        if prev is None:
            rev_period = rev_total
        else:
            P = prev['customers']
            rev_period = sum(c['revenue'] - P[c['id']]['revenue'] if c['id'] in P else c['revenue'] for c in C.values())
        out['revenue'] = {'total': rev_total, 'period': rev_period}
        k = OrderedDict()
        if prev is None or not S:
            ret = churn = None
        else:
            ret = len(S & E) / len(S)
            churn = len(S - E) / len(S)
        k['retention_rate'] = kpi(ret, 'retention_rate', cfg)
        k['churn_rate'] = kpi(churn, 'churn_rate', cfg)
        ltv = rev_total / len(buyers) if buyers else None
        ltvs.append(ltv)
        k['ltv'] = kpi(ltv, 'ltv', cfg)
        g = None
        q = None
        for j in range(i):
            dd = (A - snaps[j]['asof']).days
            if 349 <= dd <= 381:
                q = j  # later j = later as-of
        if q is not None and ltv is not None and ltvs[q] not in (None, 0):
            g = ltv / ltvs[q] - 1
        k['ltv_growth_yoy'] = kpi(g, 'ltv_growth_yoy', cfg)
        npsv = [c['nps'] for c in C.values() if c['nps'] is not None]
        nps = 100.0 * (sum(1 for x in npsv if x >= 9) - sum(1 for x in npsv if x <= 6)) / len(npsv) if npsv else None
        k['nps'] = kpi(nps, 'nps', cfg)
        cs = [c['csat'] for c in C.values() if c['csat'] is not None]
        k['csat'] = kpi(sum(cs) / len(cs) if cs else None, 'csat', cfg)
        k['csat_satisfied_share'] = kpi(sum(1 for x in cs if x >= 4) / len(cs) if cs else None, 'csat_satisfied_share', cfg)
        ce = [c['ces'] for c in C.values() if c['ces'] is not None]
        k['ces'] = kpi(sum(ce) / len(ce) if ce else None, 'ces', cfg)
        k['repeat_purchase_rate'] = kpi(sum(1 for c in buyers if c['orders'] >= 2) / len(buyers) if buyers else None,
                                        'repeat_purchase_rate', cfg)
        out['kpis'] = k
        # RFM
        rec = {c['id']: (A - c['last_order_date']).days for c in buyers}
        tr = thresholds([-rec[c['id']] for c in buyers])
        tf = thresholds([c['orders'] for c in buyers])
        tm = thresholds([c['revenue'] for c in buyers])
        out['rfm'] = {'thresholds': {'recency_days': [-x for x in tr] if tr else None,
                                     'frequency': tf, 'monetary': tm}}
        seg = {}
        rows = []
        for c in buyers:
            r = score(-rec[c['id']], tr)
            f = score(c['orders'], tf)
            m = score(c['revenue'], tm)
            sid = None
            for rid, rr, fr, mr in cfg.segments:
                if rr[0] <= r <= rr[1] and fr[0] <= f <= fr[1] and mr[0] <= m <= mr[1]:
                    sid = rid
                    break
            seg[c['id']] = sid
            cid = c['id']
            if cid and cid[0] in '=+-@\t\r':
                cid = "'" + cid
            rows.append({'customer_id': cid, 'raw_id': c['id'], 'recency_days': rec[c['id']], 'frequency': c['orders'],
                         'monetary': c['revenue'], 'r_score': r, 'f_score': f, 'm_score': m, 'segment': sid})
        rows.sort(key=lambda x: x['raw_id'])
        out['segments_csv'] = rows
        bt = sum(c['revenue'] for c in buyers)
        segs = OrderedDict()
        for sid in seg_ids:
            mem = [c for c in buyers if seg[c['id']] == sid]
            n = len(mem)
            rv = sum(c['revenue'] for c in mem)
            segs[sid] = {'customers': n, 'share': n / len(buyers) if buyers else None, 'revenue': rv,
                         'revenue_share': rv / bt if bt else None,
                         'mean_recency_days': sum(rec[c['id']] for c in mem) / n if n else None,
                         'mean_frequency': sum(c['orders'] for c in mem) / n if n else None,
                         'mean_monetary': rv / n if n else None}
        out['segments'] = segs
        # migration
        if prev is None:
            out['migration'] = None
        else:
            mig = OrderedDict()
            for f_ in seg_ids + ['new']:
                mig[f_] = OrderedDict((t, 0) for t in seg_ids + ['gone'])
            for cid, sid in seg.items():
                fr = prev_seg.get(cid) or 'new'
                mig[fr][sid] += 1
            for cid, sid in prev_seg.items():
                if cid not in seg:
                    mig[sid]['gone'] += 1
            out['migration'] = mig
        # cohorts
        # cohort members: every customer seen as a buyer in any snapshot up to p (a customer missing
        # from a snapshot stays in its cohort and counts as not active there)
        for c in buyers:
            if s['has_first'] and c['first_order_date'] is not None:
                ever_cohort[c['id']] = (c['first_order_date'].year, c['first_order_date'].month)
            elif c['id'] not in ever_cohort:
                ever_cohort[c['id']] = first_buy_snap[c['id']]
        cohort = ever_cohort
        snap_by_month = {}
        for j in range(i + 1):
            a = snaps[j]['asof']
            snap_by_month[(a.year, a.month)] = j  # latest in month wins
        groups = defaultdict(list)
        for cid, cm in cohort.items():
            groups[cm].append(cid)
        coh = []
        for cm in sorted(groups):
            mem = groups[cm]
            retn = []
            y, mo = cm
            while (y, mo) <= (A.year, A.month):
                j = snap_by_month.get((y, mo))
                if j is None:
                    retn.append(None)
                else:
                    retn.append(sum(1 for cid in mem if cid in active_sets[j]) / len(mem))
                mo += 1
                if mo == 13:
                    y, mo = y + 1, 1
            coh.append({'cohort': '%04d-%02d' % cm, 'size': len(mem), 'retention': retn})
        out['cohorts'] = coh
        # escalations
        esc = OrderedDict()
        if s['has_vip']:
            vips = {c['id'] for c in C.values() if c['vip']}
        else:
            n = len(buyers)
            if cfg.vip_top_share is None:
                kk = max(1, n // 100) if n else 0
            else:
                kk = max(1, int(math.floor(n * cfg.vip_top_share))) if n else 0
            vips = {c['id'] for c in sorted(buyers, key=lambda c: (-c['revenue'], c['id']))[:kk]}
        va = sorted(cid for cid in vips if seg.get(cid) == 'at_risk')
        esc['vip_at_risk'] = {'raised': bool(va), 'count': len(va), 'customers': va}
        esc['nps_critical'] = {'raised': nps is not None and nps < cfg.nps_below, 'value': nps}
        esc['churn_crisis'] = {'raised': churn is not None and churn > cfg.churn_above, 'value': churn}
        pc = sorted(c['id'] for c in C.values() if c['public_complaint'])
        esc['public_complaint'] = {'raised': bool(pc), 'count': len(pc), 'customers': pc}
        lr = sorted(c['id'] for c in C.values() if c['refund_requested'] is not None and c['refund_requested'] > cfg.refund_above)
        esc['large_refund'] = {'raised': bool(lr), 'count': len(lr), 'customers': lr}
        out['escalations'] = esc
        fr = OrderedDict((a, 0) for a in list(cfg.routing) + ['unrouted'])
        for c in C.values():
            if c['feedback']:
                fr[route(c['feedback'], cfg.routing)] += 1
        out['feedback_routing'] = fr
        res[s['period']] = out
        prev = s
        prev_seg = seg
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--snapshots')
    ap.add_argument('--transactions')
    ap.add_argument('--as-of')
    ap.add_argument('--config')
    ap.add_argument('--delimiter')
    ap.add_argument('--json', required=True)
    a = ap.parse_args()
    cfg = Config(a.config)
    if cfg.error:
        # config location: the file name and the line of the segments table are not reproduced exactly
        json.dump({'ok': False, 'exit': 65, 'errors': ['%s:?:?: %s' % (os.path.basename(a.config), cfg.error)]},
                  open(a.json, 'w'), indent=1)
        sys.exit(65)
    if a.snapshots:
        snaps, errs = load_snapshots(a.snapshots, cfg, a.delimiter)
    else:
        asof = dt.date.fromisoformat(a.as_of) if a.as_of else None
        snaps, errs = load_ledger(a.transactions, asof, cfg, a.delimiter)
    if errs:
        errs.sort(key=lambda e: (e[0], e[1], e[2]))
        json.dump({'ok': False, 'exit': 65, 'errors': ['%s:%s:%s: %s' % e for e in errs]}, open(a.json, 'w'), indent=1)
        sys.exit(65)
    json.dump({'ok': True, 'snapshots': compute(snaps, cfg)}, open(a.json, 'w'), indent=1, default=str)


if __name__ == '__main__':
    main()
