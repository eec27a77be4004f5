#!/usr/bin/env python3
"""Intake benchmark: `feeds pull` of local feeds (time, peak memory) and
`add-item --fetch` against the plain `add-item`, side by side, in one run.

Feeds and pages come from the tests' fixture server on 127.0.0.1
(Tests/DigestLinkCheckTests/Fixtures/link_server.py), so the figures measure
digest and digest-fetch, not a network.

usage: Benchmarks/intake.py --digest PATH [--feeds 50] [--entries 50] [--runs 5] [--commands 21]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

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


if __name__ == "__main__":
    main()
