#!/usr/bin/env python3
"""acta side by side with Kuzu and SQLite on the same graph and questions.

Builds a knowledge base of N synthetic CRM reports with acta, exports its
graph view as CSV (`acta export --format csv`), loads the CSV into Kuzu
(embedded graph database, Cypher) and SQLite (Python's sqlite3, with
indexes), asks the same questions of all three, checks that they give the
same answers (sorted row sets), and prints one table of median times and
ratios. See README.md beside this file.

    pip install kuzu          # once; SQLite comes with Python
    python3 bench/compare/run.py --reports 1000

acta is timed in-process by `examples/compare_timing.rs` (the knowledge
base opened once); Kuzu and SQLite in this process, each connection opened
once. Nobody's process start-up or loading is in a query's time, and no
one parses a repeated query again: acta keeps parsed statements, Kuzu runs
a statement prepared once, Python's sqlite3 keeps prepared statements by
text. A query's time is the whole answer in the caller's hands: for acta
`run_with` with cited sources, for Kuzu `execute` + `get_all`, for SQLite
`execute` + `fetchall`.
"""

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEETING = "meeting:crm-07"
NAME = "MÉXICO"

# The questions, written natively for each system. `shape` turns each
# system's rows into comparable tuples (outside the timing).
QUESTIONS = [
    {
        "name": "headline",
        "what": "agreements of VII CRM still awaiting responses, with the awaited countries",
        "acta": "which agreements from VII CRM still await responses from which countries?",
        "kuzu": (
            "MATCH (a:Agreement)-[:adopted_at|reaffirmed_at]->(m:Meeting {id: $m}), "
            "(a)-[w:awaits]->(c:Country) "
            "RETURN a.id, w.subject, collect(DISTINCT c.id)"
        ),
        "sqlite": (
            "SELECT a.src, r.subject, group_concat(DISTINCT w.dst) "
            "FROM edges a "
            "JOIN nodes na ON na.id = a.src AND na.kind = 'agreement' "
            "JOIN edges w ON w.src = a.src AND w.type = 'awaits' "
            "JOIN nodes c ON c.id = w.dst AND c.kind = 'country' "
            "JOIN requests r ON r.id = w.request "
            "WHERE a.dst = ? AND a.type IN ('adopted_at', 'reaffirmed_at') "
            "GROUP BY a.src, r.subject"
        ),
        "params": {"m": MEETING},
    },
    {
        "name": "two-hop",
        "what": "countries awaited by agreements adopted at VII CRM, with how many",
        "acta": (
            'match (c:country)<-[:awaits]-(a:agreement)-[:adopted_at]->'
            '(m:meeting {id: "meeting:crm-07"}) '
            "return c.name, count(a) as n order by n desc"
        ),
        "kuzu": (
            "MATCH (c:Country)<-[:awaits]-(a:Agreement)-[:adopted_at]->(m:Meeting {id: $m}) "
            "RETURN c.name, count(a) AS n ORDER BY n DESC"
        ),
        "sqlite": (
            "SELECT c.name, count(*) AS n "
            "FROM edges ad "
            "JOIN nodes a ON a.id = ad.src AND a.kind = 'agreement' "
            "JOIN edges w ON w.src = ad.src AND w.type = 'awaits' "
            "JOIN nodes c ON c.id = w.dst AND c.kind = 'country' "
            "WHERE ad.dst = ? AND ad.type = 'adopted_at' "
            "GROUP BY c.id, c.name ORDER BY n DESC"
        ),
        "params": {"m": MEETING},
    },
    {
        "name": "name lookup",
        "what": f"the nodes named {NAME} in any spelling (accents, case, spacing)",
        "acta": f'match (n {{name: "{NAME}"}}) return n, n.kind',
        "kuzu": "MATCH (k:Alias {key: $k})-[:alias_of]->(n) RETURN n.id, label(n)",
        "sqlite": (
            "SELECT n.id, n.kind FROM aliases k JOIN nodes n ON n.id = k.node WHERE k.key = ?"
        ),
        "params": {"k": None},  # filled with normalize(NAME)
    },
]


