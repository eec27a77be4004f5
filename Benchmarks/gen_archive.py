#!/usr/bin/env python3
"""Deterministic synthetic digest archive: N weekly issues x M items.

Writes into OUT (default ./bench-archive):
  site/content/issues/issue-NNNN.md   one Markdown file per issue (hugo front matter)
  items.jsonl                         one item per line
  items.sql                           INSERTs (issues + items), one statement per line;
                                      schema: the plain one in Benchmarks/bench.py, no BEGIN/COMMIT here
Same --seed, --issues, --items => byte-identical output.
"""
import argparse, datetime as dt, json, os, random, re, unicodedata

FIRST = ["Alice", "Ben", "Chloé", "Dmitri", "Élodie", "Fatemeh", "Giulia", "Hannah", "Ibrahim",
         "José", "Kenji", "Layla", "Łukasz", "Maryam", "Noémie", "Omar", "Parisa", "Reza",
         "Søren", "Tomás", "Ümit", "Yusuf", "Zoë", "Priya", "Mohammad Reza", "Björn", "Ana"]
LAST = ["Álvarez", "Brontë", "Chen", "Dvořák", "Ebrahimi", "Fernández", "García", "Haddad",
        "Hosseini", "Karimi", "Lefèvre", "Müller", "Nasser", "O'Brien", "Petrović", "Rahimi",
        "Al-Masri", "Sánchez", "Tanaka", "Wróbel", "Yılmaz", "Ahmadi", "Smith", "van der Berg"]
NATIVE = ["سارا محمدی", "علی رضایی", "مریم حسینی", "رضا کریمی", "عمر حداد", "ليلى ناصر",
          "يوسف المصري", "فاطمه احمدی"]
SOURCES = [("Ars Technica", "arstechnica.com"), ("LWN.net", "lwn.net"), ("Quanta Magazine", "www.quantamagazine.org"),
           ("Julia Evans", "jvns.ca"), ("Dan Luu", "danluu.com"), ("The Register", "www.theregister.com"),
           ("Swift.org Blog", "www.swift.org"), ("SQLite Forum", "sqlite.org"), ("Zeit Online", "www.zeit.de"),
           ("Le Monde", "www.lemonde.fr"), ("BBC Persian", "www.bbc.com"), ("Al Jazeera", "www.aljazeera.com"),
           ("GitHub Blog", "github.blog"), ("Hacker News", "news.ycombinator.com"), ("Substack", "example.substack.com"),
           ("Nature", "www.nature.com"), ("Stratechery", "stratechery.com"), ("Rest of World", "restofworld.org")]
TOPICS = ["SQLite", "Swift concurrency", "Unicode", "type systems", "RSS", "email deliverability",
          "static sites", "Postgres", "WebAssembly", "CRDTs", "Markdown", "compilers", "HTTP/3",
          "garbage collection", "B-trees", "full-text search", "time zones", "fonts", "CSS grid",
          "newsletters", "open source funding", "Rust & C++ interop", "Vec<T> vs. [T]", "<details> elements"]
TITLE_TPL = ["{t}: what nobody tells you", "Why {t} is harder than it looks", "A gentle introduction to {t}",
             "The state of {t} in {y}", "{t} — a retrospective", "“{t}” considered harmful",
             "How we cut latency by {n}% with {t}", "Notes on {t} & {t2}", "{t} vs. {t2}: a < b && b > c?",
             "Ask HN: What's your \"{t}\" setup?", "I rewrote our {t} layer in a weekend", "{t}",
             "Falsehoods programmers believe about {t}", "Understanding {t}, part {n2}",
             "The surprising economics of {t} and {t2}, explained for people who don't care about {t3}"]
NATIVE_TITLES = ["نگاهی به {t}", "چرا {t} مهم است؟", "مقدمه‌ای بر {t}", "كيف تعمل {t}؟"]
WORDS = ("the a of and to in is that for it on with as was at by this be from or have an they which one you "
         "were all we when there can more if out so what up about into than them only other new some could time "
         "these two may first then do any like now over such our even most made after also did many before must "
         "through back years where much your way well down should because each just those people how too little "
         "state good very make world still own see men work long get here between both life being under never "
         "database index query latency throughput cache compiler runtime schema migration render template "
         "newsletter reader archive excerpt feed parser Unicode encoding byte string buffer thread actor").split()
