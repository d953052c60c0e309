"""Build the article-html shape: ordinary (non-live) news articles in three house styles, text from
the corpus entries (re-cased), each case one change or only page furniture."""
import datetime, json, os, random, re, uuid, copy
from html import escape
import corpus, model
from make_live import D, LB, EU, BBC, BBC_STORIES, GU_MOST, word_edit, ROOT

def esc(s):
    return escape(s, quote=True)

def body_of(entries, subheads):
    """blocks: list of ("p"|"h2", text)"""
    out = []
    for e, sub in zip(entries, subheads):
        if sub:
            out.append(["h2", sub])
        out += [["p", x] for x in e.paras]
    return out

def get(lst, prefix):
    return next(e for e in lst if e.id.startswith(prefix))

ARTICLES = {
    "gu": dict(style="guardian",
               title="London Bridge attack: what we know so far",
               standfirst="Seven people have been killed and 48 injured after three men drove a van into pedestrians and went on a stabbing spree in Borough Market",
               byline=["Jamie Grierson"], published=D(2017, 6, 4, 16, 44), section="UK news",
               url="https://www.theguardian.com/uk-news/2017/jun/04/london-bridge-attack-what-we-know-so-far",
               body=body_of([get(LB, "block-59342e64"), get(LB, "block-5933f8d2"), get(LB, "block-5933fb49"), get(LB, "block-593403db"), get(LB, "block-5933f1cc"), get(LB, "block-5933c5df")],
                            [None, "Arrests in Barking", "Officers injured", "British Transport Police officer", "Barking raid", "Public 'risked their own lives'"])),
    "bbc": dict(style="bbc",
                title="Snow closes more than 100 schools in Essex",
                standfirst="More than 100 schools across Essex have closed as snow and freezing temperatures continue to cause disruption across the county.",
                byline=["Orla Moore"], published=D(2018, 3, 2, 6, 36), section="Essex",
                url="https://www.bbc.co.uk/news/uk-england-essex-43251077",
                body=body_of([get(BBC, "post_5a98f0d6"), get(BBC, "post_5a98fe95"), get(BBC, "post_5a9902a2"), get(BBC, "post_5a990262"), get(BBC, "post_5a991624"), get(BBC, "post_5a996f74"), get(BBC, "post_5a97dd8a"), get(BBC, "post_5a97eaae"), get(BBC, "post_5a95209b")],
                             [None, "Stansted open as normal", "Snow drifts", "Tow truck to the rescue", "Where the snow is welcome", "Help for homeless people", "Only travel 'where necessary'", "Tendring roads", "Earlier closures"])),
    "eu": dict(style="regional",
               title="EU referendum: what we know so far as Britain votes to leave",
               standfirst="Britain has voted to leave the European Union, David Cameron has said he will resign and the pound has fallen to its lowest level since 1985.",
               byline=["Andrew Sparrow"], published=D(2016, 6, 24, 11, 3), section="Politics",
               url="https://www.example-news.co.uk/politics/eu-referendum-what-we-know-so-far-1.4120551",
               body=body_of([get(EU, "block-576d0151"), get(EU, "block-576cdfa7"), get(EU, "block-576cdd54"), get(EU, "block-576cdbe0"), get(EU, "block-576cd399")],
                            [None, "Cameron to resign", "Markets", "Scotland", "Labour"])),
}

CSS = "body{font-family:Georgia,serif;margin:0}header,footer{background:#052962;color:#fff;padding:10px}article{max-width:640px;margin:auto}p{line-height:1.5}.most{border-top:3px solid #c70000}.cookie{position:fixed;bottom:0;background:#fff}" * 1

def fmt(t, style):
    if style == "bbc":
        l = t.astimezone(model.GMT)
        return str(l.day) + l.strftime(" %B %Y")
    l = t.astimezone(model.BST)
    return l.strftime("%a ") + str(l.day) + l.strftime(" %b %Y %H.%M") + " BST"

