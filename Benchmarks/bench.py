#!/usr/bin/env python3
"""digest on a ten-year archive (520 weekly issues x 40 items), measured
against the sqlite3 shell on the same rows and machine, in one run.

Prints a Markdown table: medians of several runs, peak memory, and the
ratios the performance targets are stated in.
"""
import argparse, os, re, resource, shutil, statistics, subprocess, sys, tempfile, time

PLAIN_SCHEMA = """
CREATE TABLE issues(number INTEGER PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE items(id INTEGER PRIMARY KEY, issue INTEGER NOT NULL REFERENCES issues(number),
  position INTEGER NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, source TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '', date TEXT NOT NULL, excerpt TEXT NOT NULL, UNIQUE(issue, position));
CREATE VIRTUAL TABLE items_fts USING fts5(title, excerpt, author, source,
  content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
"""


def run(command, env, cwd, stdin=None):
    """Runs a command; returns (seconds, peak RSS in MB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    source = open(stdin, "rb") if stdin else subprocess.DEVNULL
    try:
        result = subprocess.run(command, env=env, cwd=cwd, stdin=source,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    finally:
        if stdin:
            source.close()
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr.decode()}")
    # ru_maxrss of children is the largest of any child so far, so it is
    # only a bound; peaks in the table come from GNU time (peak_rss).
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(after, before) / 1024


def median_of(runs, setup, command, env, cwd, stdin=None):
    times, peaks = [], []
    for _ in range(runs):
        setup()
        # Start each run with no dirty pages waiting: writeback left over from
        # the previous run would otherwise land in this one's time.
        os.sync()
        seconds, peak = run(command, env, cwd, stdin)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def peak_rss(command, env, cwd):
    """Peak RSS of one run, measured by GNU time when present."""
    if not shutil.which("time") and not os.path.exists("/usr/bin/time"):
        return None
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    match = re.search(rb"(\d+)\s*$", result.stderr)
    return int(match.group(1)) / 1024 if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digest", required=True)
    parser.add_argument("--issues", type=int, default=520)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--interactive-runs", type=int, default=31)
    args = parser.parse_args()
    digest = os.path.abspath(args.digest)
    here = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="digest-bench-")
    archive = os.path.join(work, "archive")
    subprocess.run([sys.executable, os.path.join(here, "gen_archive.py"), "--issues", str(args.issues),
                    "--items", str(args.items), "--out", archive], check=True, stdout=subprocess.DEVNULL)
    jsonl = os.path.join(archive, "items.jsonl")
    n_items = args.issues * args.items
    database = os.path.join(work, "digest.sqlite")
    env = dict(os.environ, DIGEST_DB=database, DIGEST_USER="bench")
    env.pop("SOURCE_DATE_EPOCH", None)
    rows = []

    def fresh_database():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
        subprocess.run([digest, "init", "--publication", "Bench Weekly", "--email", "editors@bench.example",
                        "--list-address", "readers@bench.example"], env=env, check=True, stdout=subprocess.DEVNULL)

    # The peer: the sqlite3 shell's best bulk load of the same rows.
    bulk = os.path.join(work, "bulk.sql")
    with open(bulk, "w", encoding="utf-8") as out, open(os.path.join(archive, "items.sql"), encoding="utf-8") as sql:
        out.write(PLAIN_SCHEMA + "BEGIN;\n")
        shutil.copyfileobj(sql, out)
        out.write("INSERT INTO items_fts(items_fts) VALUES('rebuild');\nCOMMIT;\n")
    peer_db = os.path.join(work, "peer.sqlite")

    def fresh_peer():
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(peer_db + suffix):
                os.remove(peer_db + suffix)

    sqlite_seconds, _ = median_of(args.runs, fresh_peer, ["sqlite3", peer_db], env, work, stdin=bulk)
    fresh_peer()
    sqlite_peak = peak_rss(["sh", "-c", f"sqlite3 '{peer_db}' < '{bulk}'"], env, work)
    rows.append(("sqlite3 shell: 1 transaction, then FTS5 'rebuild' (peer)", n_items, sqlite_seconds, sqlite_peak, ""))

    import_seconds, _ = median_of(args.runs, fresh_database, [digest, "import", jsonl, "--published", "--quiet"], env, work)
    fresh_database()
    import_peak = peak_rss([digest, "import", jsonl, "--published", "--quiet"], env, work)
    rows.append(("digest import --published (items, revisions, FTS, 4 renders per issue)", n_items, import_seconds,
                 import_peak, f"{import_seconds / sqlite_seconds:.2f}x the sqlite3 load (target ≤ 2x)"))

    # Each export goes to a folder of its own: deleting thousands of files
    # just before writing thousands more makes ext4 search for inodes it may
    # reuse, which would time the file system rather than the export.
    exports = [0]
    def next_site():
        exports[0] += 1
        return os.path.join(work, f"site-{exports[0]}")
    export_times = []
    for _ in range(args.runs):
        os.sync()
        export_times.append(run([digest, "export", "--out", next_site(), "--quiet"], env, work)[0])
    export_seconds = statistics.median(export_times)
    site = next_site()
    export_peak = peak_rss([digest, "export", "--out", site, "--quiet"], env, work)
    files = sum(len(names) for _, _, names in os.walk(site))
    size = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(site) for name in names)
    note = ""
    if shutil.which("hugo"):
        # The peer: hugo building the same archive (theme-less layouts in
        # Benchmarks/hugo), on the same file system in the same state.
        hugo_site = os.path.join(archive, "site")
        shutil.copytree(os.path.join(here, "hugo"), hugo_site, dirs_exist_ok=True)
        hugo_env = dict(env, HUGO_CACHEDIR=os.path.join(work, "hugo-cache"))
        hugo_times = []
        for index in range(args.runs):
            os.sync()
            hugo_times.append(run(["hugo", "--quiet", "-s", hugo_site, "-d", os.path.join(work, f"public-{index}")],
                                  hugo_env, work)[0])
        hugo_seconds = statistics.median(hugo_times)
        hugo_peak = peak_rss(["hugo", "--quiet", "-s", hugo_site, "-d", os.path.join(work, "public-peak")], hugo_env, work)
        rows.append(("hugo build of the same archive (peer: 520 pages + lists)", n_items, hugo_seconds, hugo_peak, ""))
        note = f"{export_seconds / hugo_seconds:.2f}x hugo's time (target ≤ 0.5x)"
    rows.append((f"digest export --out DIR ({files} files, {size / 1e6:.0f} MB)", n_items, export_seconds, export_peak, note))
    again_seconds, _ = median_of(args.runs, lambda: None, [digest, "export", "--out", site, "--quiet"], env, work)
    rows.append(("digest export again (nothing changed: nothing written)", n_items, again_seconds, None, ""))

    size_bytes = os.path.getsize(database)
    # Interactive commands, each a whole process, on the full archive.
    middle = args.issues // 2
    subprocess.run([digest, "draft", "--date", "2026-11-23", "--quiet"], env=env, check=True)
    draft = args.issues + 1
    interactive = [
        ("list", ["list"]), ("show one issue", ["show", str(middle)]),
        ("render markdown", ["render", str(middle), "--format", "markdown"]),
        ("render html", ["render", str(middle), "--format", "html"]),
        ("render text", ["render", str(middle), "--format", "text"]),
        ("render email", ["render", str(middle), "--format", "email"]),
        ("render a draft live (text)", ["render", str(draft), "--format", "text"]),
        ("search (common word)", ["search", "sqlite"]), ("search (phrase)", ["search", "gentle introduction"]),
        ("history", ["history", str(middle)]),
    ]
    startup = statistics.median(run(["/bin/true"], env, work)[0] for _ in range(args.interactive_runs))
    version = statistics.median(run([digest, "--version"], env, work)[0] for _ in range(args.interactive_runs))
    command_rows = [("process start-up floor (/bin/true)", startup), ("digest --version (start-up)", version)]
    for name, command in interactive:
        times = [run([digest] + command, env, work)[0] for _ in range(args.interactive_runs)]
        command_rows.append((f"digest {name}", statistics.median(times)))
    counter = [0]
    def add_item():
        counter[0] += 1
        index = counter[0]
        return [digest, "add-item", str(draft), "--title", f"Bench item {index}", "--url",
                f"https://bench.example/items/{index}", "--source", "Bench", "--date", "2026-11-20",
                "--excerpt", "A short excerpt for the benchmark."]
    times = [run(add_item(), env, work)[0] for _ in range(args.interactive_runs)]
    command_rows.append(("digest add-item (one transaction, WAL)", statistics.median(times)))

    # Growth per revision: the same edit repeated on an item of a 40-item
    # issue and of a 400-item issue; the bytes stored per revision (row
    # payloads, from SQLite's dbstat) should not depend on the size of the issue.
    growth = []
    for size_of_issue in (40, 400):
        number_output = subprocess.run([digest, "draft", "--date", "2026-11-30", "--json"], env=env, check=True,
                                       capture_output=True, text=True).stdout
        number = int(re.search(r'"number": (\d+)', number_output).group(1))
        lines = "\n".join(
            '{"title": "Growth %d", "url": "https://growth.example/%d/%d", "source": "S", "date": "2026-11-20", '
            '"excerpt": "%s"}' % (i, number, i, "x" * 400) for i in range(size_of_issue))
        items_file = os.path.join(work, f"growth-{number}.jsonl")
        with open(items_file, "w") as handle:
            handle.write(lines + "\n")
        subprocess.run([digest, "add-item", str(number), "--file", items_file, "--quiet"], env=env, check=True)
        shown = subprocess.run([digest, "show", str(number), "--json"], env=env, check=True, capture_output=True, text=True).stdout
        item = int(re.search(r'"id": (\d+)', shown).group(1))
        stored = lambda: int(subprocess.run(["sqlite3", database, "SELECT sum(payload) FROM dbstat"],
                                            check=True, capture_output=True, text=True).stdout.strip())
        before = stored()
        edits = 200
        for i in range(edits):
            subprocess.run([digest, "edit-item", str(number), str(item), "--excerpt", f"Edited {i} " + "y" * 380,
                            "--quiet"], env=env, check=True)
        growth.append((size_of_issue, (stored() - before) / edits))

    print(f"digest benchmark: {args.issues} issues x {args.items} items = {n_items} items; "
          f"median of {args.runs} runs (bulk) and {args.interactive_runs} runs (commands)\n")
    print("| benchmark | items | median wall s | peak RSS MB | note |\n|---|--:|--:|--:|---|")
    for name, items, seconds, peak, note in rows:
        print(f"| {name} | {items} | {seconds:.3f} | {peak if peak is None else f'{peak:.1f}'} | {note} |")
    print("\n| command (whole process) | median ms |\n|---|--:|")
    for name, seconds in command_rows:
        print(f"| {name} | {seconds * 1000:.2f} |")
    print(f"\n| storage | value |\n|---|--:|")
    print(f"| database after the archive import | {size_bytes / 1e6:.1f} MB |")
    print(f"| per item (items, history, search index, 4 stored renders) | {size_bytes / n_items / 1024:.2f} KiB |")
    for size_of_issue, per_revision in growth:
        print(f"| stored per edit revision (a ~400-character excerpt), item in a {size_of_issue}-item issue "
              f"| {per_revision / 1024:.2f} KiB |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
