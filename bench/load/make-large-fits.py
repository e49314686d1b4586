#!/usr/bin/env python3
"""Writes large FITS images for the load test's bulk download: N files of 8192 x 8192 16-bit pixels (128 MiB each,
SOHO/EIT-like header, ORIGIN 'medoc load test'), as many as needed for the given number of gigabytes (10^9 bytes).
The pixels are pseudo-random; each file differs in DATE-OBS and its first pixels, so each has its own SHA-256
(medoc stores content once). Standard library only.

usage: make-large-fits.py <directory> <gigabytes>
"""
import math
import os
import random
import sys

SIDE = 8192
DATA_BYTES = SIDE * SIDE * 2


def card(key, value, comment=""):
    if isinstance(value, str):
        value = "'" + value.ljust(8) + "'"
        text = key.ljust(8) + "= " + value.ljust(20)
    elif isinstance(value, bool):
        text = key.ljust(8) + "= " + ("T" if value else "F").rjust(20)
    else:
        text = key.ljust(8) + "= " + str(value).rjust(20)
    if comment:
        text += " / " + comment
    return text.ljust(80)[:80]


def header(index):
    seconds = index * 12
    cards = [
        card("SIMPLE", True, "conforms to FITS standard"),
        card("BITPIX", 16, "array data type"),
        card("NAXIS", 2),
        card("NAXIS1", SIDE),
        card("NAXIS2", SIDE),
        card("DATE-OBS", "2004-03-01T%02d:%02d:%02d.000" % (seconds // 3600, seconds // 60 % 60, seconds % 60)),
        card("TELESCOP", "SOHO"),
        card("INSTRUME", "EIT"),
        card("WAVELNTH", 195),
        card("EXPTIME", 13.0),
        card("BUNIT", "counts / pixel"),
        card("ORIGIN", "medoc load test", "synthetic, not an observation"),
        "END".ljust(80),
    ]
    text = "".join(cards)
    return (text + " " * (-len(text) % 2880)).encode("ascii")


def main():
    directory, gigabytes = sys.argv[1], float(sys.argv[2])
    os.makedirs(directory, exist_ok=True)
    files = math.ceil(gigabytes * 1e9 / DATA_BYTES)
    rng = random.Random(2026)
    block = bytearray(rng.randbytes(DATA_BYTES))
    padding = b"\0" * (-DATA_BYTES % 2880)
    for index in range(files):
        path = os.path.join(directory, "load-%03d.fits" % index)
        if os.path.exists(path):
            continue
        block[0:8] = index.to_bytes(8, "big")
        with open(path + ".part", "wb") as out:
            out.write(header(index))
            out.write(block)
            out.write(padding)
        os.replace(path + ".part", path)
    print("%d files of %d MiB in %s" % (files, DATA_BYTES >> 20, directory))


if __name__ == "__main__":
    main()