def normalize(s):
    """acta::text::normalize: NFKD, no combining marks, lower case, one space."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if unicodedata.category(c) not in ("Mn", "Mc", "Me"))
    return " ".join(s.lower().split())


def shape(name, rows, system):
    """Rows as a sorted list of comparable tuples."""
    out = []
    for r in rows:
        r = list(r)
        if name == "headline":
            agreement, subject, countries = r[0], r[1], r[3] if system == "acta" else r[2]
            if isinstance(countries, str):
                countries = countries.split(",")
            out.append((agreement, subject, tuple(sorted(countries))))
        elif name == "two-hop":
            out.append((r[0], int(r[1])))
        else:
            out.append((r[0], str(r[1]).lower()))
    if name == "headline":
        # acta also splits a subject by how many are awaited; the others
        # group by (agreement, subject) alone: merge acta's rows alike.
        merged = {}
        for a, s, cs in out:
            merged.setdefault((a, s), set()).update(cs)
        out = [(a, s, tuple(sorted(cs))) for (a, s), cs in merged.items()]
    return sorted(out)


def sh(cmd, **kw):
    print("$", " ".join(str(c) for c in cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, **kw)


def target_dir():
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release"


def build_acta(args):
    if not args.skip_build:
        sh(["cargo", "build", "--release", "--bin", "acta",
            "--example", "gen_corpus", "--example", "compare_timing"], cwd=ROOT)
    t = target_dir()
    return t / "acta", t / "examples" / "gen_corpus", t / "examples" / "compare_timing"


def prepare(args, acta, gen_corpus):
    """Corpus, knowledge base and CSV export, each made once per N."""
    work = Path(args.work)
    n = args.reports
    corpus, kb, export = work / f"corpus-{n}", work / f"kb-{n}", work / f"csv-{n}"
    if not (corpus / ".done").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        sh([gen_corpus, "--reports", str(n), "--seed", "7", "--out", corpus])
        (corpus / ".done").touch()
    if not (kb / ".done").exists():
        shutil.rmtree(kb, ignore_errors=True)
        files = sorted(str(p) for p in corpus.glob("*.txt"))
        start = time.perf_counter()
        for i in range(0, len(files), 2000):
            done = subprocess.run([acta, "--db", kb, "ingest", *files[i:i + 2000]],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"acta ingest failed:\n{done.stderr[-2000:]}")
        print(f"acta: ingested {len(files)} reports in {time.perf_counter() - start:.1f} s",
              file=sys.stderr)
        (kb / ".done").touch()
    if not (export / ".done").exists():
        shutil.rmtree(export, ignore_errors=True)
        sh([acta, "--db", kb, "export", "--format", "csv", "--out", export])
        (export / ".done").touch()
    return kb, export


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        yield from r


def timed(run, runs, max_seconds):
    """Median and min seconds of `run()` over `runs` calls (fewer past
    `max_seconds`, at least 3), after one untimed call whose result is
    returned."""
    result = run()
    times = []
    began = time.perf_counter()
    while len(times) < runs and (len(times) < 3 or time.perf_counter() - began < max_seconds):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return result, statistics.median(times), min(times), len(times)


# ---- SQLite ----

def load_sqlite(export, path):
    import sqlite3
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE nodes(id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT) WITHOUT ROWID;
        CREATE TABLE edges(src TEXT NOT NULL, dst TEXT NOT NULL, type TEXT NOT NULL,
                           derived INTEGER, request TEXT);
        CREATE TABLE requests(id TEXT PRIMARY KEY, agreement TEXT, subject TEXT, status TEXT,
                              requested_from TEXT, responded_named TEXT,
                              unnamed_min INTEGER, unnamed_max INTEGER) WITHOUT ROWID;
        CREATE TABLE aliases(key TEXT NOT NULL, node TEXT NOT NULL);
    """)
    start = time.perf_counter()
    db.executemany("INSERT INTO nodes VALUES (?, ?, ?)", read_csv(export / "nodes.csv"))
    db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?)",
                   ((f, t, ty, d == "true", req or None)
                    for f, t, ty, d, _source, req in read_csv(export / "edges.csv")))
    db.executemany("INSERT INTO requests VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   read_csv(export / "requests.csv"))
    db.executemany("INSERT INTO aliases VALUES (?, ?)", read_csv(export / "aliases.csv"))
    db.executescript("""
        CREATE INDEX edges_src ON edges(src, type);
        CREATE INDEX edges_dst ON edges(dst, type);
        CREATE INDEX nodes_kind ON nodes(kind);
        CREATE INDEX aliases_key ON aliases(key);
        ANALYZE;
    """)
    db.commit()
    return db, time.perf_counter() - start


# ---- Kuzu ----

KINDS = ["document", "section", "meeting", "agreement", "country",
         "organization", "person", "event"]


def table(kind):
    return kind.capitalize()


# Kuzu's CSV reader guesses the dialect unless told; a one-column file of
# quoted names with commas fools the guess.
CSV_OPTS = "header=true, delim=',', quote='\"', escape='\"', auto_detect=false"


def load_kuzu(export, path, work):
    import kuzu
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    db = kuzu.Database(str(path))
    conn = kuzu.Connection(db, num_threads=1)
    split = work / "kuzu-csv"
    shutil.rmtree(split, ignore_errors=True)
    split.mkdir(parents=True)
    start = time.perf_counter()
    kind_of, writers, files = {}, {}, {}

    def writer(name, header):
        if name not in writers:
            f = open(split / f"{name}.csv", "w", newline="", encoding="utf-8")
            files[name] = f
            writers[name] = csv.writer(f)
            writers[name].writerow(header)
        return writers[name]

    for id_, kind, name in read_csv(export / "nodes.csv"):
        kind_of[id_] = kind
        writer(f"node-{kind}", ["id", "name"]).writerow([id_, name.replace("\n", " ")])
    subjects = {r[0]: r[2] for r in read_csv(export / "requests.csv")}
    pairs = {}
    for f, t, ty, _d, _source, req in read_csv(export / "edges.csv"):
        a, b = kind_of[f], kind_of[t]
        pairs.setdefault(ty, set()).add((a, b))
        if ty == "awaits":
            writer(f"rel-{ty}-{a}-{b}", ["from", "to", "request", "subject"]).writerow(
                [f, t, req, subjects.get(req, "")])
        else:
            writer(f"rel-{ty}-{a}-{b}", ["from", "to"]).writerow([f, t])
    alias_pairs = set()
    for key, node in read_csv(export / "aliases.csv"):
        k = kind_of[node]
        alias_pairs.add(k)
        writer(f"alias-{k}", ["from", "to"]).writerow([key, node])
    keys = sorted({key for key, _ in read_csv(export / "aliases.csv")})
    w = writer("node-alias", ["key"])
    for k in keys:
        w.writerow([k])
    for f in files.values():
        f.close()

    present = sorted({k for k in kind_of.values()})
    for k in present:
        conn.execute(f"CREATE NODE TABLE {table(k)}(id STRING, name STRING, PRIMARY KEY (id))")
        conn.execute(f"COPY {table(k)} FROM '{split / f'node-{k}.csv'}' ({CSV_OPTS})")
    conn.execute("CREATE NODE TABLE Alias(key STRING, PRIMARY KEY (key))")
    conn.execute(f"COPY Alias FROM '{split / 'node-alias.csv'}' ({CSV_OPTS})")
    for ty, ps in sorted(pairs.items()):
        ends = ", ".join(f"FROM {table(a)} TO {table(b)}" for a, b in sorted(ps))
        props = ", request STRING, subject STRING" if ty == "awaits" else ""
        conn.execute(f"CREATE REL TABLE {ty}({ends}{props})")
        for a, b in sorted(ps):
            opts = f", from='{table(a)}', to='{table(b)}'" if len(ps) > 1 else ""
            conn.execute(f"COPY {ty} FROM '{split / f'rel-{ty}-{a}-{b}.csv'}' ({CSV_OPTS}{opts})")
    ends = ", ".join(f"FROM Alias TO {table(k)}" for k in sorted(alias_pairs))
    conn.execute(f"CREATE REL TABLE alias_of({ends})")
    for k in sorted(alias_pairs):
        opts = f", from='Alias', to='{table(k)}'" if len(alias_pairs) > 1 else ""
        conn.execute(f"COPY alias_of FROM '{split / f'alias-{k}.csv'}' ({CSV_OPTS}{opts})")
    return db, conn, time.perf_counter() - start


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reports", type=int, default=1000, help="synthetic reports (default 1000)")
    p.add_argument("--work", default="/tmp/acta-compare", help="work folder (default /tmp/acta-compare)")
    p.add_argument("--runs", type=int, default=21, help="timed runs per query (default 21)")
    p.add_argument("--max-seconds", type=float, default=10.0,
                   help="stop timing a query after this long (at least 3 runs; default 10)")
    p.add_argument("--skip-build", action="store_true", help="use the acta binaries already built")
    p.add_argument("--json", help="also write the results to this file")
    args = p.parse_args()

    try:
        import kuzu  # noqa: F401
    except ImportError:
        sys.exit("Kuzu is not installed: pip install kuzu")

    acta, gen_corpus, compare_timing = build_acta(args)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    kb, export = prepare(args, acta, gen_corpus)
    for q in QUESTIONS:
        if q["name"] == "name lookup":
            q["params"] = {"k": normalize(NAME)}

    # acta, in-process.
    queries = work / "acta-queries.json"
    queries.write_text(json.dumps([{"name": q["name"], "query": q["acta"]} for q in QUESTIONS]))
    out = subprocess.run([compare_timing, "--db", kb, "--queries", queries,
                          "--runs", str(args.runs), "--max-seconds", str(args.max_seconds)],
                         check=True, capture_output=True, text=True)
    acta_report = json.loads(out.stdout)
    results = {q["name"]: {} for q in QUESTIONS}
    for r in acta_report["queries"]:
        if "error" in r:
            sys.exit(f"acta: {r['name']}: {r['error']}")
        results[r["name"]]["acta"] = (r["median_ms"], r["min_ms"], r["runs"],
                                      shape(r["name"], r["rows"], "acta"))

    sqlite_db, sqlite_load = load_sqlite(export, work / f"sqlite-{args.reports}.db")
    for q in QUESTIONS:
        params = list(q["params"].values())
        rows, med, lo, n = timed(lambda: sqlite_db.execute(q["sqlite"], params).fetchall(),
                                 args.runs, args.max_seconds)
        results[q["name"]]["sqlite"] = (med * 1e3, lo * 1e3, n, shape(q["name"], rows, "sqlite"))
    sqlite_db.close()

    kuzu_db, conn, kuzu_load = load_kuzu(export, work / f"kuzu-{args.reports}", work)
    for q in QUESTIONS:
        # Prepared once, like sqlite3's statement cache and acta's cache of
        # parsed statements: nobody parses a repeated query again.
        # (Kuzu 0.11 flags prepare as deprecated; it is still the way to
        # run a statement without parsing and planning it each time.)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            stmt = conn.prepare(q["kuzu"])
        rows, med, lo, n = timed(lambda: conn.execute(stmt, q["params"]).get_all(),
                                 args.runs, args.max_seconds)
        results[q["name"]]["kuzu"] = (med * 1e3, lo * 1e3, n, shape(q["name"], rows, "kuzu"))

    ok = True
    print(f"\n{acta_report['documents']} reports: {acta_report['nodes']:,} nodes, "
          f"{acta_report['edges']:,} edges. acta opened the knowledge base in "
          f"{acta_report['open_ms'] / 1e3:.1f} s; SQLite loaded the CSV in {sqlite_load:.1f} s, "
          f"Kuzu in {kuzu_load:.1f} s. Median of up to {args.runs} runs (min in brackets), "
          f"one thread each.\n")
    head = ("| question | rows | acta ms | Kuzu ms | SQLite ms | acta / Kuzu | acta / SQLite "
            "| same answers |")
    print(head)
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for q in QUESTIONS:
        r = results[q["name"]]
        same = r["acta"][3] == r["kuzu"][3] == r["sqlite"][3]
        ok &= same
        fmt = lambda v: f"{v:.3f}" if v < 1 else f"{v:.2f}"
        cell = lambda s: f"{fmt(r[s][0])} [{fmt(r[s][1])}]"
        print(f"| {q['name']} | {len(r['acta'][3])} | {cell('acta')} | {cell('kuzu')} "
              f"| {cell('sqlite')} | {r['acta'][0] / r['kuzu'][0]:.2f} "
              f"| {r['acta'][0] / r['sqlite'][0]:.2f} | {'yes' if same else 'NO'} |")
        if not same:
            for s in ("acta", "kuzu", "sqlite"):
                print(f"    {s}: {len(r[s][3])} rows, first {r[s][3][:3]}", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "reports": acta_report["documents"], "nodes": acta_report["nodes"],
            "edges": acta_report["edges"], "acta_open_ms": acta_report["open_ms"],
            "sqlite_load_s": sqlite_load, "kuzu_load_s": kuzu_load,
            "queries": {name: {s: {"median_ms": v[0], "min_ms": v[1], "runs": v[2],
                                   "rows": len(v[3])} for s, v in r.items()}
                        for name, r in results.items()},
        }, indent=2))
    if not ok:
        sys.exit("the three systems do not give the same answers (see above)")


if __name__ == "__main__":
    main()
