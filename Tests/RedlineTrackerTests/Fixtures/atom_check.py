"""Checks an Atom 1.0 feed without the network, for redline's feed tests.

    python3 atom_check.py FEED.xml

Parses the file with xml.etree; prints one JSON object: {"problems": [...], "entries": [{"id",
"title", "updated", "link", "summary", "content"}], "id", "title", "updated"}. A problem is a
required element missing (RFC 4287: the feed's id, title, updated and an author; each entry's id,
title, updated), a content that is not type="html", or times not in order, newest first. When
feedparser happens to be installed, its verdict (bozo) counts as well.
"""
import json
import sys
import xml.etree.ElementTree as ET

A = "{http://www.w3.org/2005/Atom}"
path = sys.argv[1]
problems = []
root = ET.parse(path).getroot()
if root.tag != A + "feed":
    problems.append("the root is not an Atom feed")


def text(element, name):
    child = element.find(A + name)
    if child is None or not (child.text or "").strip():
        problems.append("missing <%s> in <%s>" % (name, element.tag.replace(A, "")))
        return None
    return child.text


feed = {"id": text(root, "id"), "title": text(root, "title"), "updated": text(root, "updated"), "entries": []}
entries = root.findall(A + "entry")
if root.find(A + "author") is None and any(e.find(A + "author") is None for e in entries):
    problems.append("no author")
for entry in entries:
    content = entry.find(A + "content")
    if content is None or content.get("type") != "html":
        problems.append("an entry's content is not type=html")
    link = entry.find(A + "link")
    summary = entry.find(A + "summary")
    feed["entries"].append({"id": text(entry, "id"), "title": text(entry, "title"), "updated": text(entry, "updated"),
                            "link": None if link is None else link.get("href"),
                            "summary": None if summary is None else summary.text,
                            "content": None if content is None else content.text})
times = [e["updated"] for e in feed["entries"]]
if times != sorted(times, reverse=True):
    problems.append("entries are not newest first")
ids = [e["id"] for e in feed["entries"]]
if len(set(ids)) != len(ids):
    problems.append("two entries share an id")
try:
    import feedparser
    parsed = feedparser.parse(path)
    if parsed.bozo:
        problems.append("feedparser: %s" % parsed.bozo_exception)
    if parsed.version != "atom10":
        problems.append("feedparser: not Atom 1.0 but %r" % parsed.version)
except ImportError:
    pass
feed["problems"] = problems
print(json.dumps(feed))
