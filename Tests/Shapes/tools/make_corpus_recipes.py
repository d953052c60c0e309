"""Write the corpus-html recipes (exact-string substitutions on the real pages in
../shared/corpus/html/, which are never copied here) and check that every `from` string
occurs exactly once in its page."""
import json, os, sys
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.environ.get("REDLINE_CORPUS", "/work/shared/corpus")

CORK = "html/corkbeo-level-3-live-cork.html"
TOI = "html/timesofindia-ipl2020-csk-vs-srh-liveblog.html"
NDTV = "html/ndtv-ind-vs-sl-cwc2023-live.html"
CORK_KE = [{"time": "2020-10-06T17:28:00Z", "title": "Coronavirus Ireland: One death and 432 new cases"}]
H = "Level 3 LIVE from Cork as Ireland adapts to incoming coronavirus restrictions"
H2 = "Level 3 LIVE from Cork as pubs and restaurants prepare to close their doors"
SF = "The country avoided Level 5 last night, but NPHET have warned it may be down the line"
TH = "IPL 2020 Live Score, CSK vs SRH: Sunrisers Hyderabad opt to bat against Chennai Super Kings"
TH2 = "IPL 2020 Live Score, CSK vs SRH: Sunrisers Hyderabad win toss, opt to bat against Chennai Super Kings"
NEW_LI = '<li><div class="key-bubble"><a data-id="2259300">Whole country moves to Level 3 from midnight</a><time>21:40</time></div></li>'
NEW_ENTRY = ('<div class="live-event-entry" id="2259300" data-type="key-event" data-post-time="1602016800000" data-last-modified-time="1602016800000">'
             '<div class="entry-info"><time>21:40</time><mark>KEY EVENT</mark></div><div class="entry-content">'
             '<h3 class="publication-font">Whole country moves to Level 3 from midnight</h3>'
             '<p>Level 3 restrictions come into force across the whole country from midnight tonight and will stay in place for three weeks.</p>'
             '<p>Pubs and restaurants will only be able to serve customers outdoors, with a maximum of 15 people, and people are asked to stay within their own county.</p>'
             '</div></div>')

def E(desc, ke_old, ke_new, fields=(), added=(), removed=(), edited=(), moved=(), ke_added=(), ke_retitled=(), noise=False):
    return {"description": desc, "fields": list(fields),
            "keyEvents": {"old": ke_old, "new": ke_new, "added": list(ke_added), "removed": [], "retitled": list(ke_retitled)},
            "blocks": {"added": list(added), "removed": list(removed), "edited": list(edited), "moved": list(moved)},
            "noiseOnly": noise}