def render(a, st):
    """a: article dict; st: state dict with now, modified, updated_label, most, cookie, pv."""
    style = a["style"]
    by = " and ".join(a["byline"]) if len(a["byline"]) < 3 else ", ".join(a["byline"][:-1]) + " and " + a["byline"][-1]
    blocks = "\n".join(f"<{k}>{esc(v)}</{k}>" for k, v in a["body"])
    most = "\n".join(f'<li><a href="{esc(u)}?CMP=most_read_{st["pv"][:5]}&amp;utm_source=site&amp;utm_medium=mostread">{esc(t)}</a></li>' for t, u in st["most"])
    rel = model.rel_long(st["now"], a["published"])
    upd = st.get("updated_label") or ""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                     "description": a["standfirst"], "datePublished": model.iso(a["published"]),
                     "dateModified": model.iso(st["modified"]), "author": [{"@type": "Person", "name": n} for n in a["byline"]],
                     "mainEntityOfPage": a["url"], "publisher": {"@type": "Organization", "name": {"guardian": "The Guardian", "bbc": "BBC News", "regional": "The Evening Chronicle"}[style]}},
                    ensure_ascii=False, indent=1)
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ["News", "Politics", "Business", "Sport", "Opinion", "Culture", "Lifestyle", "Travel", "Weather"])
    if style == "guardian":
        head = f"""<div data-gu-name="headline"><h1>{esc(a['title'])}</h1></div>
<div data-gu-name="standfirst"><p>{esc(a['standfirst'])}</p></div>
<address aria-label="Contributor info"><a rel="author" href="https://www.theguardian.com/profile/{a['byline'][0].lower().replace(' ', '')}">{esc(by)}</a></address>
<div class="dateline"><time datetime="{model.iso(a['published'])}">{fmt(a['published'], style)}</time>{f'<span class="last-updated">{esc(upd)}</span>' if upd else ''}</div>"""
    elif style == "bbc":
        head = f"""<h1 id="main-heading" class="ssrcss-15xko80-StyledHeading">{esc(a['title'])}</h1>
<div class="ssrcss-byline"><time datetime="{model.iso(a['published'])}"><span class="rel">{esc(rel)}</span> <span class="abs">{fmt(a['published'], style)}</span></time>{f'<span class="last-updated">{esc(upd)}</span>' if upd else ''}</div>
<div data-component="byline-block"><p class="ssrcss-byline-name">By {esc(by)}</p><p class="ssrcss-role">BBC News, Essex</p></div>
<div data-component="text-block"><p><b class="ssrcss-introduction">{esc(a['standfirst'])}</b></p></div>"""
    else:
        head = f"""<p class="kicker"><a href="/politics">{esc(a['section'])}</a></p>
<h1 class="article-title" itemprop="headline">{esc(a['title'])}</h1>
<p class="article-standfirst" itemprop="description">{esc(a['standfirst'])}</p>
<div class="article-meta"><span class="author" itemprop="author">By <a href="/authors/{a['byline'][0].lower().replace(' ', '-')}">{esc(by)}</a></span>
<span class="published">Published <time datetime="{model.iso(a['published'])}">{esc(rel)}</time></span>{f' <span class="last-updated">{esc(upd)}</span>' if upd else ''}</div>"""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} | {esc(a['section'])}</title>
<meta name="description" content="{esc(a['standfirst'])}">
<link rel="canonical" href="{a['url']}">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:url" content="{a['url']}?utm_source=og&amp;pvid={st['pv']}">
<style>{CSS}</style>
<script type="application/ld+json">{ld}</script>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageViewId":"{st['pv']}","consentId":"{st['cookie']}","section":"{esc(a['section'])}","wordCount":{sum(len(v.split()) for k, v in a['body'])}}});</script>
<script>window.__CONFIG__={{"ads":{{"slots":[{",".join('{"id":"ad-%s-%d","sizes":[[300,250],[300,600]],"targeting":{"pos":"%d","sect":"%s"}}' % (st['pv'][:4], i, i, esc(a['section'])) for i in range(12))}],"prebid":{{"timeout":1500,"bidders":["appnexus","ix","openx","pubmatic","rubicon","criteo","teads","ozone","trustx","sovrn"]}}}},
"consent":{{"vendorListVersion":214,"purposes":[1,2,3,4,5,6,7,8,9,10],"specialFeatures":[1,2],"consentUUID":"{st['cookie']}","vendors":[{",".join(str(v) for v in range(1, 380, 3))}]}},
"tracking":{{"ophan":true,"comscore":"6035250","chartbeat":{{"uid":65432,"domain":"example-news.co.uk"}},"permutive":{{"project":"a4f1f7b8-0c2e","apiKey":"e1b2c3d4"}}}},
"features":{{"liveUpdates":false,"comments":false,"readingTime":true,"relatedContent":true,"newsletterPromo":true,"paywall":"metered"}},"experiments":[{",".join('{"name":"exp-%02d","variant":"%s","audience":0.%02d}' % (i, "control" if i % 2 else "variant", i) for i in range(40))}]}};</script>
<script async src="https://www.googletagmanager.com/gtm.js?id=GTM-K4Z7X2&amp;l=dataLayer&amp;pv={st['pv']}"></script>
</head>
<body>
<div class="cookie" id="consent-{st['cookie'][:8]}" data-consent-id="{st['cookie']}" role="dialog"><p>We and our partners use cookies to personalise content and ads and to analyse our traffic.</p><button>Accept all</button> <button>Manage preferences</button></div>
<header><a class="skip" href="#content">Skip to content</a><a class="logo" href="/">Home</a><nav aria-label="Sections"><ul>{nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form><a href="/signin?returnUrl={esc(a['url'])}&amp;pv={st['pv']}">Sign in</a></header>
<main id="content">
<article>
{head}
<figure><img src="https://i.example-cdn.com/img/{model.stamp(a['url'])[:10]}.jpg?width=700&amp;quality=85&amp;auto=format&amp;s={st['pv'][:6]}" alt=""><figcaption>Photograph: PA</figcaption></figure>
<div class="article-body" itemprop="articleBody">
{blocks}
</div>
<ul class="share"><li><a href="https://www.facebook.com/sharer.php?u={esc(a['url'])}%3FCMP%3Dshare_btn_fb%26pv%3D{st['pv']}">Facebook</a></li><li><a href="https://twitter.com/intent/tweet?url={esc(a['url'])}%3FCMP%3Dshare_btn_tw">Twitter</a></li><li><a href="mailto:?body={esc(a['url'])}">Email</a></li></ul>
</article>
<aside class="related"><h2>More on this story</h2><ul>{"".join(f'<li><a href="{esc(u)}?ref=related">{esc(t)}</a></li>' for t, u in st["most"][::-1][:6])}</ul></aside>
<aside class="newsletter"><h3>Sign up for our morning briefing</h3><p>The day's top stories, analysis and the best of our journalism, sent to your inbox every weekday.</p><form action="/newsletters/subscribe?src=article_{st['pv'][:4]}"><input type="email" placeholder="Your email address"><button>Sign up</button></form>
<p class="small">By signing up you agree to our privacy notice. You can unsubscribe at any time.</p></aside>
<aside class="most"><h2>Most read</h2><ol>
{most}
</ol></aside>
<div class="ad" id="ad-mpu-{st['pv'][:6]}" data-slot="mpu" aria-hidden="true">Advertisement</div>
</main>
<nav class="sitemap" aria-label="Site map"><h2>Explore</h2><ul>{"".join(f'<li><a href="/{x.lower().replace(" ", "-")}?ref=footer_sitemap">{x}</a></li>' for x in SITEMAP)}</ul></nav>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact us</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie policy</a></li><li><a href="/terms">Terms and conditions</a></li><li><a href="/corrections">Corrections and clarifications</a></li><li><a href="/accessibility">Accessibility</a></li></ul>
<p>&copy; All rights reserved.</p></footer>
<script>(function(w,d){{var s=d.createElement('script');s.src='https://cdn.example-analytics.com/tag.js?pv={st['pv']}&c={st['cookie']}';d.body.appendChild(s);w.addEventListener('scroll',function(){{w.__depth=Math.max(w.__depth||0,w.scrollY)}});}})(window,document);</script>
</body>
</html>
"""

SITEMAP = ["UK news", "World news", "Politics", "Business", "Economics", "Banking", "Markets", "Technology", "Science", "Environment",
           "Climate", "Wildlife", "Energy", "Pollution", "Education", "Schools", "Universities", "Health", "NHS", "Society",
           "Housing", "Crime", "Law", "Transport", "Rail", "Roads", "Weather", "Sport", "Football", "Cricket", "Rugby union",
           "Tennis", "Golf", "Cycling", "Formula One", "Culture", "Books", "Music", "Film", "TV and radio", "Art and design",
           "Stage", "Games", "Lifestyle", "Fashion", "Food", "Recipes", "Travel", "Money", "Property", "Pensions", "Savings",
           "Opinion", "Editorials", "Letters", "Obituaries", "Corrections", "Podcasts", "Video", "Pictures", "Newsletters",
           "Crosswords", "Jobs", "Dating", "Events", "Masterclasses", "Archive", "Digital edition", "Print subscriptions"] * 2

POOL = [t for t, u in GU_MOST] + [t for t, u in BBC_STORIES[:20]]

def state(a, now_min, pv="p8d2kq71xa", cookie="5e1f0c2a-7b3d-4c88-9a10-2f6d9e4b7c01", shift=0, upd=None, mod_min=0):
    most = [(POOL[(i + shift) % len(POOL)], "https://www.example-news.co.uk/story/" + re.sub(r"[^a-z0-9]+", "-", POOL[(i + shift) % len(POOL)].lower()).strip("-")) for i in range(10)]
    return dict(now=a["published"] + datetime.timedelta(minutes=now_min), modified=a["published"] + datetime.timedelta(minutes=mod_min),
                updated_label=upd, most=most, cookie=cookie, pv=pv)

def exp(desc, fields=(), added=(), removed=(), edited=(), moved=(), noise_only=False):
    return {"description": desc, "fields": list(fields),
            "keyEvents": {"old": [], "new": [], "added": [], "removed": [], "retitled": []},
            "blocks": {"added": list(added), "removed": list(removed), "edited": list(edited), "moved": list(moved)},
            "noiseOnly": noise_only}

def byl(names):
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]

def cases():
    out = []
    G, B, E = ARTICLES["gu"], ARTICLES["bbc"], ARTICLES["eu"]
    def pair(a):
        return copy.deepcopy(a), copy.deepcopy(a)
    s0 = lambda a: state(a, 95)

    o, n = pair(G); n["title"] = "London Bridge attack: what we know so far about the victims and the attackers"
    out.append(("01-headline-only", o, s0(o), n, s0(n), exp("headline rewritten, nothing else",
                fields=[{"field": "title", "change": "edited", "oldText": o["title"], "newText": n["title"]}])))
    o, n = pair(B); n["standfirst"] = "More than 100 schools across Essex have closed for a fourth day as snow and freezing temperatures continue to cause disruption across the county."
    out.append(("02-standfirst-only", o, s0(o), n, s0(n), exp("standfirst edited (the bold intro paragraph of a BBC story), nothing else",
                fields=[{"field": "standfirst", "change": "edited", "oldText": o["standfirst"], "newText": n["standfirst"]}])))
    o, n = pair(E); n["byline"] = ["Andrew Sparrow", "Jessica Elgot"]
    out.append(("03-byline-only", o, s0(o), n, s0(n), exp("a second writer added to the byline",
                fields=[{"field": "byline", "change": "edited", "oldText": byl(o["byline"]), "newText": byl(n["byline"])}])))
    o, n = pair(G)
    i = next(i for i, (k, v) in enumerate(n["body"]) if k == "p" and i > 3 and re.search(r"\b(six|three|said|several|48)\b", v))
    old = n["body"][i][1]
    for pat, rep in [(r"\bsix\b", "seven"), (r"\b48\b", "50"), (r"\bthree\b", "four"), (r"\bseveral\b", "a number of"), (r"\bsaid\b", "told reporters")]:
        if re.search(pat, old):
            n["body"][i][1] = re.sub(pat, rep, old, count=1); break
    out.append(("04-paragraph-word-edit", o, s0(o), n, s0(n), exp("one word changed in one body paragraph", edited=[{"old": old, "new": n["body"][i][1]}])))
    o, n = pair(B)
    i = next(i for i, (k, v) in enumerate(n["body"]) if k == "h2")
    old = n["body"][i][1]; n["body"][i][1] = "Stansted Airport says it is open as normal"
    out.append(("05-subheading-changed", o, s0(o), n, s0(n), exp("one crosshead (h2 inside the body) rewritten", edited=[{"old": old, "new": n["body"][i][1]}])))
    o, n = pair(E)
    add = "Nicola Sturgeon, Scotland's first minister, said a second independence referendum was now highly likely."
    n["body"].insert(4, ["p", add])
    out.append(("06-paragraph-added", o, s0(o), n, s0(n), exp("one new paragraph inserted in the body", added=[add])))
    o, n = pair(G)
    out.append(("07-noise-relative-times", o, state(o, 95), n, state(n, 170, pv="z1x9mv0q3r", cookie="8a6b2d1e-44f0-4e1a-bb3c-90a7e2c5d6f1", shift=2),
                exp("captured 75 minutes later with no change: tracking/page-view ids, cookie id and the most-read box differ", noise_only=True)))
    o, n = pair(E)
    out.append(("08-noise-updated-label", o, state(o, 40), n, state(n, 65, pv="m0q7ttc2aa", shift=5, upd="Last updated 5 minutes ago", mod_min=60),
                exp("'Published 40 minutes ago' becomes 'Published 1 hour ago', a 'Last updated 5 minutes ago' label appears, dateModified in JSON-LD changes; no text changes", noise_only=True)))
    o, n = pair(B)
    i = [i for i, (k, v) in enumerate(n["body"]) if k == "p"][5]
    gone = n["body"].pop(i)[1]
    out.append(("09-paragraph-removed", o, s0(o), n, s0(n), exp("one body paragraph deleted", removed=[gone])))
    o, n = pair(G)
    n["title"] = "London Bridge attack: police name two of the three attackers"
    out.append(("10-headline-and-jsonld", o, s0(o), n, s0(n), exp("headline rewritten, the <title>, og:title and JSON-LD headline change with it (one change, not several)",
                fields=[{"field": "title", "change": "edited", "oldText": o["title"], "newText": n["title"]}])))
    # ---- held out
    o, n = pair(B)
    out.append(("11-noise-late-capture", o, state(o, 130, upd="Updated 1 hour ago"), n, state(n, 310, pv="b7b7b7c0de", cookie="0d9e8f7a-1111-4abc-8def-123456789abc", shift=7, upd="Updated 4 hours ago", mod_min=15),
                exp("much later capture: '2 hours ago' becomes '5 hours ago', 'Updated 1 hour ago' becomes 'Updated 4 hours ago', most-read rotated, new ids", noise_only=True)))
    o, n = pair(E)
    ps = [i for i, (k, v) in enumerate(n["body"]) if k == "p"]
    mv = n["body"].pop(ps[6])
    n["body"].insert(ps[1], mv)
    out.append(("12-paragraph-moved", o, s0(o), n, s0(n), exp("one paragraph moved up, text unchanged", moved=[mv[1]])))
    o, n = pair(B); n["byline"] = ["Sarah Ransome"]
    out.append(("13-byline-replaced", o, s0(o), n, s0(n), exp("the writer's name replaced",
                fields=[{"field": "byline", "change": "edited", "oldText": byl(o["byline"]), "newText": byl(n["byline"])}])))
    o, n = pair(E)
    n["title"] = "EU referendum: what we know so far as Britain votes for Brexit"
    n["standfirst"] = "Britain has voted to leave the European Union by 52% to 48%, David Cameron has said he will resign and the pound has fallen to its lowest level since 1985."
    out.append(("14-headline-and-standfirst", o, s0(o), n, s0(n), exp("headline and standfirst both edited; body unchanged",
                fields=[{"field": "title", "change": "edited", "oldText": o["title"], "newText": n["title"]},
                        {"field": "standfirst", "change": "edited", "oldText": o["standfirst"], "newText": n["standfirst"]}])))
    o, n = pair(G)
    i = [i for i, (k, v) in enumerate(n["body"]) if k == "p"][-2]
    old = n["body"][i][1]
    n["body"][i][1] = re.sub(r"\.$", ", the force said.", old, count=1) if old.endswith(".") else old + " (PA)"
    out.append(("15-paragraph-end-edit", o, s0(o), n, s0(n), exp("words appended at the end of a late paragraph", edited=[{"old": old, "new": n["body"][i][1]}])))
    return out

HOLD = {"11", "12", "13", "14", "15"}

def main():
    for name, o, so, n, sn, e in cases():
        d = os.path.join(ROOT, "holdout" if name[:2] in HOLD else "", "article-html", name)
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, "old.html"), "w").write(render(o, so))
        open(os.path.join(d, "new.html"), "w").write(render(n, sn))
        with open(os.path.join(d, "expected.json"), "w") as fh:
            json.dump(e, fh, ensure_ascii=False, indent=2); fh.write("\n")

if __name__ == "__main__":
    main()
