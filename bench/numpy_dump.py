"""The dump-mumu and dump-ee selections written with vectorised numpy, for the benchmark against the engine.

Reads the raw columns exported by bench/selection-vs-numpy.bench.ts (manifest.json + .bin files),
computes the same variables as src-engine/reco/variables.ts and applies the same cuts as
src-engine/selection/presets.ts (defaults), then prints one JSON line with counts and timings.
Usage: python3 numpy_dump.py <columns folder> dump-mumu|dump-ee.   Units: MeV, mm, ns.
"""
import json, sys, time
import numpy as np

from numpy_columns import open_columns, track_columns

t_start = time.perf_counter(); c_start = time.process_time()
d = sys.argv[1]
preset = sys.argv[2] if len(sys.argv) > 2 else "dump-mumu"
electrons = preset == "dump-ee"
man, col = open_columns(d)
off, q, px, py, pz, x1, y1, tt = track_columns(col)
chi2 = col("tracks.chi2"); nch = col("tracks.nChambers"); sxa = col("tracks.dxdzAfter").astype(np.float64); sya = col("tracks.dydzAfter").astype(np.float64)
loff = col("lkrClusters.offsets").astype(np.int64); lx = col("lkrClusters.x"); ly = col("lkrClusters.y"); le = col("lkrClusters.energy")
moff = col("muv3Hits.offsets").astype(np.int64); mtile = col("muv3Hits.tile").astype(np.int64); mt = col("muv3Hits.time")
lvoff = col("lavHits.offsets").astype(np.int64); lvt = col("lavHits.time")
if electrons: a0off = col("anti0Hits.offsets").astype(np.int64); a0t = col("anti0Hits.time")
weight = col("header.weight")
tiles = np.array(man["tileBounds"], dtype=np.float64).reshape(-1, 4)
t_loaded = time.perf_counter()

n = len(off) - 1
nt = np.diff(off)
Z1, ZM, ZN, ZL, Z3 = 183508.0, 196995.0, 238131.5, 241093.0, 246800.0
MMU = 105.658

# cut 1: two tracks of opposite charge
two = nt == 2
ev = np.nonzero(two)[0]
a = off[ev]; b = a + 1
qsum = q[a].astype(np.int32) + q[b]
keep = qsum == 0
ev, a, b = ev[keep], a[keep], b[keep]
counts = [n, len(ev)]

# cut 2: timing (|t| < 5 ns each, |dt| < 1 ns)
tref = (tt[a] + tt[b]) / 2
k = (np.abs(tt[a]) < 5) & (np.abs(tt[b]) < 5) & (np.abs(tt[a] - tt[b]) < 1)
ev, a, b, tref = ev[k], a[k], b[k], tref[k]; counts.append(len(ev))
# cut 3: track quality
k = (chi2[a] < 20) & (chi2[b] < 20) & (nch[a] >= 4) & (nch[b] >= 4)
ev, a, b, tref = ev[k], a[k], b[k], tref[k]; counts.append(len(ev))
# cut 4: momentum
pa = np.sqrt(px[a]**2 + py[a]**2 + pz[a]**2); pb = np.sqrt(px[b]**2 + py[b]**2 + pz[b]**2)
k = (pa > 5000) & (pb > 5000)
ev, a, b, tref, pa, pb = ev[k], a[k], b[k], tref[k], pa[k], pb[k]; counts.append(len(ev))

# downstream extrapolation of both tracks
def downstream(j):
    sx, sy = px[j] / pz[j], py[j] / pz[j]
    xm, ym = x1[j] + sx * (ZM - Z1), y1[j] + sy * (ZM - Z1)
    at = lambda z: (xm + sxa[j] * (z - ZM), ym + sya[j] * (z - ZM))
    return at(ZN), at(ZL), at(Z3)
def in_acc(n_, l_, m_):
    rn = n_[0]**2 + n_[1]**2
    ax, ay = np.abs(l_[0]), np.abs(l_[1])
    lkr = (l_[0]**2 + l_[1]**2 > 150**2) & (ax < 1130) & (ay < 1130) & (ax + ay < np.sqrt(2) * 1130)
    muv3 = (m_[0]**2 + m_[1]**2 > 103**2) & (np.abs(m_[0]) < 1320.4) & (np.abs(m_[1]) < 1320)
    return (rn > 140**2) & (rn < 1070**2) & lkr & muv3
na_, la_, ma_ = downstream(a); nb_, lb_, mb_ = downstream(b)
# cut 5: acceptance
k = in_acc(na_, la_, ma_) & in_acc(nb_, lb_, mb_)
sel = lambda arrs: [x[k] for x in arrs]
ev, a, b, tref, pa, pb = sel([ev, a, b, tref, pa, pb])
la_ = (la_[0][k], la_[1][k]); lb_ = (lb_[0][k], lb_[1][k]); ma_ = (ma_[0][k], ma_[1][k]); mb_ = (mb_[0][k], mb_[1][k])
counts.append(len(ev))

# cut 6: muon ID — E/p from the nearest LKr cluster within 50 mm, one MUV3 hit per track
# (dump-ee: electron ID — no MUV3 hit, 0.9 < E/p < 1.1)
def jagged(offsets, events):
    """indices of the items of `events` (and, for each, the position of its event in `events`)"""
    lo, hi = offsets[events], offsets[events + 1]
    cnt = hi - lo
    owner = np.repeat(np.arange(len(events)), cnt)
    start = np.repeat(lo - np.cumsum(np.concatenate(([0], cnt[:-1]))), cnt)
    return owner, np.arange(cnt.sum()) + start
