"""Build the guardian-html, guardian-text, bbc-html and bbc-text shapes.

Each case is a pair of captures of one modelled live blog (entries from the corpus at
/work/shared/corpus/liveblogs) with one deliberate change (or only page furniture changed);
expected.json is written from the change applied, then checked by eye."""
import datetime, json, os, re, sys, uuid, random
import model, corpus, render_guardian, render_bbc
from model import Page, Entry, UTC, iso, clone, find

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

def D(*a):
    return datetime.datetime(*a, tzinfo=UTC)

# ---------------------------------------------------------------- the modelled blogs
LB = model.load_guardian("guardian-london-bridge-attack-2017-06-03.json")
EU = model.load_guardian("guardian-eu-referendum-2016-06-23.json")
BBC, BBC_STORIES = model.load_bbc()

# titled entries that this suite's pages do not list as key events (so an entry title can change
# without a key event changing)
NOT_KEY = {"block-5933d324e4b0be3ed1922c17", "block-5933c580e4b0be3ed1922be8",
           "block-576cde2ee4b030d83eb4a1a7", "block-576ccfd8e4b0f43038109852"}
for e in LB + EU:
    if e.id in NOT_KEY:
        e.key = False

BBC_KEY = {"post_5a950aea9917e10675001f46", "post_5a95209bec866006730d48ed", "post_5a953e2bec866006730d4973",
           "post_5a955a699917e10675002059", "post_5a957fba66ceb60676631c02", "post_5a9570619917e1067500209f",
           "post_5a9652c79917e10675002228", "post_5a9661ae66ceb60676631d99", "post_5a969fc3680cc406742ac35d"}
for e in BBC:
    e.key = e.id in BBC_KEY
    if e.id == "post_5a95435a9917e1067500200f":       # "A120 crash footage": mostly tweet debris
        e.paras = e.paras[:3]

def titles_of(entries):
    return [(e.title, "https://www.theguardian.com/uk-news/2017/jun/04/" + re.sub(r"[^a-z0-9]+", "-", e.title.lower()).strip("-"))
            for e in entries if e.title]

GU_MOST = (titles_of([e for e in EU if e.key])[:12] + titles_of([e for e in LB if e.key])[-12:])
BBC_MOST = BBC_STORIES[:30]
render_bbc.TOP = BBC_STORIES[40:54]

BLOGS = {
    "lb": dict(kind="guardian", entries=LB,
               title="London Bridge attack: police name suspects as May says 'enough is enough' – live",
               standfirst="Seven people have been killed and 48 injured after three attackers drove a van into pedestrians on London Bridge and stabbed people in Borough Market",
               byline=["Jamie Grierson", "Haroon Siddique"],
               url="https://www.theguardian.com/uk-news/live/2017/jun/04/london-bridge-attack-live-updates",
               section="UK news", series="London Bridge attack", published=D(2017, 6, 3, 22, 3)),
    "eu": dict(kind="guardian", entries=EU,
               title="Brexit: Cameron to resign after UK votes to leave EU – live",
               standfirst="Leave wins the EU referendum with 52% of the vote; David Cameron says he will stand down as prime minister by October",
               byline=["Andrew Sparrow"],
               url="https://www.theguardian.com/politics/live/2016/jun/24/eu-referendum-result-brexit-cameron-live",
               section="Politics", series="EU referendum", published=D(2016, 6, 23, 19, 55)),
    "bbc": dict(kind="bbc", entries=BBC,
                title="Essex: Snow closes schools and brings travel disruption",
                standfirst="Live updates on news, sport, travel and weather from across Essex as snow and ice bring disruption",
                byline=["Orla Moore", "Andrew Segal"],
                url="https://www.bbc.co.uk/news/live/uk-england-essex-43152318",
                section="Essex", series="Essex", published=D(2018, 2, 27, 6, 30)),
}

