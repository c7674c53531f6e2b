"""The raw columns exported by bench/selection-vs-numpy.bench.ts (manifest.json + one .bin per column),
read as numpy arrays: shared by the numpy selections (numpy_dump.py, numpy_kaon_pi4e.py)."""
import json
import numpy as np


def open_columns(folder):
    """The manifest, and col(name) reading one column with the dtype and length the manifest gives."""
    man = json.load(open(f"{folder}/manifest.json"))

    def col(name):
        m = man[name]
        return np.fromfile(f"{folder}/{name}.bin", dtype=m["dtype"], count=m["length"])

    return man, col


def track_columns(col):
    """The track columns both selections read: offsets, charge, momentum and position at STRAW1, time (float64)."""
    f = lambda name: col(name).astype(np.float64)
    return (col("tracks.offsets").astype(np.int64), col("tracks.charge"), f("tracks.px"), f("tracks.py"), f("tracks.pz"),
            f("tracks.x"), f("tracks.y"), f("tracks.time"))
