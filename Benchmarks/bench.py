#!/usr/bin/env python3
"""digest on a ten-year archive (520 weekly issues x 40 items), measured
against the sqlite3 shell and hugo on the same rows and machine, in one run.

Prints Markdown tables: medians of several runs, peak memory, and the
ratios the performance targets are stated in. With --scale K it measures the
archive and the archive K times as long (K x 520 issues) in the same run and
prints both side by side, with the rows the ten-times targets need: dump and
load, a long-history issue, the three kinds of search, review.
"""
import argparse, json, os, re, resource, shutil, statistics, subprocess, sys, tempfile, time

PLAIN_SCHEMA = """
CREATE TABLE issues(number INTEGER PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE items(id INTEGER PRIMARY KEY, issue INTEGER NOT NULL REFERENCES issues(number),
  position INTEGER NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, source TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '', date TEXT NOT NULL, excerpt TEXT NOT NULL, UNIQUE(issue, position));
CREATE VIRTUAL TABLE items_fts USING fts5(title, excerpt, author, source,
  content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
"""

# The searches of the scale run: a word in 7 titles per 10,000 items ("cut
# latency by 71%"), a word in one item of ten, two words that come together
# in one title of fifteen, and the same two as a phrase.
SEARCHES = [("rare word", "71"), ("common word", "sqlite"), ("two words", "gentle introduction"),
            ("phrase", '"gentle introduction"')]


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
    return timed_peak(command, env, cwd)[1]


def timed_peak(command, env, cwd):
    """(seconds, peak RSS in MB) of one run under GNU time, when present."""
    if not os.path.exists("/usr/bin/time"):
        return run(command, env, cwd)[0], None
    os.sync()
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr.decode()}")
    match = re.search(rb"(\d+)\s*$", result.stderr)
    return elapsed, (int(match.group(1)) / 1024 if match else None)


def command_median(command, env, cwd, runs):
    return statistics.median(run(command, env, cwd)[0] for _ in range(runs))


