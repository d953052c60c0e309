#!/usr/bin/env python3
"""Writes the captures of one realistic day of a live blog, for Benchmarks/day.sh.

    day-captures.py CORPUS OUT [COUNT]     (COUNT captures, default 1000: OUT/0001.html …)

The page is a real one: Cork Beo's live blog (CORPUS/html/corkbeo-level-3-live-cork.html), its
chrome kept byte for byte, its own 26 entries taken out, and the entries of real live blogs
(CORPUS/liveblogs/: the Guardian's London Bridge and EU referendum blogs, then the BBC's Essex
election blog, each in time order) put in one a capture, newest on top, in the page's own markup
and in its JSON-LD (`liveBlogUpdate`), as the page publishes them. Each capture is a minute after
the one before. Churn as a live page has it: each entry of the last hour says "N minutes ago",
every 20th capture an earlier entry is corrected (a sentence added), and a key event is listed
whenever the blog marks one. The page grows from ~250 KB to ~1.8 MB over 1,000 captures.
"""
import datetime
import html
import json
import os
import sys

corpus, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
page = open(os.path.join(corpus, "html", "corkbeo-level-3-live-cork.html"), encoding="utf-8").read()

# The chrome: everything but the entries' container's contents and the JSON-LD's updates.
entries_open = '<div class="live-event-entries">'
start = page.index(entries_open) + len(entries_open)
depth, end = 1, start
while depth:
    next_open, next_close = page.find("<div", end), page.find("</div>", end)
    if next_open != -1 and next_open < next_close:
        depth, end = depth + 1, next_open + 4
    else:
        depth, end = depth - 1, next_close + 6
end -= len("</div>")
ld_open = '<script type="application/ld+json">'
ld_start = page.index(ld_open, page.index('"LiveBlogPosting"') - 200) + len(ld_open)
ld_end = page.index("</script>", ld_start)
ld = json.loads(page[ld_start:ld_end])
events_start = page.index("<ul>", page.index('class="live-event-key-events')) + 4
events_end = page.index("</ul>", events_start)
url = ld["url"]


def blog(name):
    data = json.load(open(os.path.join(corpus, "liveblogs", name + ".json"), encoding="utf-8"))
    documents = sorted(data["documents"], key=lambda d: d["time"])
    return [d for d in documents if " ".join(d["text"]).strip()]


posts = []
for name in ["guardian-london-bridge-attack-2017-06-03", "guardian-eu-referendum-2016-06-23", "bbc-essex-election-2017"]:
    posts += blog(name)
authors = ["Frances Watkins", "Gavin O'Callaghan", "Amy Nolan", "Olivia Kelleher"]
day_start = datetime.datetime(2020, 10, 6, 7, 0, tzinfo=datetime.timezone.utc)


def paragraphs(post, corrected):
    sentences = list(post["text"]) + (["correction : an earlier version of this post gave the wrong time ."] if corrected else [])
    return [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]


def entry_html(n, post, at, now, corrected):
    minutes = int((now - at).total_seconds() // 60)
    label = "Just now" if minutes == 0 else f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    ago = f'<span class="time-ago">{label}</span>' if minutes < 60 else ""
    millis = int(at.timestamp() * 1000)
    title = html.escape(post["title"].strip() or " ".join(post["text"][0].split()[:8]))
    body = "".join(f"<p>{html.escape(p)} </p>" for p in paragraphs(post, corrected))
    return (f'<div class="live-event-entry" id="{2300000 + n}" data-type="default" data-post-time="{millis}" '
            f'data-last-modified-time="{millis}"><div class="entry-info"><time>{at.strftime("%H:%M")}</time>'
            f'{ago}<mark>{authors[n % len(authors)]}</mark></div>'
            f'<div class="entry-content"><h3 class="publication-font">{title} </h3>{body}</div></div>')


def entry_ld(n, post, at, corrected):
    return {"@type": "BlogPosting", "headline": post["title"].strip() or " ".join(post["text"][0].split()[:8]),
            "datePublished": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "articleBody": " ".join(paragraphs(post, corrected)),
            "author": [{"@type": "Person", "name": authors[n % len(authors)]}]}


os.makedirs(out, exist_ok=True)
initial = 40   # the blog is already going when the day's captures start
corrected = set()
html_cache, ld_cache = {}, {}


def cached(cache, key, make):
    if key not in cache:
        cache[key] = make()
    return cache[key]


for capture in range(1, count + 1):
    published = initial + capture
    now = day_start + datetime.timedelta(minutes=initial + capture)
    if capture % 20 == 0:
        corrected.add(published - 1 - (capture // 20) % 25)
    times = [day_start + datetime.timedelta(minutes=n + 1) for n in range(published)]
    newest_first = range(published - 1, -1, -1)
    post = lambda n: posts[n % len(posts)]
    entries = "".join(cached(html_cache, (n, min(published - 1 - n, 60), n in corrected),
                             lambda: entry_html(n, post(n), times[n], now, n in corrected)) for n in newest_first)
    updates = ",".join(cached(ld_cache, (n, n in corrected),
                              lambda: json.dumps(entry_ld(n, post(n), times[n], n in corrected), ensure_ascii=False))
                       for n in newest_first)
    events = "".join(f'<li><div class="key-bubble"><a data-id="{2300000 + n}">{html.escape(entry_ld(n, post(n), times[n], False)["headline"])}</a>'
                     f'<time>{times[n].strftime("%H:%M")}</time></div></li>'
                     for n in newest_first if post(n).get("is_key_event"))
    document = json.dumps(dict(ld, dateModified=now.strftime("%Y-%m-%dT%H:%M:%SZ"), liveBlogUpdate=[]), ensure_ascii=False)
    document = document.replace('"liveBlogUpdate": []', '"liveBlogUpdate": [' + updates + ']')
    text = (page[:ld_start] + document + page[ld_end:events_start] + events
            + page[events_end:start] + entries + page[end:])
    with open(os.path.join(out, f"{capture:04d}.html"), "w", encoding="utf-8") as f:
        f.write(text)
