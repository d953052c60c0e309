#!/usr/bin/env bash
# Article-body extraction quality and speed of redline against trafilatura and readability-lxml,
# on the Scrapinghub article-extraction benchmark (181 real news pages with hand-made ground
# truth, none of them used to design redline's extractor), scored by the benchmark's own
# evaluate.py: precision, recall and F1 over word 4-gram shingles, with its bootstrap ±.
#
#     Benchmarks/article-extraction/run.sh
#
# Where the pages come from: https://github.com/scrapinghub/article-extraction-benchmark, cloned
# on first use into the cache folder (below) and read from there; nothing of the benchmark is kept
# in this repository. Its pages (html/*.html.gz), ground truth (ground-truth.json) and scoring
# script (evaluate.py) are read at run time, the scoring script run unchanged.
#
# Settings:
#   ARTICLE_BENCHMARK  a checkout or a bare git dir of that repository to use instead of the clone
#                      (its HEAD is used)
#   REDLINE_BIN        the redline binary (default: `swift build -c release --product redline`)
#   EXTRACTION_CACHE   the cache folder, outside the repository (default
#                      ${XDG_CACHE_HOME:-~/.cache}/redline-benchmarks): the benchmark's clone and the
#                      Python venv (trafilatura, readability-lxml and html-text, pip-installed only
#                      if missing)
#   EXTRACTION_OUT     where predictions and per-page scores are written (default
#                      $EXTRACTION_CACHE/out): <tool>.json in the benchmark's format
#                      {id: {"articleBody": text}}, redline-pages.tsv (per-page scores, worst first)
#   N_BOOTSTRAP        evaluate.py's --n-bootstrap (default 1000)
#
# What becomes redline's articleBody: the benchmark's ground truth is the article body alone (its
# README: "article body field"; in ground-truth.json the headline appears in 1 of 181 items, the
# byline in 11 of the 113 pages where redline finds one). So the body is the text of redline's
# blocks, then of each entry's blocks (live-blog posts), joined by newlines; the title, the
# byline, the key events and entry titles are left out. The standfirst is left out too (it is in
# the ground truth on fewer than half of the pages where redline finds one); a second row,
# redline+standfirst, scores the body with the standfirst put first, to show what that choice is
# worth.
#
# Timing, per page: redline is timed as a whole process, one `redline extract FILE --format json`
# per page, from the Python driver's subprocess.run (fork, exec, read, extract, print). The Python
# tools are timed inside one warm Python process (the extraction call alone, as the benchmark's
# extractors/run_*.py call them), and separately as a whole process, one
# `python -c 'import trafilatura; …'` per page, on a sample of 20 pages, which is the figure to
# set beside redline's. Times are medians (and means) in milliseconds; the machine is whatever
# this runs on, so compare rows of the same run only.
set -euo pipefail
cd "$(dirname "$0")/../.."

cache="${EXTRACTION_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/redline-benchmarks}"
mkdir -p "$cache"
if [ -z "${ARTICLE_BENCHMARK:-}" ]; then
  ARTICLE_BENCHMARK="$cache/article-extraction-benchmark"
  if [ ! -d "$ARTICLE_BENCHMARK" ]; then
    echo "cloning https://github.com/scrapinghub/article-extraction-benchmark into $ARTICLE_BENCHMARK" >&2
    git clone -q --depth 1 https://github.com/scrapinghub/article-extraction-benchmark "$ARTICLE_BENCHMARK"
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/redline-extraction.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The benchmark's files, from a checkout or a bare git dir.
bench="$work/benchmark"
mkdir -p "$bench"
if [ -f "$ARTICLE_BENCHMARK/evaluate.py" ] && [ -d "$ARTICLE_BENCHMARK/html" ]; then
  cp "$ARTICLE_BENCHMARK/evaluate.py" "$ARTICLE_BENCHMARK/ground-truth.json" "$bench/"
  cp -r "$ARTICLE_BENCHMARK/html" "$bench/html"
  bench_rev="$(git -C "$ARTICLE_BENCHMARK" rev-parse --short HEAD 2>/dev/null || echo checkout)"
elif git --git-dir="$ARTICLE_BENCHMARK" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  # Only these paths. A partial copy may lack some large files of output/, which git archive
  # reports on stderr even when they are not asked for; hence 2>/dev/null and the check below.
  git --git-dir="$ARTICLE_BENCHMARK" archive HEAD -- html ground-truth.json evaluate.py 2>/dev/null | tar -x -C "$bench"
  bench_rev="$(git --git-dir="$ARTICLE_BENCHMARK" rev-parse --short HEAD)"
