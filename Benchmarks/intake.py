#!/usr/bin/env python3
"""Intake benchmark: `feeds pull` of local feeds (time, peak memory) and
`add-item --fetch` against the plain `add-item`, side by side, in one run;
then reading itself beside Python's own readers, on the same bytes from the
same server in the same run: digest-fetch reading the 50 feeds beside
feedparser, and a page of character references (2.5 and 5 MB) beside
Python's html.parser.

Feeds and pages come from the tests' fixture server on 127.0.0.1
(Tests/DigestLinkCheckTests/Fixtures/link_server.py), so the figures measure
digest and digest-fetch, not a network.

usage: Benchmarks/intake.py --digest PATH [--fetch PATH] [--feeds 50] [--entries 50] [--runs 5] [--commands 21]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "Tests", "DigestLinkCheckTests", "Fixtures", "link_server.py")


def run(command, env, check=True, measure_memory=False):
    """Wall seconds, the peak RSS in MB of the largest process the command ran
    (digest or its digest-fetch, through GNU time) when asked, and the result."""
    peak = None
    if measure_memory:
        report = tempfile.NamedTemporaryFile(delete=False)
        report.close()
        command = ["/usr/bin/time", "-f", "%M", "-o", report.name] + command
    started = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if measure_memory:
        with open(report.name) as handle:
            peak = int(handle.read().split()[-1]) / 1024
        os.remove(report.name)
    if check and result.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(command), result.stderr.decode()))
    return elapsed, peak, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--digest", required=True)
    parser.add_argument("--fetch", help="digest-fetch (default: beside digest)")
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--commands", type=int, default=21)
    options = parser.parse_args()
    digest = os.path.abspath(options.digest)

    server = subprocess.Popen([sys.executable, SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    port = int(server.stdout.readline())
    base = "http://127.0.0.1:%d" % port
    work = tempfile.mkdtemp(prefix="digest-intake-bench-")
    env = dict(os.environ, DIGEST_USER="bench")
    env.pop("SOURCE_DATE_EPOCH", None)

    def fresh(name):
        path = os.path.join(work, name)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        local = dict(env, DIGEST_DB=path)
        run([digest, "init", "--publication", "Bench"], local)
        run([digest, "config", "fetch.allow-private", "on"], local)
        return local

    try:
        first, second, peaks = [], [], []
        for attempt in range(options.runs):
            local = fresh("pull.sqlite")
            for number in range(1, options.feeds + 1):
                run([digest, "feeds", "add", "%s/generated/%d?entries=%d" % (base, number, options.entries),
                     "--name", "Feed %d" % number], local)
            elapsed, peak, result = run([digest, "feeds", "pull"], local, measure_memory=True)
            first.append(elapsed)
            peaks.append(peak)
            last_line = result.stdout.decode().strip().splitlines()[-2]
            elapsed, _, _ = run([digest, "feeds", "pull"], local)
            second.append(elapsed)

        local = fresh("add.sqlite")
        run([digest, "draft", "--date", "2026-11-23"], local)
        plain, fetched = [], []
        for index in range(options.commands):
            elapsed, _, _ = run([digest, "add-item", "1", "--title", "Night ferries return", "--url",
                                 "https://harbour-life.example/plain/%d" % index, "--source", "Harbour Life",
                                 "--date", "2026-11-19", "--excerpt", "After two winters without them."], local)
            plain.append(elapsed)
            elapsed, _, _ = run([digest, "add-item", "1", "--fetch", "%s/fixture/wordpress-post.html?n=%d" % (base, index),
                                 "--url", "https://harbour-life.example/fetched/%d" % index], local)
            fetched.append(elapsed)

        # Reading beside Python's readers: the same bytes, the same server, this run.
        fetch = os.path.abspath(options.fetch or os.path.join(os.path.dirname(digest), "digest-fetch"))
        feed_urls = ["%s/generated/%d?entries=%d" % (base, number, options.entries) for number in range(1, options.feeds + 1)]
        questions = "".join(json.dumps({"id": i, "url": url}) + "\n" for i, url in enumerate(feed_urls))
        ours_feeds, theirs_feeds, theirs_parse_only = [], [], []
        import feedparser
        bodies = [urllib.request.urlopen(url).read() for url in feed_urls]
        for attempt in range(options.runs):
            started = time.perf_counter()
            result = subprocess.run([fetch, "feeds", "--allow-private"], input=questions.encode(), capture_output=True, check=True)
            ours_feeds.append(time.perf_counter() - started)
            read = sum(len(json.loads(line).get("entries", [])) for line in result.stdout.decode().splitlines())
            started = time.perf_counter()
            theirs_read = sum(len(feedparser.parse(url).entries) for url in feed_urls)
            theirs_feeds.append(time.perf_counter() - started)
            started = time.perf_counter()
            for body in bodies:
                feedparser.parse(body)
            theirs_parse_only.append(time.perf_counter() - started)
        pages = {}
        for size in (2_500_000, 5_000_000):
            url = "%s/references?size=%d" % (base, size)
            body = urllib.request.urlopen(url).read()
            ours, theirs = [], []
            for attempt in range(options.runs):
                started = time.perf_counter()
                subprocess.run([fetch, "page", url, "--allow-private", "--max-bytes", "10000000"], capture_output=True, check=True)
                ours.append(time.perf_counter() - started)
                started = time.perf_counter()
                reader = HTMLParser(convert_charrefs=True)
                reader.feed(body.decode("utf-8"))
                reader.close()
                theirs.append(time.perf_counter() - started)
            pages[size] = (statistics.median(ours), statistics.median(theirs), len(body))
    finally:
        server.stdin.close()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

    total = options.feeds * options.entries
    print("intake benchmark: %d local feeds x %d entries; median of %d pulls and of %d commands\n"
          % (options.feeds, options.entries, options.runs, options.commands))
    print("| benchmark | median wall s | peak RSS MB | note |")
    print("|---|--:|--:|---|")
    print("| feeds pull, first (%d feeds, %d entries → candidates) | %.3f | %.1f | %s |"
          % (options.feeds, total, statistics.median(first), max(peaks), last_line))
    print("| feeds pull, again (every feed answers 304) | %.3f |  | 0 new |" % statistics.median(second))
    print()
    print("| command (whole process) | median ms |")
    print("|---|--:|")
    print("| digest add-item (typed fields) | %.2f |" % (statistics.median(plain) * 1000))
    print("| digest add-item --fetch (local page, digest-fetch included) | %.2f |" % (statistics.median(fetched) * 1000))
    print("| difference: the fetch | %.2f |" % ((statistics.median(fetched) - statistics.median(plain)) * 1000))
    print()
    print("| reading, median of %d | digest-fetch s | Python s | Python reader |" % options.runs)
    print("|---|--:|--:|---|")
    print("| %d feeds x %d entries, over HTTP (%d and %d entries read) | %.3f | %.3f | feedparser %s, parse(url) one after another |"
          % (options.feeds, options.entries, read, theirs_read, statistics.median(ours_feeds), statistics.median(theirs_feeds),
             feedparser.__version__))
    print("| the same feeds, parsing only (bytes already read) | | %.3f | feedparser |" % statistics.median(theirs_parse_only))
    for size, (ours, theirs, length) in pages.items():
        print("| a page of character references, %.1f MB, over HTTP | %.3f | %.3f | html.parser (parse only) |"
              % (length / 1e6, ours, theirs))


if __name__ == "__main__":
    main()