def page(blog, since, upto, now, pageview="kf3x9a1b2c", cookie="c0ffee00-0000-4000-8000-000000000001", most_shift=0, layout="three-lines"):
    b = BLOGS[blog]
    es = [clone_e(e) for e in b["entries"] if since <= e.t <= upto]
    es.sort(key=lambda e: e.t, reverse=True)
    # the most-viewed box carries other stories: for one Guardian blog, the other blog's key events
    pool = {"lb": titles_of([e for e in EU if e.key]), "eu": titles_of([e for e in LB if e.key])}.get(blog, BBC_MOST)
    most = [pool[(i + most_shift) % len(pool)] for i in range(10)]
    return Page(kind=b["kind"], title=b["title"], standfirst=b["standfirst"], byline=list(b["byline"]), url=b["url"],
                section=b["section"], series=b["series"], published=b["published"], now=now,
                modified=max(e.t for e in es), entries=es, mostread=most, cookie_id=cookie, pageview=pageview,
                tz=model.BST if b["kind"] == "guardian" else model.GMT, keylist_layout=layout)

def clone_e(e):
    return model.Entry(**{k: (list(v) if isinstance(v, list) else v) for k, v in e.__dict__.items()})

def noise(p, minutes, seed, most_shift=1):
    """Same content, captured later: relative labels, tracking ids, cookie id, most-read order change."""
    q = clone(p)
    q.now = p.now + datetime.timedelta(minutes=minutes)
    r = random.Random(seed)
    q.pageview = "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))
    q.cookie_id = str(uuid.UUID(int=r.getrandbits(128), version=4))
    m = list(q.mostread)
    m = m[most_shift:] + m[:most_shift]
    r.shuffle(m[:4])
    q.mostread = m
    return q

def key_list(p):
    return [{"time": iso(e.t), "title": e.title} for e in p.key_events()]

def exp(desc, old, new, fields=(), added=(), removed=(), edited=(), moved=(), ke_added=(), ke_removed=(), ke_retitled=(), noise_only=False):
    return {"description": desc, "fields": list(fields),
            "keyEvents": {"old": key_list(old), "new": key_list(new), "added": list(ke_added),
                          "removed": list(ke_removed), "retitled": list(ke_retitled)},
            "blocks": {"added": list(added), "removed": list(removed), "edited": list(edited), "moved": list(moved)},
            "noiseOnly": noise_only}

def entry_blocks(e):
    return ([e.title] if e.title else []) + list(e.paras)

def next_after(blog, t, want_key=None, want_title=None):
    for e in sorted(BLOGS[blog]["entries"], key=lambda e: e.t):
        if sum(1 for x in BLOGS[blog]["entries"] if x.t == e.t) > 1:
            continue
        if e.t > t and (want_key is None or e.key == want_key) and (want_title is None or bool(e.title) == want_title):
            return e
    raise LookupError

def entries_between(blog, a, b):
    return [e for e in BLOGS[blog]["entries"] if a < e.t <= b]

# ---------------------------------------------------------------- word edits that a desk would make
WORD_EDITS = [(r"\bsix\b", "seven"), (r"\b48\b", "50"), (r"\bthree\b", "four"), (r"\bsaid\b", "told reporters"),
              (r"\bhundreds\b", "dozens"), (r"\bmorning\b", "afternoon"), (r"\bSaturday\b", "Sunday"),
              (r"\bclosed\b", "shut"), (r"\bseveral\b", "a number of"), (r"\bsays\b", "has said"),
              (r"\bwill\b", "would"), (r"\bhas\b", "had")]

def word_edit(e, skip=0):
    for i, para in enumerate(e.paras):
        for pat, rep in WORD_EDITS:
            if re.search(pat, para):
                if skip:
                    skip -= 1; continue
                new = re.sub(pat, rep, para, count=1)
                e.paras[i] = new
                return para, new
    raise LookupError(e.id)

def edit_some(entries):
    for e in entries:
        try:
            return word_edit(e)
        except LookupError:
            pass
    raise LookupError