def instructions(command, env, cwd):
    """Instructions one run executes (valgrind's callgrind), in millions: a
    figure the machine's load does not change. None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command, env=env,
                            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    match = re.search(rb"refs:\s+([\d,]+)", result.stderr)
    if result.returncode != 0 or not match:
        sys.exit(f"failed under valgrind: {' '.join(command)}\n{result.stderr.decode()}")
    return int(match.group(1).replace(b",", b"")) / 1e6


def archive_for(here, issues, items, work, cache):
    """The generated archive, reused from --archives DIR when it is there
    (the generator is deterministic: same arguments, same bytes)."""
    folder = os.path.join(cache or work, f"archive-{issues}x{items}")
    done = os.path.join(folder, ".complete")
    if not os.path.exists(done):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(here, "gen_archive.py"), "--issues", str(issues),
                        "--items", str(items), "--out", folder], check=True, stdout=subprocess.DEVNULL)
        open(done, "w").close()
    return folder


class Serve:
    """One `digest serve --stdio` session: many commands, each a request of
    its own through the same parsing and command code as a whole process
    (and one transaction, one revision each), without a process start each."""

    def __init__(self, digest, database, user, env):
        self.process = subprocess.Popen([digest, "serve", "--stdio", "--db", database, "--user", user], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.database = database
        self.hello = self.receive()

    def receive(self):
        header = json.loads(self.process.stdout.readline())
        payload = self.process.stdout.read(header["bytes"]) if "bytes" in header else b""
        return header, payload

    def send(self, arguments_list):
        """Runs each command line; fails on the first that does not exit 0."""
        # Requests are written ahead of the answers in batches, so the pipe
        # is never idle; a batch is small enough never to fill both pipes.
        for start in range(0, len(arguments_list), 50):
            batch = arguments_list[start:start + 50]
            for arguments in batch:
                self.process.stdin.write((json.dumps({"type": "run", "protocol": self.hello[0]["protocol"],
                                                      "version": self.hello[0]["version"],
                                                      "digest": self.hello[0]["digest"],
                                                      "database": self.database, "arguments": arguments}) + "\n").encode())
            self.process.stdin.flush()
            for arguments in batch:
                header, payload = self.receive()
                if header.get("type") != "result" or header.get("exit_code") != 0:
                    sys.exit(f"failed through serve: {arguments}: {header} {payload.decode(errors='replace')}")

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def long_history_issue(digest, database, env, work, revisions):
    """An issue of 40 items with `revisions` revisions: a draft (1), its items
    added in one revision (2), then edits of one item after another, each a
    real edit-item through digest (one transaction, one revision), run in one
    `digest serve --stdio` session so 10,000 of them take seconds, not a
    process start each. Returns (issue number, its version)."""
    output = subprocess.run([digest, "draft", "--date", "2026-11-16", "--title", "Long history", "--json"],
                            env=env, check=True, capture_output=True, text=True).stdout
    number = int(re.search(r'"number": (\d+)', output).group(1))
    items_file = os.path.join(work, "long-history.jsonl")
    with open(items_file, "w") as handle:
        for i in range(40):
            handle.write(json.dumps({"title": f"Long-lived item {i}", "url": f"https://history.example/{i}",
                                     "source": "History", "date": "2026-11-10",
                                     "excerpt": f"The first excerpt of item {i}."}) + "\n")
    subprocess.run([digest, "add-item", str(number), "--file", items_file, "--quiet"], env=env, check=True)
    shown = subprocess.run([digest, "show", str(number), "--json"], env=env, check=True,
                           capture_output=True, text=True).stdout
    ids = [int(x) for x in re.findall(r'"id": (\d+)', shown)][:40]
    session = Serve(digest, database, env.get("DIGEST_USER", "bench"), env)
    edits = [["edit-item", str(number), str(ids[i % len(ids)]), "--excerpt", f"Edit {i} of a long history.", "--quiet"]
             for i in range(revisions - 2)]
    session.send(edits)
    session.close()
    return number, revisions


def in_review_issue(digest, env, work, count):
    """An issue in review with `count` pending items added by `bench`, so a
    reviewer can approve one item per run. Returns (number, item ids)."""
    output = subprocess.run([digest, "draft", "--date", "2026-11-09", "--title", "In review", "--json"],
                            env=env, check=True, capture_output=True, text=True).stdout
    number = int(re.search(r'"number": (\d+)', output).group(1))
    items_file = os.path.join(work, "review.jsonl")
    with open(items_file, "w") as handle:
        for i in range(count):
            handle.write(json.dumps({"title": f"To review {i}", "url": f"https://review.example/{i}",
                                     "source": "Review", "date": "2026-11-05",
                                     "excerpt": f"An item waiting for its review, number {i}."}) + "\n")
    subprocess.run([digest, "add-item", str(number), "--file", items_file, "--quiet"], env=env, check=True)
    subprocess.run([digest, "submit", str(number), "--quiet"], env=env, check=True)
    shown = subprocess.run([digest, "show", str(number), "--json"], env=env, check=True,
                           capture_output=True, text=True).stdout
    return number, [int(x) for x in re.findall(r'"id": (\d+)', shown)][:count]


def measure(digest, here, issues, items, runs, interactive_runs, cache, extended, revisions):
    """Measures one archive size. Returns (bulk rows, command rows, storage
    rows); each row starts with a key shared by every size."""
    work = tempfile.mkdtemp(prefix=f"digest-bench-{issues}-")
    archive = archive_for(here, issues, items, work, cache)
    jsonl = os.path.join(archive, "items.jsonl")
    n_items = issues * items
    database = os.path.join(work, "digest.sqlite")
    env = dict(os.environ, DIGEST_DB=database, DIGEST_USER="bench")
    env.pop("SOURCE_DATE_EPOCH", None)
    rows = []
    print(f"measuring {issues} issues x {items} items in {work}", file=sys.stderr)

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

    sqlite_seconds, _ = median_of(runs, fresh_peer, ["sqlite3", peer_db], env, work, stdin=bulk)
    fresh_peer()
    sqlite_peak = peak_rss(["sh", "-c", f"sqlite3 '{peer_db}' < '{bulk}'"], env, work)
    fresh_peer()
    os.remove(bulk)
    rows.append(("sqlite", "sqlite3 shell: 1 transaction, then FTS5 'rebuild' (peer)", n_items, sqlite_seconds,
                 sqlite_peak, ""))

    import_seconds, _ = median_of(runs, fresh_database, [digest, "import", jsonl, "--published", "--quiet"], env, work)
    fresh_database()
    import_peak = peak_rss([digest, "import", jsonl, "--published", "--quiet"], env, work)
    rows.append(("import", "digest import --published (items, revisions, FTS, 4 renders per issue)", n_items,
                 import_seconds, import_peak, f"{import_seconds / sqlite_seconds:.2f}x the sqlite3 load (target ≤ 2x)"))

    # Each export goes to a folder of its own: deleting thousands of files
    # just before writing thousands more makes ext4 search for inodes it may
    # reuse, which would time the file system rather than the export.
    exports = [0]
    def next_site():
        exports[0] += 1
        return os.path.join(work, f"site-{exports[0]}")
    export_times = []
    for _ in range(runs):
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
        hugo_site = os.path.join(work, "hugo-site")
        shutil.copytree(os.path.join(archive, "site"), hugo_site)
        shutil.copytree(os.path.join(here, "hugo"), hugo_site, dirs_exist_ok=True)
        hugo_env = dict(env, HUGO_CACHEDIR=os.path.join(work, "hugo-cache"))
        hugo_times = []
        for index in range(runs):
            os.sync()
            hugo_times.append(run(["hugo", "--quiet", "-s", hugo_site, "-d", os.path.join(work, f"public-{index}")],
                                  hugo_env, work)[0])
        hugo_seconds = statistics.median(hugo_times)
        hugo_peak = peak_rss(["hugo", "--quiet", "-s", hugo_site, "-d", os.path.join(work, "public-peak")], hugo_env, work)
        rows.append(("hugo", f"hugo build of the same archive (peer: {issues} pages + lists)", n_items, hugo_seconds,
                     hugo_peak, ""))
        note = f"{export_seconds / hugo_seconds:.2f}x hugo's time (target ≤ 0.5x)"
    rows.append(("export", f"digest export --out DIR ({files} files, {size / 1e6:.0f} MB)", n_items, export_seconds,
                 export_peak, note))
    again_seconds, _ = median_of(runs, lambda: None, [digest, "export", "--out", site, "--quiet"], env, work)
    rows.append(("export-again", "digest export again (nothing changed: nothing written)", n_items, again_seconds,
                 None, ""))

    size_bytes = os.path.getsize(database)
    if extended:
        # dump and load: one run each under GNU time (time and peak together).
        dumped = os.path.join(work, "dump.jsonl")
        dump_seconds, dump_peak = timed_peak([digest, "dump", "--out", dumped], env, work)
        rows.append(("dump", f"digest dump --out FILE ({os.path.getsize(dumped) / 1e6:.0f} MB)", n_items,
                     dump_seconds, dump_peak, ""))
        loaded = os.path.join(work, "loaded.sqlite")
        load_seconds, load_peak = timed_peak([digest, "--db", loaded, "load", dumped], env, work)
        rows.append(("load", "digest load FILE (into a new database)", n_items, load_seconds, load_peak, ""))
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(loaded + suffix):
                os.remove(loaded + suffix)
        os.remove(dumped)
    # The exported sites and hugo's public folders stay until the whole run
    # is over (main): ext4 without a journal, as on the machine these figures
    # come from, checks every inode deleted in the last minutes before it
    # reuses one, so deleting tens of thousands of files here would make the
    # next size's export and hugo build time that bookkeeping instead.

    # Interactive commands, each a whole process, on the full archive.
    middle = issues // 2
    subprocess.run([digest, "draft", "--date", "2026-11-23", "--quiet"], env=env, check=True)
    draft = issues + 1
    interactive = [
        ("list", "list", ["list"]), ("show", "show one issue", ["show", str(middle)]),
        ("render-markdown", "render markdown", ["render", str(middle), "--format", "markdown"]),
        ("render-html", "render html", ["render", str(middle), "--format", "html"]),
        ("render-text", "render text", ["render", str(middle), "--format", "text"]),
        ("render-email", "render email", ["render", str(middle), "--format", "email"]),
        ("render-draft", "render a draft live (text)", ["render", str(draft), "--format", "text"]),
    ]
    if extended:
        interactive.insert(1, ("list-all", f"list --all ({issues} issues)", ["list", "--all"]))
        interactive += [(f"search-{kind}", f"search ({kind}: {query})", ["search", query]) for kind, query in SEARCHES]
    else:
        interactive += [("search-common word", "search (common word)", ["search", "sqlite"]),
                        ("search-phrase", "search (phrase)", ["search", "gentle introduction"])]
    interactive.append(("history", "history", ["history", str(middle)]))
    startup = command_median(["/bin/true"], env, work, interactive_runs)
    version = command_median([digest, "--version"], env, work, interactive_runs)
    count = (lambda command: instructions(command, env, work)) if extended else (lambda command: None)
    command_rows = [("true", "process start-up floor (/bin/true)", startup, count(["/bin/true"]))]
    if extended:
        floor = ["sqlite3", ":memory:", "select 1"]
        command_rows.append(("sqlite3", "sqlite3 shell start-up floor (sqlite3 :memory: 'select 1')",
                             command_median(floor, env, work, interactive_runs), count(floor)))
    # The peer for every command: the sqlite3 shell running one query on the same file.
    peer = ["sqlite3", database, "SELECT number, version FROM issues ORDER BY number DESC LIMIT 20"]
    shell_query = command_median(peer, env, work, interactive_runs)
    command_rows.append(("sqlite3-query", "sqlite3 shell, one query on the same file (peer)", shell_query, count(peer)))
    command_rows.append(("version", "digest --version (start-up)", version, count([digest, "--version"])))
    for key, name, command in interactive:
        median = command_median([digest] + command, env, work, interactive_runs)
        command_rows.append((key, f"digest {name} ({median / shell_query:.2f}x the shell's query)", median,
                             count([digest] + command)))
    counter = [0]
    def add_item():
        counter[0] += 1
        index = counter[0]
        return [digest, "add-item", str(draft), "--title", f"Bench item {index}", "--url",
                f"https://bench.example/items/{index}", "--source", "Bench", "--date", "2026-11-20",
                "--excerpt", "A short excerpt for the benchmark."]
    times = [run(add_item(), env, work)[0] for _ in range(interactive_runs)]
    median = statistics.median(times)
    command_rows.append(("add-item", f"digest add-item (one transaction, WAL; {median / shell_query:.2f}x the shell's query)",
                         median, count(add_item())))

    if extended:
        # A reviewer other than the one who added the items: four-eyes holds.
        number, ids = in_review_issue(digest, env, work, interactive_runs + 2)
        reviewer = dict(env, DIGEST_USER="reviewer")
        listing = [digest, "review", str(number)]
        command_rows.append(("review-list", f"digest review ISSUE (the pending items of a {len(ids)}-item issue)",
                             command_median(listing, reviewer, work, interactive_runs),
                             instructions(listing, reviewer, work)))
        times = [run([digest, "review", str(number), "--approve", str(ids[i]), "--quiet"], reviewer, work)[0]
                 for i in range(interactive_runs)]
        command_rows.append(("review-approve", "digest review ISSUE --approve ITEM (one decision)",
                             statistics.median(times),
                             instructions([digest, "review", str(number), "--approve", str(ids[-1]), "--quiet"],
                                          reviewer, work)))
        started = time.perf_counter()
        long_issue, long_version = long_history_issue(digest, database, env, work, revisions)
        made = time.perf_counter() - started
        print(f"  {revisions} revisions made in {made:.1f} s", file=sys.stderr)
        for key, name, command in [
                ("long-show", f"show of the issue with {long_version} revisions (40 items)", ["show", str(long_issue)]),
                ("long-version-1", "show --version 1 of that issue", ["show", str(long_issue), "--version", "1"]),
                ("long-version-2", "show --version 2 of that issue (its 40 items as added)",
                 ["show", str(long_issue), "--version", "2"]),
                ("long-version-mid", f"show --version {long_version // 2} of that issue",
                 ["show", str(long_issue), "--version", str(long_version // 2)]),
                ("long-diff", f"diff of that issue, version 2 against {long_version}",
                 ["diff", str(long_issue), "2", str(long_version)])]:
            command_rows.append((key, f"digest {name}", command_median([digest] + command, env, work, interactive_runs),
                                 count([digest] + command)))

    storage = [("size", "database after the archive import", f"{size_bytes / 1e6:.1f} MB"),
               ("per-item", "per item (items, history, search index, stored editions)",
                f"{size_bytes / n_items / 1024:.2f} KiB")]
    if not extended:
        # Growth per revision: the same edit repeated on an item of a 40-item
        # issue and of a 400-item issue; the bytes stored per revision (row
        # payloads, from SQLite's dbstat) should not depend on the size of the issue.
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
            shown = subprocess.run([digest, "show", str(number), "--json"], env=env, check=True, capture_output=True,
                                   text=True).stdout
            item = int(re.search(r'"id": (\d+)', shown).group(1))
            stored = lambda: int(subprocess.run(["sqlite3", database, "SELECT sum(payload) FROM dbstat"],
                                                check=True, capture_output=True, text=True).stdout.strip())
            before = stored()
            edits = 200
            for i in range(edits):
                subprocess.run([digest, "edit-item", str(number), str(item), "--excerpt", f"Edited {i} " + "y" * 380,
                                "--quiet"], env=env, check=True)
            per_revision = (stored() - before) / edits
            storage.append((f"growth-{size_of_issue}", "stored per edit revision (a ~400-character excerpt), item in a "
                            f"{size_of_issue}-item issue", f"{per_revision / 1024:.2f} KiB"))
    finished_work.append(work)
    return rows, command_rows, storage


# Work folders of the sizes measured so far, removed when the run is over.
finished_work = []


def mb(peak):
    return "" if peak is None else f"{peak:.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digest", required=True)
    parser.add_argument("--issues", type=int, default=520)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--interactive-runs", type=int, default=31)
    parser.add_argument("--scale", type=int, default=1,
                        help="also measure an archive SCALE times as long, and print both side by side")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs of each bulk operation on the long archive")
    parser.add_argument("--revisions", type=int, default=10000, help="revisions of the long-history issue (--scale)")
    parser.add_argument("--archives", help="keep generated archives in this folder and reuse them")
    args = parser.parse_args()
    digest = os.path.abspath(args.digest)
    here = os.path.dirname(os.path.abspath(__file__))
    if args.archives:
        os.makedirs(args.archives, exist_ok=True)

    if args.scale <= 1:
        rows, command_rows, storage = measure(digest, here, args.issues, args.items, args.runs, args.interactive_runs,
                                              args.archives, False, 0)
        for work in finished_work:
            shutil.rmtree(work, ignore_errors=True)
        n_items = args.issues * args.items
        print(f"digest benchmark: {args.issues} issues x {args.items} items = {n_items} items; "
              f"median of {args.runs} runs (bulk) and {args.interactive_runs} runs (commands)\n")
        print("| benchmark | items | median wall s | peak RSS MB | note |\n|---|--:|--:|--:|---|")
        for _, name, items, seconds, peak, note in rows:
            print(f"| {name} | {items} | {seconds:.3f} | {peak if peak is None else f'{peak:.1f}'} | {note} |")
        print("\n| command (whole process) | median ms |\n|---|--:|")
        for _, name, seconds, _ in command_rows:
            print(f"| {name} | {seconds * 1000:.2f} |")
        print(f"\n| storage | value |\n|---|--:|")
        for _, name, value in storage:
            print(f"| {name} | {value} |")
        return

    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    small = measure(digest, here, args.issues, args.items, args.runs, args.interactive_runs, args.archives, True,
                    args.revisions)
    big_issues = args.issues * args.scale
    big = measure(digest, here, big_issues, args.items, args.scale_runs, args.interactive_runs, args.archives, True,
                  args.revisions)
    load_after = os.getloadavg()
    for work in finished_work:
        shutil.rmtree(work, ignore_errors=True)
    n_small, n_big = args.issues * args.items, big_issues * args.items
    print(f"digest benchmark at two scales, {started}: {args.issues} x {args.items} = {n_small} items and "
          f"{big_issues} x {args.items} = {n_big} items; bulk medians of {args.runs} and {args.scale_runs} runs, "
          f"commands medians of {args.interactive_runs} runs (whole processes); load average "
          f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} before, "
          f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} after\n")

    def names(rows, key):
        return {row[0]: row for row in rows}

    print(f"| work | {n_small} items: s | peak MB | note | {n_big} items: s | peak MB | note |")
    print("|---|--:|--:|---|--:|--:|---|")
    small_rows, big_rows = names(small[0], 0), names(big[0], 0)
    for key, name, _, seconds, peak, note in small[0]:
        other = big_rows.get(key)
        label = re.sub(r" \(\d+ files, \d+ MB\)| \(\d+ MB\)| \(peer: \d+ pages \+ lists\)", "", name)
        if key == "hugo":
            label += " (peer: one page per issue + lists)"
        cells = f"| {other[3]:.3f} | {mb(other[4])} | {other[5]} |" if other else "| | | |"
        print(f"| {label} | {seconds:.3f} | {mb(peak)} | {note} {cells}")
    print(f"\n| command (whole process) | {n_small} items: median ms | M instructions | "
          f"{n_big} items: median ms | M instructions |\n|---|--:|--:|--:|--:|")
    big_commands = {row[0]: row for row in big[1]}
    millions = lambda value: "" if value is None else f"{value:.1f}"
    for key, name, seconds, count in small[1]:
        other = big_commands.get(key)
        label = re.sub(r" \(\d+ issues\)", "", name)
        cells = f"{other[2] * 1000:.2f} | {millions(other[3])}" if other else " | "
        print(f"| {label} | {seconds * 1000:.2f} | {millions(count)} | {cells} |")
    print(f"\n| storage | {n_small} items | {n_big} items |\n|---|--:|--:|")
    big_storage = {row[0]: row for row in big[2]}
    for key, name, value in small[2]:
        print(f"| {name} | {value} | {big_storage[key][2] if key in big_storage else ''} |")


if __name__ == "__main__":
    main()