EXTRAS = ["—", "–", "“quoted”", "\"straight quotes\"", "it's", "R&D", "<br>", "a < b", "x > y", "café", "naïve",
          "façade", "Zürich", "São Paulo", "Tehrān", "Eṣfahān", "C++", "5 × 3", "…", "e.g.", "&amp;", "50%"]


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60] or "post"


def md_inline(s):
    """Escape text for Markdown inline content (link text / paragraphs)."""
    return re.sub(r"([\\`*_\[\]<>#|!&])", r"\\\1", s)


def sentence(r):
    n = r.randint(6, 22)
    ws = [r.choice(WORDS) if r.random() > 0.08 else r.choice(EXTRAS) for _ in range(n)]
    s = " ".join(ws)
    return s[0].upper() + s[1:] + r.choice([".", ".", ".", "?", "!", ":"])


def excerpt(r):
    target = r.randint(300, 600)
    out = ""
    while len(out) < target:
        out += (" " if out else "") + sentence(r)
    if len(out) > target:  # cut at a word boundary
        out = out[:target].rsplit(" ", 1)[0] + "…"
    return out


def author(r):
    x = r.random()
    if x < 0.05:
        return ""
    if x < 0.12:
        return r.choice(NATIVE)
    if x < 0.18:
        return f"{r.choice(FIRST)} {r.choice(LAST)} & {r.choice(FIRST)} {r.choice(LAST)}"
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def title(r, year):
    t, t2, t3 = r.sample(TOPICS, 3)
    tpl = r.choice(NATIVE_TITLES) if r.random() < 0.04 else r.choice(TITLE_TPL)
    return tpl.format(t=t, t2=t2, t3=t3, y=year, n=r.randint(5, 95), n2=r.randint(2, 9))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=520)
    ap.add_argument("--items", type=int, default=40)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="bench-archive")
    a = ap.parse_args()
    r = random.Random(a.seed)
    content = os.path.join(a.out, "site", "content", "issues")
    os.makedirs(content, exist_ok=True)
    q = lambda s: "'" + s.replace("'", "''") + "'"
    start = dt.date(2015, 1, 5)  # a Monday
    with open(os.path.join(a.out, "items.jsonl"), "w", encoding="utf-8") as jl, \
         open(os.path.join(a.out, "items.sql"), "w", encoding="utf-8") as sql:
        for n in range(1, a.issues + 1):
            day = start + dt.timedelta(weeks=n - 1)
            head = f"Digest #{n} — {day:%B %-d, %Y}"
            sql.write(f"INSERT INTO issues(number,date,title) VALUES({n},'{day}',{q(head)});\n")
            md = ["---", f"title: {json.dumps(head, ensure_ascii=False)}", f"date: {day}", f"issue: {n}", "---", "",
                  f"Welcome to issue {n}. This week: {a.items} links — hand-picked & lightly annotated.", ""]
            for pos in range(1, a.items + 1):
                src, host = r.choice(SOURCES)
                ti = title(r, day.year)
                url = f"https://{host}/{day.year}/{slug(ti)}-{r.randint(1000, 99999)}"
                if r.random() < 0.2:
                    url += "?utm_source=digest&utm_medium=email"
                it = dict(issue=n, position=pos, title=ti, url=url, source=src, author=author(r),
                          date=(day - dt.timedelta(days=r.randint(1, 7))).isoformat(), excerpt=excerpt(r))
                jl.write(json.dumps(it, ensure_ascii=False) + "\n")
                sql.write("INSERT INTO items(issue,position,title,url,source,author,date,excerpt) VALUES("
                          f"{n},{pos},{q(ti)},{q(url)},{q(src)},{q(it['author'])},'{it['date']}',{q(it['excerpt'])});\n")
                by = f" · {md_inline(it['author'])}" if it["author"] else ""
                md += [f"### {pos}. [{md_inline(ti)}]({url})", "", f"*{md_inline(src)}*{by} · {it['date']}", "",
                       md_inline(it["excerpt"]), ""]
            with open(os.path.join(content, f"issue-{n:04d}.md"), "w", encoding="utf-8") as f:
                f.write("\n".join(md))
    print(f"wrote {a.issues} issues x {a.items} items = {a.issues * a.items} items to {a.out}")


if __name__ == "__main__":
    main()
