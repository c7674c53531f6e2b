"""The kaon-pi4e selection (K+ → π+e+e−e+e−, hypothesis "none") written with vectorised numpy, for
the benchmark against the engine.

Reads the raw columns exported by bench/selection-vs-numpy.bench.ts (manifest.json + .bin files),
computes the same variables as src-engine/reco/variables.ts (five-track least-squares vertex, its
χ², the π+ assignment closest to m_K and the e+e− pairing of §4.2) and applies the same cuts as
src-engine/selection/presets.ts (defaults), then prints one JSON line with counts and timings.
Usage: python3 numpy_kaon_pi4e.py <columns folder>.   Units: MeV, mm, ns.
"""
import json, sys, time
import numpy as np

from numpy_columns import open_columns, track_columns

t_start = time.perf_counter(); c_start = time.process_time()
d = sys.argv[1]
man, col = open_columns(d)
off, q, px, py, pz, x1, y1, tt = track_columns(col)
weight = col("header.weight")
t_loaded = time.perf_counter()

n = len(off) - 1
nt = np.diff(off)
Z1 = 183508.0
M_E, M_PI, M_K = 0.51099895, 139.570, 493.677

# cut 1: five tracks, total charge +1
ev = np.nonzero(nt == 5)[0]
j = off[ev][:, None] + np.arange(5)[None, :]          # (events, 5) track indices
qs = q[j].astype(np.int32)
k = qs.sum(axis=1) == 1
ev, j, qs = ev[k], j[k], qs[k]
counts = [n, len(ev)]
# cut 2: every one of the five tracks in all four STRAW chambers (nch_min5 >= minChambers = 4)
nch = col("tracks.nChambers")
k = (nch[j] >= 4).all(axis=1)
ev, j, qs = ev[k], j[k], qs[k]
counts.append(len(ev))
# cut 3: every pair of the five tracks more than sepMin = 20 mm apart at STRAW1 (sep_min5)
X1, Y1 = x1[j], y1[j]
d2 = np.full(len(ev), np.inf)
for a in range(5):
    for b in range(a + 1, 5):
        d2 = np.minimum(d2, (X1[:, a] - X1[:, b]) ** 2 + (Y1[:, a] - Y1[:, b]) ** 2)
k = np.sqrt(d2) > 20
ev, j, qs = ev[k], j[k], qs[k]
counts.append(len(ev))

# five-track vertex: Σ (I − u uᵀ) X = Σ (I − u uᵀ) a, solved by Cramer's rule as the engine does
PX, PY, PZ = px[j], py[j], pz[j]
dx, dy = PX / PZ, PY / PZ
nrm = np.sqrt(dx * dx + dy * dy + 1)
ux, uy, uz = dx / nrm, dy / nrm, 1 / nrm
m00, m01, m02, m11, m12, m22 = 1 - ux * ux, -ux * uy, -ux * uz, 1 - uy * uy, -uy * uz, 1 - uz * uz
X1, Y1 = x1[j], y1[j]
a00, a01, a02, a11, a12, a22 = (m.sum(axis=1) for m in (m00, m01, m02, m11, m12, m22))
b0 = (m00 * X1 + m01 * Y1 + m02 * Z1).sum(axis=1); b1 = (m01 * X1 + m11 * Y1 + m12 * Z1).sum(axis=1); b2 = (m02 * X1 + m12 * Y1 + m22 * Z1).sum(axis=1)
det = a00 * (a11 * a22 - a12 * a12) - a01 * (a01 * a22 - a12 * a02) + a02 * (a01 * a12 - a11 * a02)
ok = np.abs(det) > 1e-30
with np.errstate(divide="ignore", invalid="ignore"):
    X = np.where(ok, (b0 * (a11 * a22 - a12 * a12) - a01 * (b1 * a22 - a12 * b2) + a02 * (b1 * a12 - a11 * b2)) / det, np.nan)
    Y = np.where(ok, (a00 * (b1 * a22 - a12 * b2) - b0 * (a01 * a22 - a12 * a02) + a02 * (a01 * b2 - b1 * a02)) / det, np.nan)
    Zv = np.where(ok, (a00 * (a11 * b2 - b1 * a12) - a01 * (a01 * b2 - b1 * a02) + b0 * (a01 * a12 - a11 * a02)) / det, np.nan)