else
  echo "run.sh: $ARTICLE_BENCHMARK is neither a checkout nor a git dir of article-extraction-benchmark" >&2
  exit 2
fi
if [ ! -f "$bench/evaluate.py" ] || [ ! -f "$bench/ground-truth.json" ] || ! ls "$bench"/html/*.html.gz >/dev/null 2>&1; then
  echo "run.sh: no evaluate.py, ground-truth.json or html/*.html.gz in $ARTICLE_BENCHMARK" >&2
  exit 2
fi
mkdir -p "$work/pages"
for f in "$bench"/html/*.html.gz; do
  gunzip -c "$f" > "$work/pages/$(basename "$f" .html.gz).html"
done

# The Python tools, in a venv kept between runs.
venv="$cache/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c 'import trafilatura, readability, html_text' 2>/dev/null; then
  # An up-to-date pip: older resolvers trip over readability-lxml's lxml[html_clean] extra.
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q trafilatura readability-lxml html-text
fi

if [ -z "${REDLINE_BIN:-}" ]; then
  swift build -c release --product redline >/dev/null 2>&1 || swift build -c release --product redline
  REDLINE_BIN="$(swift build -c release --show-bin-path)/redline"
fi

out="${EXTRACTION_OUT:-$cache/out}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
echo "benchmark $bench_rev, $(ls "$work/pages" | wc -l) pages; redline: $REDLINE_BIN"

"$venv/bin/python" - "$bench" "$work/pages" "$REDLINE_BIN" "$out" "${N_BOOTSTRAP:-1000}" <<'PY'
import gzip, importlib.metadata as md, json, os, shutil, statistics, subprocess, sys, time
from pathlib import Path

bench, pages, redline, out, n_bootstrap = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), sys.argv[5]
sys.path.insert(0, str(bench))
import evaluate  # the benchmark's own scoring code, from the copy being run
import trafilatura, html_text
from readability import Document

ground_truth = evaluate.load_json(bench / "ground-truth.json")
ids = sorted(ground_truth)
sample = ids[:20]  # the whole-process sample: the first 20 ids in name order (ids are hashes)

def html_of(i):
    # As the benchmark's extractors/run_*.py read the pages: utf-8 text.
    return (pages / f"{i}.html").read_text(encoding="utf8")

def ms(seconds):
    return seconds * 1000

# redline: one process per page.
def redline_body(doc, standfirst=False):
    parts = []
    if standfirst and doc.get("standfirst"):
        parts.append(doc["standfirst"])
    parts += [b["text"] for b in doc.get("blocks", [])]
    for entry in doc.get("entries", []):
        parts += [b["text"] for b in entry.get("blocks", [])]
    return "\n".join(p for p in parts if p)

subprocess.run([redline, "extract", str(pages / f"{ids[0]}.html"), "--format", "json"], capture_output=True)  # warm-up
predictions = {"redline": {}, "redline+standfirst": {}}
times = {"redline": []}
failures = []
for i in ids:
    start = time.perf_counter()
    run = subprocess.run([redline, "extract", str(pages / f"{i}.html"), "--format", "json"], capture_output=True)
    times["redline"].append((i, time.perf_counter() - start))
    doc = {}
    if run.returncode == 0:
        doc = json.loads(run.stdout)
    else:
        failures.append((i, run.returncode, run.stderr.decode(errors="replace").strip()[:200]))
    predictions["redline"][i] = {"articleBody": redline_body(doc)}
    predictions["redline+standfirst"][i] = {"articleBody": redline_body(doc, standfirst=True)}

# The Python tools, in this process, called as the benchmark's run_trafilatura.py and run_readability.py call them.
def run_trafilatura(html):
    return trafilatura.extract(html, include_comments=False) or ""

def run_readability(html):
    return html_text.extract_text(Document(html).summary(html_partial=True))

in_process = {"trafilatura": run_trafilatura, "readability": run_readability}
for name, extract in in_process.items():
    extract(html_of(ids[0]))  # warm-up: first-call imports and caches
    predictions[name], times[name] = {}, []
    for i in ids:
        html = html_of(i)
        start = time.perf_counter()
        text = extract(html)
        times[name].append((i, time.perf_counter() - start))
        predictions[name][i] = {"articleBody": text}

# The Python tools as whole processes, one per page, on the sample.
one_shot = {
    "trafilatura": "import sys, trafilatura; print(trafilatura.extract(open(sys.argv[1], encoding='utf8').read(), include_comments=False) or '')",
    "readability": "import sys, html_text; from readability import Document; print(html_text.extract_text(Document(open(sys.argv[1], encoding='utf8').read()).summary(html_partial=True)))",
}
process_times = {}
for name, code in one_shot.items():
    subprocess.run([sys.executable, "-c", code, str(pages / f"{sample[0]}.html")], capture_output=True, check=True)  # warm-up
    process_times[name] = []
    for i in sample:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(pages / f"{i}.html")], capture_output=True, check=True)
        process_times[name].append(time.perf_counter() - start)
process_times["redline"] = [t for i, t in times["redline"] if i in set(sample)]

# Predictions in the benchmark's format, then its evaluate.py over them.
scoring = out / "scoring"
shutil.rmtree(scoring, ignore_errors=True)
(scoring / "output").mkdir(parents=True)
shutil.copy(bench / "ground-truth.json", scoring / "ground-truth.json")
for name, prediction in predictions.items():
    text = json.dumps(prediction, ensure_ascii=False, indent=1, sort_keys=True)
    (out / f"{name}.json").write_text(text, encoding="utf8")
    (scoring / "output" / f"{name}.json").write_text(text, encoding="utf8")
print("\nevaluate.py (the benchmark's scoring, run unchanged on these predictions):", flush=True)
subprocess.run([sys.executable, str(bench / "evaluate.py"), "--n-bootstrap", n_bootstrap, "--output", "metrics.json"],
               cwd=scoring, check=True)
metrics = json.loads((scoring / "metrics.json").read_text())

versions = {
    "trafilatura": md.version("trafilatura"),
    "readability": "readability-lxml " + md.version("readability-lxml"),
}
def med(xs): return ms(statistics.median(xs))
def mean(xs): return ms(statistics.mean(xs))
print(f"\n{'tool':<19} {'precision':<14} {'recall':<14} {'F1':<14} {'in-process ms/page':<21} {'whole process ms/page (20)':<28} {'whole process, all'}")
for name in ["redline", "redline+standfirst", "trafilatura", "readability"]:
    m = metrics[name]
    cell = lambda k: f"{m[k]:.3f} ± {m[k + '_std']:.3f}"
    t = [x for _, x in times.get(name, [])]
    if name == "redline":
        inproc, allproc = "—", f"med {med(t):.1f}, mean {mean(t):.1f}"
    elif name in in_process:
        inproc, allproc = f"med {med(t):.1f}, mean {mean(t):.1f}", "—"
    else:
        inproc, allproc = "(same run)", ""
    pt = process_times.get(name)
    proc = f"med {med(pt):.1f}, mean {mean(pt):.1f}" if pt else ""
    print(f"{name:<19} {cell('precision'):<14} {cell('recall'):<14} {cell('f1'):<14} {inproc:<21} {proc:<28} {allproc}")
print("versions:", ", ".join(f"{k} {v}" for k, v in versions.items() if v))
if failures:
    print(f"redline failed on {len(failures)} pages:", *(f"  {i} exit {c}: {e}" for i, c, e in failures), sep="\n")

# Per-page scores for redline, worst first, for looking into failures.
rows = []
for i in ids:
    true, pred = ground_truth[i].get("articleBody", ""), predictions["redline"][i]["articleBody"]
    tp, fp, fn = evaluate.string_shingle_matching(true=true, pred=pred)
    p, r = evaluate.precision_score(tp, fp, fn), evaluate.recall_score(tp, fp, fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    rows.append((f1, p, r, i, len(evaluate._tokenize(true)), len(evaluate._tokenize(pred)), ground_truth[i].get("url", "")))
rows.sort()
with open(out / "redline-pages.tsv", "w", encoding="utf8") as f:
    f.write("f1\tprecision\trecall\tid\ttrue_words\tpredicted_words\turl\n")
    for f1, p, r, i, tw, pw, url in rows:
        f.write(f"{f1:.3f}\t{p:.3f}\t{r:.3f}\t{i}\t{tw}\t{pw}\t{url}\n")
print(f"\npredictions and per-page scores (redline-pages.tsv, worst first) in {out}")
PY