def eop(l_, p):
    owner, idx = jagged(loff, ev)
    d2 = (lx[idx] - l_[0][owner])**2 + (ly[idx] - l_[1][owner])**2
    best = np.full(len(ev), 50.0**2); e = np.zeros(len(ev))
    ok = d2 < 50.0**2
    # nearest cluster per event: sort by (owner, d2) and keep the first of each owner
    o, dd, ee = owner[ok], d2[ok], le[idx][ok]
    order = np.lexsort((dd, o)); o, dd, ee = o[order], dd[order], ee[order]
    first = np.ones(len(o), bool); first[1:] = o[1:] != o[:-1]
    e[o[first]] = ee[first]
    return e / p
def nmuv3(m_, p, tj):
    owner, idx = jagged(moff, ev)
    tol = np.maximum(60.0, 3 * 40 * 10000 / p)[owner]
    tb = tiles[mtile[idx]]
    hit = (m_[0][owner] > tb[:, 0] - tol) & (m_[0][owner] < tb[:, 1] + tol) & (m_[1][owner] > tb[:, 2] - tol) & (m_[1][owner] < tb[:, 3] + tol) & (np.abs(mt[idx] - tj[owner]) < 5)
    return np.bincount(owner[hit], minlength=len(ev))
if electrons:
    ea, eb = eop(la_, pa), eop(lb_, pb)
    k = (nmuv3(ma_, pa, tt[a]) == 0) & (nmuv3(mb_, pb, tt[b]) == 0) & (ea > 0.9) & (ea < 1.1) & (eb > 0.9) & (eb < 1.1)
else:
    k = (nmuv3(ma_, pa, tt[a]) == 1) & (nmuv3(mb_, pb, tt[b]) == 1) & (eop(la_, pa) < 0.2) & (eop(lb_, pb) < 0.2)
ev, a, b, tref, pa, pb = sel([ev, a, b, tref, pa, pb]); counts.append(len(ev))
# cut 7: no in-time LAV hit (±5 ns around the mean time of the two tracks)
def in_time(offsets, times):
    owner, idx = jagged(offsets, ev)
    return np.bincount(owner[np.abs(times[idx] - tref[owner]) < 5], minlength=len(ev))
k = in_time(lvoff, lvt) == 0
ev, a, b, tref, pa, pb = sel([ev, a, b, tref, pa, pb]); counts.append(len(ev))
# dump-ee, cut 8: no in-time ANTI0 hit (same window)
if electrons:
    k = in_time(a0off, a0t) == 0
    ev, a, b, tref, pa, pb = sel([ev, a, b, tref, pa, pb]); counts.append(len(ev))
# cuts 8, 9: two-track vertex (closest approach of the lines before the magnet)
sax, say, sbx, sby = px[a] / pz[a], py[a] / pz[a], px[b] / pz[b], py[b] / pz[b]
wx, wy = x1[a] - x1[b], y1[a] - y1[b]
aa, bb, ab = sax**2 + say**2 + 1, sbx**2 + sby**2 + 1, sax * sbx + say * sby + 1
aw, bw = sax * wx + say * wy, sbx * wx + sby * wy
den = aa * bb - ab * ab
s = (ab * bw - bb * aw) / den; u = (aa * bw - ab * aw) / den
ax_, ay_, az_ = x1[a] + s * sax, y1[a] + s * say, Z1 + s
bx_, by_, bz_ = x1[b] + u * sbx, y1[b] + u * sby, Z1 + u
cda = np.sqrt((ax_ - bx_)**2 + (ay_ - by_)**2 + (az_ - bz_)**2)
vz = (az_ + bz_) / 2
k = cda < 10
counts.append(int(k.sum()))
k &= (vz > 102500) & (vz < 180000)
counts.append(int(k.sum()))
# the candidates' key variables, as the engine lists them: pair mass and the §2.3 CDA_TAX / Z_TAX
m = MMU if not electrons else 0.51099895
ev, a, b, pa, pb = ev[k], a[k], b[k], pa[k], pb[k]
vx_, vy_, vz = ((ax_ + bx_) / 2)[k], ((ay_ + by_) / 2)[k], vz[k]
Px, Py, Pz = px[a] + px[b], py[a] + py[b], pz[a] + pz[b]
E = np.sqrt(pa**2 + m * m) + np.sqrt(pb**2 + m * m)
mll = np.sqrt(np.maximum(E**2 - Px**2 - Py**2 - Pz**2, 0))
sx, sy = Px / Pz, Py / Pz
dx, dy = vx_, vy_ + 22
s2 = sx**2 + sy**2
cda_tax = np.abs(dx * sy - dy * sx) / np.sqrt(s2); z_tax = vz - (dx * sx + dy * sy) / s2
t_end = time.perf_counter()
print(json.dumps({"events": int(n), "cutflow": [int(c) for c in counts], "selected": int(k.sum()),
                  "load_s": t_loaded - t_start, "compute_s": t_end - t_loaded, "total_s": t_end - t_start, "cpu_s": time.process_time() - c_start, "numpy": np.__version__}))