CASES = [
 ("01-cork-headline", False, CORK, [], [
     {"from": f'<h1 class="publication-font section-theme-background-indicator">{H}</h1>', "to": f'<h1 class="publication-font section-theme-background-indicator">{H2}</h1>'},
     {"from": f'"headline": "{H}"', "to": f'"headline": "{H2}"'}],
  E("visible <h1> and JSON-LD headline rewritten together (one change)", CORK_KE, CORK_KE,
    fields=[{"field": "title", "change": "edited", "oldText": H, "newText": H2}])),
 ("02-cork-standfirst", False, CORK, [], [
     {"from": f'<p class="sub-title">{SF}</p>', "to": f'<p class="sub-title">{SF}, as pubs and restaurants prepare to close</p>'}],
  E("visible standfirst (p.sub-title) extended; meta descriptions left as they were", CORK_KE, CORK_KE,
    fields=[{"field": "standfirst", "change": "edited", "oldText": SF, "newText": SF + ", as pubs and restaurants prepare to close"}])),
 ("03-cork-key-event-retitled", False, CORK, [], [
     {"from": '<a data-id="2258956">Coronavirus Ireland: One death and 432 new cases</a>', "to": '<a data-id="2258956">Coronavirus Ireland: One death and 432 new cases confirmed</a>'},
     {"from": '<h3 class="publication-font">Coronavirus Ireland: One death and 432 new cases</h3>', "to": '<h3 class="publication-font">Coronavirus Ireland: One death and 432 new cases confirmed</h3>'}],
  E("the only key event retitled in the Key Events box and in its entry's heading", CORK_KE,
    [{"time": "2020-10-06T17:28:00Z", "title": "Coronavirus Ireland: One death and 432 new cases confirmed"}],
    edited=[{"old": "Coronavirus Ireland: One death and 432 new cases", "new": "Coronavirus Ireland: One death and 432 new cases confirmed"}],
    ke_retitled=[{"oldTitle": "Coronavirus Ireland: One death and 432 new cases", "newTitle": "Coronavirus Ireland: One death and 432 new cases confirmed"}])),
 ("04-cork-paragraph-word-edit", False, CORK, [], [
     {"from": "<p>Thanks for following our live blog throughout the day. </p>", "to": "<p>Thanks for following our live blog throughout the evening. </p>"}],
  E("one word changed in the 'Goodnight' entry", CORK_KE, CORK_KE,
    edited=[{"old": "Thanks for following our live blog throughout the day.", "new": "Thanks for following our live blog throughout the evening."}])),
 ("05-cork-entry-title", False, CORK, [], [
     {"from": '<h3 class="publication-font">In case you missed this earlier </h3>', "to": '<h3 class="publication-font">In case you missed it: today\'s case numbers </h3>'}],
  E("the heading of an entry that is not a key event rewritten", CORK_KE, CORK_KE,
    edited=[{"old": "In case you missed this earlier", "new": "In case you missed it: today's case numbers"}])),
 ("06-cork-noise-cache-busters", False, CORK, [], [
     {"from": "?v=bf6e2105341d01a574d03c062a364bb4", "to": "?v=0c1d2e3f405162738495a6b7c8d9e0f1"},
     {"from": "?v=d7545aa35a0688d34d3487f85920421b", "to": "?v=9f8e7d6c5b4a39281706f5e4d3c2b1a0"},
     {"from": 'data-context="share-bar-19056312"', "to": 'data-context="share-bar-19056312-b"'}],
  E("only asset cache-buster parameters and a tracking attribute differ", CORK_KE, CORK_KE, noise=True)),
 ("07-toi-headline", False, TOI, [], [
     {"from": f"<h1>{TH}", "to": f"<h1>{TH2}"},
     {"from": f'"2020-10-02T18:16:21+05:30","headline":"{TH}"', "to": f'"2020-10-02T18:16:21+05:30","headline":"{TH2}"'}],
  E("Times of India: visible headline and LiveBlogPosting JSON-LD headline edited together", None, None,
    fields=[{"field": "title", "change": "edited", "oldText": TH, "newText": TH2}])),
 # ---- held out
 ("08-cork-key-event-added", True, CORK, [], [
     {"from": '<div class="live-event-key-events section-theme section-theme-indicator"><h2>Key Events</h2><ul>',
      "to": '<div class="live-event-key-events section-theme section-theme-indicator"><h2>Key Events</h2><ul>' + NEW_LI},
     {"from": '<div class="live-event-entries">', "to": '<div class="live-event-entries">' + NEW_ENTRY}],
  E("a new key-event entry at the top of the feed (21:40 Irish time = 20:40 UTC) and in the Key Events box", CORK_KE,
    [{"time": "2020-10-06T20:40:00Z", "title": "Whole country moves to Level 3 from midnight"}] + CORK_KE,
    added=["Whole country moves to Level 3 from midnight",
           "Level 3 restrictions come into force across the whole country from midnight tonight and will stay in place for three weeks.",
           "Pubs and restaurants will only be able to serve customers outdoors, with a maximum of 15 people, and people are asked to stay within their own county."],
    ke_added=["Whole country moves to Level 3 from midnight"])),
 ("09-ndtv-noise-versions", True, NDTV, [], [
     {"from": "?v=01.20230825", "to": "?v=01.20231103"},
     {"from": "&ver=1", "to": "&ver=2"}],
  E("NDTV: only script/style version parameters differ", None, None, noise=True)),
 ("10-cork-noise-old-side", True, CORK, [
     {"from": "?v=bf6e2105341d01a574d03c062a364bb4", "to": "?v=aaaabbbbccccddddeeeeffff00001111"}], [
     {"from": 'data-context="share-bar-19056312"', "to": 'data-context="share-bar-19056312-x"'}],
  E("both sides altered: only a cache-buster (old side) and a tracking attribute (new side) differ", CORK_KE, CORK_KE, noise=True)),
]

def check():
    ok = True
    pages = {}
    for name, held, page, old, new, e in CASES:
        s = pages.setdefault(page, open(os.path.join(CORPUS, page), encoding="utf-8").read())
        for side, reps in (("old", old), ("new", new)):
            for r in reps:
                n = s.count(r["from"])
                if n != 1:
                    ok = False
                    print(f"{name} {side}: 'from' occurs {n} times: {r['from'][:70]}")
    return ok

def main():
    if not check():
        sys.exit(1)
    for name, held, page, old, new, e in CASES:
        d = os.path.join(ROOT, "holdout" if held else "", "corpus-html", name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "recipe.json"), "w") as fh:
            json.dump({"corpus": page, "encoding": "utf-8", "old": old, "new": new}, fh, ensure_ascii=False, indent=2); fh.write("\n")
        if e["keyEvents"]["old"] is None:
            e["keyEvents"]["old"] = e["keyEvents"]["new"] = None
        with open(os.path.join(d, "expected.json"), "w") as fh:
            json.dump(e, fh, ensure_ascii=False, indent=2); fh.write("\n")
    print("all 'from' strings occur exactly once")

if __name__ == "__main__":
    main()