# ---------------------------------------------------------------- the cases
def cases(shape, blogs):
    """blogs: the two modelled blogs this shape alternates between (a, b)."""
    a, b = blogs
    txt = shape.endswith("text")
    if not txt:  # HTML pages: shorter windows keep them within 20-60 KB
        W = {"lb": (D(2017, 6, 4, 7, 5), D(2017, 6, 4, 8, 40)), "eu": (D(2016, 6, 24, 6, 0), D(2016, 6, 24, 7, 30)),
             "bbc": (D(2018, 2, 27, 9, 45), D(2018, 2, 27, 12, 0))}
        W2 = {"lb": (D(2017, 6, 4, 9, 20), D(2017, 6, 4, 10, 40)), "eu": (D(2016, 6, 24, 7, 30), D(2016, 6, 24, 9, 30)),
              "bbc": (D(2018, 2, 27, 11, 10), D(2018, 2, 27, 15, 0))}
    else:
        W = {"lb": (D(2017, 6, 4, 6, 0), D(2017, 6, 4, 8, 40)), "eu": (D(2016, 6, 24, 5, 0), D(2016, 6, 24, 7, 30)),
             "bbc": (D(2018, 2, 27, 6, 0), D(2018, 2, 28, 9, 20))}
        W2 = {"lb": (D(2017, 6, 4, 8, 30), D(2017, 6, 4, 10, 40)), "eu": (D(2016, 6, 24, 6, 0), D(2016, 6, 24, 9, 30)),
              "bbc": (D(2018, 2, 27, 6, 0), D(2018, 2, 28, 15, 0))}
    out = []

    def base(blog, w=W, dt=47, layout="three-lines"):
        s, u = w[blog]
        return page(blog, s, u, u + datetime.timedelta(minutes=dt), layout=layout)

    def lay(i):
        return "one-line" if (txt and i % 2) else "three-lines"

    # 01 headline only
    o = base(a, layout=lay(1)); n = clone(o)
    n.title = {"lb": "London Bridge attack: seven killed as May says 'enough is enough' – live",
               "eu": "Brexit: David Cameron to resign after UK votes to leave European Union – live",
               "bbc": "Essex: Snow closes hundreds of schools and brings travel chaos"}[a]
    out.append(("01-headline-only", o, n, exp("headline rewritten, nothing else", o, n,
                fields=[{"field": "title", "change": "edited", "oldText": o.title, "newText": n.title}])))
    # 02 standfirst only
    o = base(b, layout=lay(2)); n = clone(o)
    n.standfirst = {"lb": "Seven people have been killed and 48 injured after three attackers drove a van into pedestrians on London Bridge and stabbed people in Borough Market; police have made 12 arrests in Barking",
                    "eu": "Leave wins the EU referendum with 52% of the vote; David Cameron says he will stand down as prime minister by October and the pound falls to a 31-year low",
                    "bbc": "Live updates on news, sport, travel and weather from across Essex as snow and ice bring disruption to roads, railways, airports and schools"}[b]
    out.append(("02-standfirst-only", o, n, exp("standfirst extended, nothing else", o, n,
                fields=[{"field": "standfirst", "change": "edited", "oldText": o.standfirst, "newText": n.standfirst}])))
    # 03 byline only
    o = base(a, W2, layout=lay(3)); n = clone(o)
    n.byline = o.byline + [{"lb": "Claire Phipps", "eu": "Graeme Wearden", "bbc": "Jenna Hawkey"}[a]]
    rb = render_guardian.byline_text if BLOGS[a]["kind"] == "guardian" else render_bbc.byline_str
    out.append(("03-byline-only", o, n, exp("a second/third writer added to the byline", o, n,
                fields=[{"field": "byline", "change": "edited", "oldText": rb(o.byline), "newText": rb(n.byline)}])))
    # 04 key event retitled
    o = base(b, layout=lay(4)); n = clone(o)
    kes = n.key_events(); ke = kes[min(2, len(kes) - 1)]
    old_t = ke.title
    ke.title = {"lb": None, "eu": None, "bbc": None}[b] or retitle(old_t)
    out.append(("04-key-event-retitled", o, n, exp("one key event retitled (same entry, same time): its key-events list item and its entry heading both change", o, n,
                edited=[{"old": old_t, "new": ke.title}], ke_retitled=[{"oldTitle": old_t, "newTitle": ke.title}])))
    # 05 key event added, with its entry, captured a little later
    s, u = W[a]
    k = next_after(a, u, want_key=True)
    o = page(a, s, k.t - datetime.timedelta(minutes=1), k.t - datetime.timedelta(minutes=1) + datetime.timedelta(minutes=9), layout=lay(5))
    n = page(a, s, k.t, k.t + datetime.timedelta(minutes=6), layout=lay(5))
    o_ids = {e.id for e in o.entries}
    newcomers = [e for e in n.entries if e.id not in o_ids]
    assert [e.id for e in newcomers] == [k.id], (a, [e.id for e in newcomers])
    out.append(("05-key-event-added", o, n, exp("a new key-event entry published at the top; older entries only shift down", o, n,
                added=entry_blocks(k), ke_added=[k.title])))
    # 06 paragraph word edit inside an existing entry
    o = base(b, W2, layout=lay(6)); n = clone(o)
    old_p, new_p = edit_some([x for x in n.entries if len(x.paras) >= 2][3:])
    out.append(("06-paragraph-word-edit", o, n, exp("one word changed in one paragraph of an existing entry", o, n,
                edited=[{"old": old_p, "new": new_p}])))
    # 07 entry title changed (an entry that is not a key event)
    o = base(a, W2, layout=lay(7)); n = clone(o)
    e = [x for x in n.entries if x.title and not x.key][0]
    old_t = e.title
    e.title = retitle(old_t)
    out.append(("07-entry-title-changed", o, n, exp("the heading of one entry that is not a key event is rewritten", o, n,
                edited=[{"old": old_t, "new": e.title}])))
    # 08 noise: relative times, most-read, cookie id, tracking ids
    o = base(b, layout=lay(8)); n = noise(o, 38, shape + "08")
    out.append(("08-noise-relative-times", o, n, exp("captured 38 minutes later with nothing new: only relative times ('2h ago' → '3h ago'), the most-read box, the cookie-consent id and tracking parameters differ", o, n, noise_only=True)))
    # 09 noise: Updated-at lines and page dateline
    o = base(a, W2, layout=lay(9)); n = noise(o, 12, shape + "09", most_shift=0)
    n.entries[1].updated = n.entries[1].t + datetime.timedelta(minutes=9)
    n.entries[3].updated = n.now - datetime.timedelta(minutes=2)
    o.entries[3].updated = o.entries[3].t + datetime.timedelta(minutes=4)
    n.modified = n.now - datetime.timedelta(minutes=2)
    out.append(("09-noise-updated-lines", o, n, exp("only 'Updated at …' lines, the page's last-modified dateline, relative times and tracking ids change; no text changes", o, n, noise_only=True)))
    # 10 ordinary entry added at the top
    s, u = W2[b]
    k = next_after(b, u, want_key=False)
    o = page(b, s, k.t - datetime.timedelta(minutes=1), k.t + datetime.timedelta(minutes=-1, seconds=240), layout=lay(10))
    n = page(b, s, k.t, k.t + datetime.timedelta(minutes=3), layout=lay(10))
    newcomers = [e for e in n.entries if e.id not in {x.id for x in o.entries}]
    assert [e.id for e in newcomers] == [k.id], (b, [e.id for e in newcomers])
    out.append(("10-entry-added", o, n, exp("one new entry (not a key event) at the top; nothing else changes", o, n,
                added=entry_blocks(k))))
    # ---- held out
    # 11 noise: much later capture, one most-read item replaced
    o = base(a, W, dt=5, layout=lay(11)); n = noise(o, 131, shape + "11", most_shift=3)
    out.append(("11-noise-late-capture", o, n, exp("captured over two hours later with nothing new: relative times cross hour boundaries, most-read box rotated, new cookie and page-view ids", o, n, noise_only=True)))
    # 12 key event retitled on the other blog, the newest key event
    o = base(a, W2, layout=lay(12)); n = clone(o)
    ke = n.key_events()[0]
    old_t = ke.title
    ke.title = retitle(old_t)
    out.append(("12-key-event-retitled-latest", o, n, exp("the newest key event retitled (same entry, same time)", o, n,
                edited=[{"old": old_t, "new": ke.title}], ke_retitled=[{"oldTitle": old_t, "newTitle": ke.title}])))
    # 13 a paragraph moved inside an entry
    o = base(b, W2, layout=lay(13)); n = clone(o)
    e = [x for x in n.entries if len(x.paras) >= 3][1]
    moved = e.paras.pop()
    e.paras.insert(0, moved)
    out.append(("13-paragraph-moved", o, n, exp("the last paragraph of one entry moved to the top of that entry, text unchanged", o, n,
                moved=[moved])))
    # 14 an entry removed
    o = base(a, W, layout=lay(14)); n = clone(o)
    gone = ([x for x in n.entries if not x.key and not x.title] or [x for x in n.entries if not x.key])[2]
    n.entries.remove(gone)
    out.append(("14-entry-removed", o, n, exp("one entry (not a key event) deleted from the middle of the page", o, n,
                removed=entry_blocks(gone))))
    # 15 combined: headline edit + key event added + word edit, captured later
    s, u = W[b]
    k = next_after(b, u, want_key=True)
    o = page(b, s, k.t - datetime.timedelta(minutes=1), k.t + datetime.timedelta(minutes=-1, seconds=300), layout=lay(15))
    n = page(b, s, k.t, k.t + datetime.timedelta(minutes=14), pageview="zz81hq0w3e", most_shift=2, layout=lay(15))
    n.title = retitle(o.title)
    old_p, new_p = edit_some([x for x in n.entries if len(x.paras) >= 2 and x.id != k.id][2:])
    out.append(("15-combined", o, n, exp("headline edited, a new key-event entry at the top, and one word changed in an older entry; relative times and tracking ids differ too", o, n,
                fields=[{"field": "title", "change": "edited", "oldText": o.title, "newText": n.title}],
                added=entry_blocks(k), edited=[{"old": old_p, "new": new_p}], ke_added=[k.title])))
    return out

