"""A small local stand-in for a medoc file server: serves given bytes with Range support, can corrupt them, answer
503 a few times first, or cut a transfer short; records every request's Range header."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StandIn:
    def __init__(self, files: dict[str, bytes]):
        self.files = dict(files)
        self.corrupt: set[str] = set()
        self.busy_answers = 0
        self.cut_after: dict[str, int] = {}
        self.ranges: list[tuple[str, str | None]] = []
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                standin.ranges.append((name, self.headers.get("Range")))
                if standin.busy_answers > 0:
                    standin.busy_answers -= 1
                    self.send_response(503)
                    self.send_header("Retry-After", "0")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = standin.files.get(name)
                if body is None:
                    problem = b'{"title":"Not found","status":404,"detail":"no file ' + name.encode() + b'"}'
                    self.send_response(404)
                    self.send_header("Content-Type", "application/problem+json")
                    self.send_header("Content-Length", str(len(problem)))
                    self.end_headers()
                    self.wfile.write(problem)
                    return
                if name in standin.corrupt:
                    body = bytes([body[0] ^ 0xFF]) + body[1:]
                start, status = 0, 200
                requested = self.headers.get("Range")
                if requested and requested.startswith("bytes="):
                    start, status = int(requested[6:].split("-")[0]), 206
                payload = body[start:]
                self.send_response(status)
                self.send_header("Content-Type", "application/fits")
                self.send_header("Content-Disposition", f'attachment; filename="{name}"')
                self.send_header("Accept-Ranges", "bytes")
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                cut = standin.cut_after.pop(name, None)
                if cut is not None:
                    self.wfile.write(payload[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def row(self, name: str) -> dict:
        """A search-result row for one of the files (as MedocClient.download reads it)."""
        body = self.files[name]
        return {"id": 1, "filename": name, "url": f"{self.url}/files/{name}", "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest()}

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
