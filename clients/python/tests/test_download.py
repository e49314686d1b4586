"""Downloads: SHA-256 of every file, resume of partial files, retries with back-off, and a clear report of failures."""

import hashlib
from pathlib import Path

import pytest

from medoc_client import ChecksumMismatch, DownloadError, MedocClient

from standin import StandIn


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_hourly_171_day_downloads_verified_in_parallel(medoc, demo_day, tmp_path):
    table = medoc.search(f"{demo_day}", f"{demo_day}", instrument="AIA", wavelength=171, cadence=3600)
    paths = medoc.download(table, tmp_path, parallel=2, progress=False)
    assert [p.name for p in paths] == list(table["filename"])
    assert [sha256(p) for p in paths] == list(table["sha256"])
    assert [p.stat().st_size for p in paths] == [int(s) for s in table["size"].value]
    assert not list(tmp_path.glob("*.part"))


def test_a_truncated_download_resumes_from_where_it_stopped(medoc, demo_day, tmp_path):
    row = medoc.search(f"{demo_day}", f"{demo_day}", instrument="AIA", wavelength=94, limit=1)[0]
    whole = medoc.download(row, tmp_path / "whole", progress=False)[0].read_bytes()
    part = tmp_path / "resumed" / (row["filename"] + ".part")
    part.parent.mkdir()
    part.write_bytes(whole[: len(whole) // 3])  # an interrupted download leaves its first third
    resumed = medoc.download(row, part.parent, progress=False)[0]
    assert resumed.read_bytes() == whole and not part.exists()


@pytest.mark.offline
def test_resume_asks_only_for_the_missing_bytes(tmp_path):
    body = bytes(range(256)) * 400
    with StandIn({"a.fits": body}) as server:
        client = MedocClient(server.url, backoff=0.01)
        (tmp_path / "a.fits.part").write_bytes(body[:1000])
        path = client.download([server.row("a.fits")], tmp_path, progress=False)[0]
    assert path.read_bytes() == body
    assert server.ranges == [("a.fits", "bytes=1000-")]


@pytest.mark.offline
def test_a_transfer_cut_short_is_resumed_by_the_retry(tmp_path):
    body = b"x" * 50_000 + b"y" * 50_000
    with StandIn({"cut.fits": body}) as server:
        server.cut_after["cut.fits"] = 30_000
        client = MedocClient(server.url, backoff=0.01)
        path = client.download([server.row("cut.fits")], tmp_path, progress=False)[0]
    assert path.read_bytes() == body
    assert server.ranges[0] == ("cut.fits", None) and server.ranges[-1] == ("cut.fits", "bytes=30000-")


@pytest.mark.offline
def test_busy_answers_are_retried_with_back_off(tmp_path):
    with StandIn({"busy.fits": b"data" * 100}) as server:
        server.busy_answers = 2
        client = MedocClient(server.url, backoff=0.01)
        path = client.download([server.row("busy.fits")], tmp_path, progress=False)[0]
    assert path.read_bytes() == b"data" * 100 and len(server.ranges) == 3


@pytest.mark.offline
def test_a_corrupted_file_is_deleted_and_listed_while_the_others_are_kept(tmp_path):
    files = {"good.fits": b"g" * 5000, "bad.fits": b"b" * 5000, "gone.fits": b"n" * 10}
    with StandIn(files) as server:
        server.corrupt.add("bad.fits")
        rows = [server.row(name) for name in files]
        del server.files["gone.fits"]
        client = MedocClient(server.url, backoff=0.01)
        with pytest.raises(DownloadError) as failed:
            client.download(rows, tmp_path, progress=False)
    error = failed.value
    assert [p.name for p in error.downloaded] == ["good.fits"]
    assert {f.name for f in error.failed} == {"bad.fits", "gone.fits"}
    bad = next(f for f in error.failed if f.name == "bad.fits")
    assert "differs from the catalogue's" in bad.reason and "deleted" in bad.reason
    assert "HTTP 404" in next(f for f in error.failed if f.name == "gone.fits").reason
    assert "2 of 3 files failed" in str(error) and "bad.fits" in str(error) and "gone.fits" in str(error)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.fits"]  # nothing corrupted or partial is left


@pytest.mark.offline
def test_a_checksum_mismatch_names_both_checksums(tmp_path):
    error = ChecksumMismatch(tmp_path / "x.fits", "a" * 64, "b" * 64)
    assert "x.fits" in str(error) and "a" * 64 in str(error) and "b" * 64 in str(error)


def test_a_file_already_there_and_verified_is_not_fetched_again(medoc, demo_day, tmp_path):
    row = medoc.search(f"{demo_day}", f"{demo_day}", instrument="AIA", wavelength=335, limit=1)[0]
    first = medoc.download(row, tmp_path, progress=False)[0]
    stamp = first.stat().st_mtime_ns
    again = medoc.download(row, tmp_path, progress=False)[0]
    assert again == first and again.stat().st_mtime_ns == stamp
