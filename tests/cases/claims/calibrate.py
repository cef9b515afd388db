# tests/cases/claims/calibrate.py -- precision of each extraction rule on a gold set: run
# python3 calibrate.py GOLD_DIR RUN.jsonl [GOLD_DIR RUN.jsonl ...]; used to set the
# family confidences of src/extract/extract.c (see docs/CLAIMS.md, Confidence).
import json, sys, unicodedata, re, glob, os, collections
def norm(s):
    s = unicodedata.normalize('NFKD', s); s = ''.join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r'[\W_]+', ' ', s).strip()
    return s[4:] if s.startswith('the ') else s
fam = {'supports','arms','funds','trains','shelters'}
def lp(p): return 'support' if p in fam else p
stats = collections.defaultdict(lambda: [0, 0])
allc = []
for gold_dir, sysf in zip(sys.argv[1::2], sys.argv[2::2]):
    sysd = {os.path.basename(json.loads(l)['doc']): json.loads(l) for l in open(sysf)}
    for f in sorted(glob.glob(gold_dir + '/*.json')):
        g = json.load(open(f)); s = sysd.get(g['doc'], {'entities': [], 'claims': []})
        forms = {}
        for e in g['entities']:
            for n in [e['name']] + e['aliases']: forms[norm(n)] = e['name']
        smap = {}
        for e in s['entities']:
            for n in [e['name']] + e.get('aliases', []):
                if norm(n) in forms: smap[e['name']] = forms[norm(n)]
        m = lambda n: smap.get(n, forms.get(norm(n or ''), '?'))
        used = set()
        for x in s['claims']:
            hit = False
            for i, c in enumerate(g['claims']):
                if i in used: continue
                if lp(x['predicate']) == lp(c['predicate']) and x['polarity'] == c['polarity'] and (
                   (m(x['subject']), m(x['object'])) == (c['subject'], c['object']) or
                   (c['predicate'] in ('meets','allied_with') and (m(x['object']), m(x['subject'])) == (c['subject'], c['object']))):
                    used.add(i); hit = True; break
            stats[x.get('rule')][0] += hit; stats[x.get('rule')][1] += 1
            allc.append((x['confidence'], hit))
tp = sum(v[0] for v in stats.values()); n = sum(v[1] for v in stats.values())
print("overall precision %.3f (%d/%d)" % (tp / n, tp, n))
for r, (a, b) in sorted(stats.items(), key=lambda x: -x[1][1]):
    print("%-22s %3d/%3d  %.2f  smoothed %.2f" % (r, a, b, a / b, (a + 0.6 * 2) / (b + 2)))
hi = [h for c, h in allc if c >= 0.5]; lo = [h for c, h in allc if c < 0.5]
print("conf>=0.5: %d claims precision %.3f; <0.5: %d claims precision %s" % (len(hi), sum(hi) / max(1, len(hi)), len(lo), "%.3f" % (sum(lo) / len(lo)) if lo else '-'))
