"""A local HTTP server that gives digest-links every answer a real link can give.

Listens on 127.0.0.1 at a port the system picks and prints that port on its
first stdout line. It exits when its stdin reaches end of file, so a test
runner that dies without stopping it does not leave it behind.

Paths:
  /ok                    200
  /chain/N               301 to /chain/N-1 ... /chain/1 301 to /ok (N hops)
  /found                 302 to /ok
  /see-other             303 to /ok
  /temporary             307 to /ok
  /permanent             308 to /ok
  /mixed                 301 to /mixed/next, which is 302 to /ok
  /loop/a, /loop/b       302 to each other
  /not-found             404
  /server-error          500
  /head-refused          405 on HEAD, 200 on GET
  /head-not-found        404 on HEAD, 200 on GET
  /head-refused-big      405 on HEAD; on GET 200, then a body that trickles for 30 s
  /dir/relative          302 to "../ok" (a relative Location)
  /to-ftp                302 to ftp://127.0.0.1/file.txt
  /no-location           302 without a Location header
  /redirect-to?location=L  302 to L, whatever it is
  /slow?seconds=S        waits S seconds (default 5), then 200
  /hold?ms=M             waits M milliseconds, then 200
  /fixture/NAME          the file intake/NAME, typed by its name (.html, .xml, .json, .opml);
                         with ?conditional=1 it carries an ETag and Last-Modified and
                         answers 304 to a request that sends either back
  /gzip/NAME             the same file, gzip-compressed (Content-Encoding: gzip)
  /big                   50 MB of HTML, generated as it is sent, no Content-Length
  /big?declared=1        the same with its Content-Length
  /bomb?type=T           gzip that inflates to 3 GB of zeros (about 3 MB sent), typed T
                         (default text/html); HEAD is refused, so a link check must GET it
  /binary                a PNG image
  /generated/N?entries=M an RSS feed "Feed N" with M entries (conditional, as above)
  /encoded/CODEC/LABEL?text=T&where=W
                         a page (or, with where=xml, an RSS feed) whose title is T,
                         encoded by Python's codec CODEC and declared as LABEL in the
                         Content-Type header (where=header), a <meta charset> (meta) or
                         the XML declaration (xml)
  /encoded/invalid       a page declared shift_jis whose bytes are not Shift_JIS
  /references?size=N     a page of about N bytes, most of it character references
  /deep?levels=N         an RSS feed whose one item's description nests N elements deep
  /utf32                 an RSS feed in UTF-32 (little-endian, with its byte-order mark)
  /stats                 {"requests", "max_in_flight", "methods", "with_cookie", "user_agents"}
  /stats/reset           sets the counters to zero
"""

import gzip
import json
import os
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Counters:
    lock = threading.Lock()
    requests = 0
    in_flight = 0
    max_in_flight = 0
    methods = {}
    with_cookie = 0
    user_agents = set()

    @classmethod
    def enter(cls, method, headers):
        with cls.lock:
            cls.requests += 1
            if headers.get("Cookie") is not None:
                cls.with_cookie += 1
            cls.user_agents.add(headers.get("User-Agent", ""))
            cls.in_flight += 1
            cls.max_in_flight = max(cls.max_in_flight, cls.in_flight)
            cls.methods[method] = cls.methods.get(method, 0) + 1

    @classmethod
    def leave(cls):
        with cls.lock:
            cls.in_flight -= 1

    @classmethod
    def snapshot(cls):
        with cls.lock:
            return {
                "requests": cls.requests,
                "max_in_flight": cls.max_in_flight,
                "methods": dict(cls.methods),
                "with_cookie": cls.with_cookie,
                "user_agents": sorted(cls.user_agents),
            }

    @classmethod
    def reset(cls):
        with cls.lock:
            cls.requests = 0
            cls.max_in_flight = cls.in_flight
            cls.methods = {}
            cls.with_cookie = 0
            cls.user_agents = set()


