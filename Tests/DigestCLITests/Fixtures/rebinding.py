"""A DNS-rebinding attack, played inside network and mount namespaces of
its own (run it under `unshare --mount --net`): nothing outside them is
touched, and all traffic stays on this namespace's loopback device.

- 198.51.100.7 stands for a public site (a documentation address, put on
  the namespace's loopback device); 127.0.0.1 is the host's own network.
- A resolver on 127.0.0.1:53 answers `rebind.test` with 198.51.100.7 and
  127.0.0.1 in turn, with a TTL of 0, as an attacker's name server would;
  /etc/resolv.conf is bind-mounted, for this namespace only, to point at it.
- A server on each address counts the requests it gets.

Then it runs each command given after `--` (with `{url}` replaced)
`--runs` times and prints one JSON object: the requests each server got,
the queries the resolver answered, and each run's exit status.

Usage: rebinding.py --runs N --folder DIR -- COMMAND [ARGS...]
"""

import argparse
import http.server
import json
import os
import socket
import struct
import subprocess
import sys
import threading

PUBLIC = "198.51.100.7"
INTERNAL = "127.0.0.1"
NAME = "rebind.test"

counts = {"public": 0, "internal": 0, "queries": 0, "answered_internal": 0}
lock = threading.Lock()


def handler(kind):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            with lock:
                counts[kind] += 1
            body = ("<html><head><title>%s page</title></head><body><p>%s</p></body></html>"
                    % (kind, "Written for the rebinding test.")).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_HEAD = do_GET

        def log_message(self, *args):
            pass
    return Handler


def serve_http(address, kind):
    server = http.server.ThreadingHTTPServer((address, 80), handler(kind))
    threading.Thread(target=server.serve_forever, daemon=True).start()


def serve_dns():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((INTERNAL, 53))
    turn = [0]

    def loop():
        while True:
            query, peer = sock.recvfrom(512)
            ident, flags, qdcount = struct.unpack("!HHH", query[:6])
            offset, labels = 12, []
            while query[offset] != 0:
                length = query[offset]
                labels.append(query[offset + 1:offset + 1 + length].decode("ascii", "replace"))
                offset += 1 + length
            qtype, qclass = struct.unpack("!HH", query[offset + 1:offset + 5])
            question = query[12:offset + 5]
            name = ".".join(labels).lower()
            answers = b""
            rcode = 0
            if name != NAME:
                rcode = 3
            elif qtype == 1:
                with lock:
                    counts["queries"] += 1
                    address = PUBLIC if turn[0] % 2 == 0 else INTERNAL
                    if address == INTERNAL:
                        counts["answered_internal"] += 1
                    turn[0] += 1
                answers = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 0, 4) + socket.inet_aton(address)
            header = struct.pack("!HHHHHH", ident, 0x8180 | rcode, 1, 1 if answers else 0, 0, 0)
            sock.sendto(header + question + answers, peer)
    threading.Thread(target=loop, daemon=True).start()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command

    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    subprocess.run(["ip", "addr", "add", PUBLIC + "/32", "dev", "lo"], check=True)
    resolv = os.path.join(options.folder, "resolv.conf")
    with open(resolv, "w") as handle:
        handle.write("nameserver %s\noptions attempts:1 timeout:2\n" % INTERNAL)
    subprocess.run(["mount", "--bind", resolv, "/etc/resolv.conf"], check=True)

    serve_http(PUBLIC, "public")
    serve_http(INTERNAL, "internal")
    serve_dns()

    statuses = []
    outputs = []
    for _ in range(options.runs):
        run = subprocess.run([part.replace("{url}", "http://%s/" % NAME) for part in command],
                             capture_output=True, text=True, timeout=60)
        statuses.append(run.returncode)
        outputs.append(run.stdout.strip()[:300])
    with lock:
        result = dict(counts)
    result["statuses"] = statuses
    result["outputs"] = outputs
    print(json.dumps(result))


if __name__ == "__main__":
    main()