# χ²: distances of the lines to the vertex over each track's extrapolation error (detector/resolution.ts)
P = np.sqrt(PX * PX + PY * PY + PZ * PZ)
ex = X1 + dx * (Zv[:, None] - Z1) - X[:, None]; ey = Y1 + dy * (Zv[:, None] - Z1) - Y[:, None]
asig = np.sqrt(52e-6**2 + (0.6e-3 / (P / 1000))**2)
sig2 = 0.5**2 + ((Z1 - Zv[:, None]) * asig)**2
kchi2 = ((ex * ex + ey * ey) / sig2).sum(axis=1)
# cut 4: vertex χ² and z
k = (kchi2 < 25) & (Zv > 105000) & (Zv < 180000)
keep = lambda arrs: [a[k] for a in arrs]
ev, j, qs, PX, PY, PZ, P, kchi2, Zv = keep([ev, j, qs, PX, PY, PZ, P, kchi2, Zv]); counts.append(len(ev))
# cut 5: vertex time (mean of the five tracks) in time with the trigger
tv = tt[j].mean(axis=1)
k = np.abs(tv) < 5
ev, j, qs, PX, PY, PZ, P, kchi2, Zv = keep([ev, j, qs, PX, PY, PZ, P, kchi2, Zv]); counts.append(len(ev))
# cut 6: total momentum within 3 GeV/c of the beam's 75 GeV/c
Sx, Sy, Sz = PX.sum(axis=1), PY.sum(axis=1), PZ.sum(axis=1)
ptot = np.sqrt(Sx * Sx + Sy * Sy + Sz * Sz)
k = np.abs(ptot - 75000) < 3000
ev, j, qs, PX, PY, PZ, P, kchi2, Zv, ptot, Sx, Sy, Sz = keep([ev, j, qs, PX, PY, PZ, P, kchi2, Zv, ptot, Sx, Sy, Sz]); counts.append(len(ev))
# cut 7: hypothesis "none" (the K2πDD normalisation) keeps every event
counts.append(len(ev))

# the candidates' key variables: π+ among the positive tracks, chosen closest to m_K; pairs of the other four
def mass(px_, py_, pz_, e):
    m2 = e * e - px_ * px_ - py_ * py_ - pz_ * pz_
    return np.where(m2 > 0, np.sqrt(np.maximum(m2, 0)), 0)
Ee, Epi = np.sqrt(P * P + M_E * M_E), np.sqrt(P * P + M_PI * M_PI)
m_pi4e = np.full(len(ev), np.nan); m_4e = np.full(len(ev), np.nan); lo = np.full(len(ev), np.nan); hi = np.full(len(ev), np.nan)
rows = np.arange(len(ev))
for h in range(5):
    cand = qs[:, h] > 0
    m = mass(Sx, Sy, Sz, Ee.sum(axis=1) - Ee[:, h] + Epi[:, h])
    better = cand & (np.isnan(m_pi4e) | (np.abs(m - M_K) < np.abs(m_pi4e - M_K)))
    others = [x for x in range(5) if x != h]
    m4 = mass(Sx - PX[:, h], Sy - PY[:, h], Sz - PZ[:, h], Ee[:, others].sum(axis=1))
    qo = qs[:, others]
    order = np.array(others)[np.argsort(~(qo > 0), axis=1, kind="stable")]    # positives first, in track order
    two = (qo > 0).sum(axis=1) == 2
    pair = lambda x, y: mass(PX[rows, x] + PX[rows, y], PY[rows, x] + PY[rows, y], PZ[rows, x] + PZ[rows, y], Ee[rows, x] + Ee[rows, y])
    A0, A1 = pair(order[:, 0], order[:, 2]), pair(order[:, 1], order[:, 3])
    B0, B1 = pair(order[:, 0], order[:, 3]), pair(order[:, 1], order[:, 2])
    useA = np.abs(A0 - A1) <= np.abs(B0 - B1)
    u0, u1 = np.where(useA, A0, B0), np.where(useA, A1, B1)
    m_pi4e = np.where(better, m, m_pi4e); m_4e = np.where(better, m4, m_4e)
    lo = np.where(better, np.where(two, np.minimum(u0, u1), np.nan), lo); hi = np.where(better, np.where(two, np.maximum(u0, u1), np.nan), hi)

t_end = time.perf_counter()
print(json.dumps({"events": int(n), "cutflow": [int(c) for c in counts], "selected": len(ev), "sr": int(((m_pi4e > 484) & (m_pi4e < 504)).sum()),
                  "load_s": t_loaded - t_start, "compute_s": t_end - t_loaded, "total_s": t_end - t_start, "cpu_s": time.process_time() - c_start, "numpy": np.__version__}))