RETITLES = [("What we know so far", "What we know so far: seven dead, 48 injured"),
            ("statement", "statement in full"),
            ("says", "warns"), ("Police", "Met police"), ("police", "officers"), ("Essex", "the county"),
            ("in Essex", "across Essex"), ("latest", "update"), ("Cameron", "David Cameron"), ("Farage", "Nigel Farage"),
            ("Corbyn", "Jeremy Corbyn")]

EXPLICIT = {
    "Multi-vehicle accident closes Essex road": "Road closed after multi-vehicle accident in Essex",
    "Football: Truro match cancellation a 'sensible decision'": "Football: Concord Rangers call Truro cancellation a 'sensible decision'",
    "Woman dies after car flips over in Wickford": "Woman killed as car flips over in Wickford",
    "Scrap the car it's time for sledging!": "Scrap the car, it's time for sledging!",
    "David Davis said postponing the election would be wrong": "David Davis: postponing the election would be wrong",
    "Football: Truro City boss critical of match postponement": "Football: Truro City boss criticises match postponement",
    "Intelligence agencies and police against raising threat level": "Security services and police against raising threat level",
    "Outpatient appointments cancelled at Southend hospital": "Southend hospital cancels afternoon outpatient appointments",
    "Donald Trump hails Brexit vote as a 'great thing'": "Donald Trump hails Brexit vote as 'great thing' on visit to Turnberry",
    "Essex: Snow closes schools and brings travel disruption": "Essex: Snow closes schools as A120 crash brings travel disruption",
    "Brexit: Cameron to resign after UK votes to leave EU – live": "Brexit: pound plunges as Cameron says he will resign – live",
    "London Bridge attack: police name suspects as May says 'enough is enough' – live": "London Bridge attack: 12 arrested in Barking as May says 'enough is enough' – live",
}