REDIRECTS = {
    "/found": (302, "/ok"),
    "/see-other": (303, "/ok"),
    "/temporary": (307, "/ok"),
    "/permanent": (308, "/ok"),
    "/mixed": (301, "/mixed/next"),
    "/mixed/next": (302, "/ok"),
    "/loop/a": (302, "/loop/b"),
    "/loop/b": (302, "/loop/a"),
    "/dir/relative": (302, "../ok"),
    "/to-ftp": (302, "ftp://127.0.0.1/file.txt"),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "link-server/1.0"

    def log_message(self, format, *args):
        pass

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, head):
        parts = urlsplit(self.path)
        path = parts.path
        query = parse_qs(parts.query)
        if path == "/stats":
            return self.send(200, json.dumps(Counters.snapshot()), head, "application/json")
        if path == "/stats/reset":
            Counters.reset()
            return self.send(200, "reset\n", head)
        Counters.enter("HEAD" if head else "GET", self.headers)
        try:
            self.route(path, query, head)
        finally:
            Counters.leave()

    def route(self, path, query, head):
        if path.startswith("/fixture/") or path.startswith("/gzip/"):
            name = os.path.basename(path)
            try:
                with open(os.path.join(FIXTURES, name), "rb") as handle:
                    body = handle.read()
            except OSError:
                return self.send(404, "no such fixture\n", head)
            if path.startswith("/gzip/"):
                return self.send_bytes(200, gzip.compress(body), fixture_type(name), head, {"Content-Encoding": "gzip"})
            return self.conditional(body, fixture_type(name), query, head)
        if path == "/deep":
            levels = int(query.get("levels", ["50000"])[0])
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>Deep</title>'
                    "<link>https://deep.example/</link><description>" + "<div>" * levels + "x" + "</div>" * levels
                    + "</description></item></channel></rss>\n")
            return self.send_bytes(200, body.encode("utf-8"), "application/rss+xml", head)
        if path == "/utf32":
            body = ('<?xml version="1.0" encoding="UTF-32"?><rss version="2.0"><channel><title>Wide</title><item>'
                    "<title>Wide</title><link>https://wide.example/</link></item></channel></rss>\n")
            return self.send_bytes(200, body.encode("utf-32"), "application/rss+xml", head)
        if path == "/references":
            size = int(query.get("size", ["5000000"])[0])
            run = "Caf&eacute; &amp; quay &#8217;s &#x2014; "
            body = ("<!DOCTYPE html><html><head><title>Character references</title>"
                    '<meta name="description" content="A page made of references."></head><body><p>'
                    + run * (size // len(run)) + "</p></body></html>\n")
            return self.send_bytes(200, body.encode("utf-8"), "text/html; charset=utf-8", head)
        if path == "/encoded/invalid":
            body = b"<html><head><title>Harbour \x81\x20\xff\xff news</title></head><body></body></html>"
            return self.send_bytes(200, body, "text/html; charset=shift_jis", head)
        if path.startswith("/encoded/"):
            codec, label = path[len("/encoded/"):].split("/", 1)
            return self.encoded(codec, label, query["text"][0], query.get("where", ["header"])[0], head)
        if path.startswith("/generated/"):
            number = int(path[len("/generated/"):])
            entries = int(query.get("entries", ["10"])[0])
            body = generated_feed(number, entries).encode("utf-8")
            return self.conditional(body, "application/rss+xml; charset=utf-8", {"conditional": ["1"]}, head)
        if path == "/big":
            return self.big(declared="declared" in query, head=head)
        if path == "/bomb":
            if head:
                return self.send(405, "get only\n", head)
            return self.bomb(query.get("type", ["text/html; charset=utf-8"])[0])
        if path == "/binary":
            png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
            return self.send_bytes(200, png, "image/png", head)
        if path == "/ok":
            return self.send(200, "ok\n", head)
        if path.startswith("/chain/"):
            hops = int(path[len("/chain/"):])
            target = "/ok" if hops <= 1 else "/chain/%d" % (hops - 1)
            return self.redirect(301, target, head)
        if path in REDIRECTS:
            status, target = REDIRECTS[path]
            return self.redirect(status, target, head)
        if path == "/redirect-to":
            return self.redirect(302, query["location"][0], head)
        if path == "/no-location":
            return self.send(302, "nowhere\n", head)
        if path == "/not-found":
            return self.send(404, "not found\n", head)
        if path == "/server-error":
            return self.send(500, "broken\n", head)
        if path == "/head-refused":
            return self.send(405 if head else 200, "get only\n", head)
        if path == "/head-not-found":
            return self.send(404 if head else 200, "get only\n", head)
        if path == "/head-refused-big":
            if head:
                return self.send(405, "get only\n", head)
            return self.trickle()
        if path == "/slow":
            seconds = float(query.get("seconds", ["5"])[0])
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                time.sleep(0.05)
            return self.send(200, "slow\n", head)
        if path == "/hold":
            time.sleep(float(query.get("ms", ["50"])[0]) / 1000)
            return self.send(200, "held\n", head)
        return self.send(404, "no such path\n", head)

    def redirect(self, status, target, head):
        self.send(status, "see %s\n" % target, head, extra={"Location": target})

    def send(self, status, body, head, content_type="text/plain", extra=None):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type + "; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Set-Cookie", "visited=%d; Path=/" % time.time_ns())
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def encoded(self, codec, label, text, where, head):
        if where == "xml":
            body = ('<?xml version="1.0" encoding="%s"?>\n<rss version="2.0"><channel><title>%s</title>'
                    '<item><title>%s</title><link>http://127.0.0.1/item/%s</link>'
                    '<description>%s, told in its own script.</description>'
                    '<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>\n'
                    % (label, text, text, label, text))
            return self.send_bytes(200, body.encode(codec), "application/rss+xml", head)
        meta = '<meta charset="%s">' % label if where == "meta" else ""
        body = ('<!DOCTYPE html><html><head>%s<title>%s</title>'
                '<meta name="description" content="%s, told in its own script.">'
                '<meta property="og:site_name" content="%s"></head><body><p>%s</p></body></html>\n'
                % (meta, text, text, text, text))
        content_type = "text/html; charset=%s" % label if where == "header" else "text/html"
        return self.send_bytes(200, body.encode(codec), content_type, head)

    def send_bytes(self, status, body, content_type, head, extra=None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def conditional(self, body, content_type, query, head):
        if "conditional" not in query:
            return self.send_bytes(200, body, content_type, head)
        etag = '"v%d"' % (sum(body) % 100000)
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            self.send_response(304)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            return
        return self.send_bytes(200, body, content_type, head, headers)

    def big(self, declared, head):
        total = 50 * 1024 * 1024
        chunk = (b"<p>" + b"harbour " * 127 + b"</p>\n")[:1024]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declared:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if head:
            return
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def bomb(self, content_type):
        """Compressed as it is sent, a megabyte of zeros at a time, until 3 GB or a closed connection."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(1024 * 1024)
        try:
            for _ in range(3 * 1024):
                piece = compressor.compress(zeros)
                if piece:
                    self.wfile.write(piece)
            self.wfile.write(compressor.flush())
        except (BrokenPipeError, ConnectionResetError):
            pass

    def trickle(self):
        chunk = b"x" * 1024
        seconds = 30
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(chunk) * seconds * 10))
        self.end_headers()
        self.wfile.flush()
        for _ in range(seconds * 10):
            self.wfile.write(chunk)
            self.wfile.flush()
            time.sleep(0.1)


FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "intake")
LAST_MODIFIED = "Fri, 20 Nov 2026 08:00:00 GMT"
TYPES = {
    "windows-1252.html": "text/html; charset=windows-1252",
    "meta-charset-1252.html": "text/html",
    "atom.xml": "application/atom+xml",
    "rdf.xml": "application/rdf+xml",
    "feed.json": "application/feed+json",
}


def fixture_type(name):
    if name in TYPES:
        return TYPES[name]
    if name.endswith(".html"):
        return "text/html; charset=utf-8"
    if name.endswith(".json"):
        return "application/json"
    return "application/rss+xml; charset=utf-8" if name.endswith(".xml") else "text/xml"


def generated_feed(number, entries):
    items = []
    for index in range(entries):
        items.append(
            "<item><title>Entry %d of feed %d</title>"
            "<link>https://feed-%d.example/entries/%d</link><guid>feed-%d-entry-%d</guid>"
            "<dc:creator>Writer %d</dc:creator><pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate>"
            "<description><![CDATA[<p>Entry %d of feed %d says what happened on the quay, "
            "with <em>some</em> markup &amp; an entity, and enough words to make an excerpt.</p>]]></description></item>"
            % (index + 1, number, number, index + 1, number, index + 1, index % 7, index + 1, number))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<channel><title>Feed %d</title><link>https://feed-%d.example/</link>%s</channel></rss>\n"
            % (number, number, "".join(items)))


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients hang up on purpose (timeouts, a GET cancelled after its
        # headers): that is the point of several paths, not an error.
        pass


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
