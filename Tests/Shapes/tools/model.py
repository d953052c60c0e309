"""The page model the shapes are rendered from: a live blog (or article) at one capture time.

Everything here is data; the renderers (render_guardian.py, render_bbc.py, render_article.py)
turn a Page into HTML or into the text a browser's select-all + copy gives."""
import copy, datetime, json, re, hashlib
from dataclasses import dataclass, field
from typing import List, Optional

import corpus

UTC = datetime.timezone.utc
BST = datetime.timezone(datetime.timedelta(hours=1), "BST")
GMT = datetime.timezone(datetime.timedelta(hours=0), "GMT")


@dataclass
class Entry:
    id: str
    t: datetime.datetime            # UTC
    title: str = ""
    paras: List[str] = field(default_factory=list)
    key: bool = False
    author: str = ""
    author_role: str = ""
    updated: Optional[datetime.datetime] = None


@dataclass
class Page:
    kind: str                       # guardian | bbc
    title: str
    standfirst: str
    byline: List[str]
    url: str
    section: str
    series: str
    published: datetime.datetime
    now: datetime.datetime          # capture time (drives "2h ago")
    modified: datetime.datetime
    entries: List[Entry]            # newest first
    mostread: List[tuple]           # (title, url)
    cookie_id: str = "c0ffee00-0000-4000-8000-000000000001"
    pageview: str = "kf3x9a1b2c"
    tz: datetime.timezone = BST
    keylist_layout: str = "three-lines"   # text copies: "three-lines" | "one-line"
    summary_intro: str = ""         # BBC: summary heading extra
    zone_name: str = "BST"

    def key_events(self):
        return [e for e in self.entries if e.key]


def iso(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rel_short(now, t):
    m = int((now - t).total_seconds() // 60)
    if m < 1:
        return "now"
    if m < 60:
        return f"{m}m ago"
    h = m // 60
    if h < 24:
        return f"{h}h ago"
    return f"{h // 24}d ago"


def rel_long(now, t):
    m = int((now - t).total_seconds() // 60)
    if m < 1:
        return "just now"
    if m < 60:
        return f"{m} minute{'s' if m != 1 else ''} ago"
    h = m // 60
    if h < 24:
        return f"{h} hour{'s' if h != 1 else ''} ago"
    d = h // 24
    return f"{d} day{'s' if d != 1 else ''} ago"


def paragraphs(sentences, rng=None):
    """Group the corpus's sentences into paragraphs of one or two sentences, as live blogs do."""
    out, cur = [], []
    for s in sentences:
        s = corpus.sentence(s)
        if not s or len(s) < 3:
            continue
        if len(s.split()) < 8 and not re.search(r"[.!?:\"'’”)]$", s):   # photo-caption debris
            continue
        cur.append(s)
        if len(" ".join(cur)) > 140 or len(cur) == 2:
            out.append(" ".join(cur)); cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def load_guardian(name):
    d = json.load(open(f"{corpus.CORPUS}/liveblogs/{name}"))
    docs = sorted(d["documents"], key=lambda x: (x["time"], x["block_id"]))
    entries = []
    for x in docs:
        y, mo, da, h, mi = x["time"]
        t = datetime.datetime(y, mo, da, h, mi, tzinfo=UTC)
        paras = paragraphs(x["text"])
        if not paras:
            continue
        entries.append(Entry(id=x["block_id"], t=t, title=corpus.title(x["title"]) if x["title"] else "",
                             paras=paras, key=bool(x["is_key_event"] and x["title"])))
    # a paragraph the corpus repeats in several entries (caption debris) would make "added" ambiguous
    seen = {}
    for e in entries:
        for para in e.paras:
            seen[para] = seen.get(para, 0) + 1
    for e in entries:
        e.paras = [x for x in e.paras if seen[x] == 1] or e.paras
    return entries


def load_bbc():
    d = json.load(open(f"{corpus.CORPUS}/liveblogs/bbc-essex-election-2017.json"))
    entries, stories = [], []
    for x in d["documents"]:
        b = x["block_id"] or ""
        if b.startswith("sty_") and x["title"]:
            stories.append((corpus.title(x["title"]), "https://www.bbc.co.uk/news/uk-england-essex-" + b[4:]))
        if not b.startswith("post_"):
            continue
        t = datetime.datetime.fromtimestamp(int(b[5:13], 16), tz=UTC).replace(second=0)
        paras = paragraphs(x["text"])
        if not paras:
            continue
        a = x.get("author") or []
        entries.append(Entry(id=b, t=t, title=corpus.title(x["title"]), paras=paras,
                             author=a[0] if a else "", author_role=a[1] if len(a) > 1 else ""))
    entries.sort(key=lambda e: e.t)
    return entries, stories


def clone(p):
    return copy.deepcopy(p)


def find(page, prefix):
    for e in page.entries:
        if e.id.startswith(prefix) or e.id == prefix:
            return e
    raise KeyError(prefix)


def stamp(*parts):
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()