def retitle(t):
    if t in EXPLICIT:
        return EXPLICIT[t]
    for a, b in RETITLES:
        if a in t and not b in t:
            return t.replace(a, b, 1)
    return t + ": latest"

HOLDOUT = {"11", "12", "13", "14", "15"}

def write_case(shape, name, o, n, e):
    held = name[:2] in HOLDOUT
    d = os.path.join(ROOT, "holdout" if held else "", shape, name)
    os.makedirs(d, exist_ok=True)
    kind = o.kind
    r = render_guardian if kind == "guardian" else render_bbc
    ext = "txt" if shape.endswith("text") else "html"
    f = r.text if ext == "txt" else r.html
    for side, p in (("old", o), ("new", n)):
        with open(os.path.join(d, f"{side}.{ext}"), "w", encoding="utf-8") as fh:
            fh.write(f(p))
    with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(e, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

def main():
    plan = {"guardian-html": ("lb", "eu"), "guardian-text": ("eu", "lb"), "bbc-html": ("bbc", "bbc"), "bbc-text": ("bbc", "bbc")}
    for shape, blogs in plan.items():
        cs = cases(shape, blogs)
        if shape.startswith("bbc"):
            # vary the BBC text copies from the BBC HTML pages: a later, longer window
            pass
        for name, o, n, e in cs:
            write_case(shape, name, o, n, e)

if __name__ == "__main__":
    main()
