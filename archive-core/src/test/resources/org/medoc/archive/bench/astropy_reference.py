"""Reference for IngestBench: what a single-threaded astropy script does with the same files.

For every FITS file of the directory (name order): SHA-256 of its bytes, open with astropy, decompress the first
image (tile-compressed images included) and take its 0.5 and 99.5 percentiles. Prints one line:
``files=<n> bytes=<total> seconds=<wall time> cpu=<CPU seconds of the process>``.

Run with Debian's interpreter: /usr/bin/python3 astropy_reference.py <directory>
"""
import hashlib
import os
import sys
import time

import numpy as np
from astropy.io import fits


def main(directory):
    names = sorted(n for n in os.listdir(directory) if n.endswith(".fits"))
    total = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for name in names:
        path = os.path.join(directory, name)
        with open(path, "rb") as f:
            data = f.read()
        total += len(data)
        hashlib.sha256(data).hexdigest()
        with fits.open(path, memmap=False) as hdus:
            image = next(h for h in hdus if h.data is not None and h.data.ndim >= 2)
            np.percentile(image.data, [0.5, 99.5])
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(f"files={len(names)} bytes={total} seconds={seconds:.3f} cpu={cpu:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
