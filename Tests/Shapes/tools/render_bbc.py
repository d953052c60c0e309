"""BBC-style live page (BBC Local Live, 2018 markup): HTML, and its select-all + copy text.
UK local time in February/March 2018 is GMT, so displayed clock times equal UTC."""
from html import escape as _esc
from model import iso, rel_long, GMT, stamp

def esc(s):
    return _esc(s, quote=True)

BBC_NAV = ["Home", "News", "Sport", "Weather", "iPlayer", "Sounds", "Bitesize", "CBeebies", "CBBC", "Food"]
NEWS_NAV = ["Home", "UK", "World", "Business", "Politics", "Tech", "Science", "Health", "Family & Education",
            "Entertainment & Arts", "Stories", "In Pictures", "Reality Check", "More"]
REGIONS = ["England", "N. Ireland", "Scotland", "Alba", "Wales", "Cymru", "Local News"]

CSS = """
body{font-family:ReithSans,Helvetica,Arial,freesans,sans-serif;margin:0;color:#222}
.orb-nav{background:#000;color:#fff}.orb-nav a{color:#fff;padding:0 10px;font-weight:700;text-decoration:none}
.navigation-wide-list{background:#b80000;display:flex;list-style:none;margin:0;padding:0}.navigation-wide-list a{color:#fff;padding:8px}
.lx-c-session-header{padding:16px}.lx-c-session-header__title{font-size:32px;line-height:36px}
.lx-c-summary-points{background:#f6f6f6;padding:12px 16px}.lx-c-summary-points__item{margin:0 0 8px}
.lx-stream{list-style:none;margin:0;padding:0}.lx-stream__post-container{border-top:1px solid #dcdcdc;padding:12px 16px}
.lx-stream-post__meta-time{font-weight:700;color:#b80000}.lx-stream-post__meta-time .qa-relative{color:#5a5a5a;font-weight:400;margin-left:6px}
.lx-stream-post__header-title{font-size:20px;margin:4px 0}.lx-stream-post-body p{font-size:16px;line-height:22px}
.lx-share-tools{display:flex;gap:8px;font-size:13px}.gs-u-vh{position:absolute;clip:rect(0 0 0 0)}
.nw-c-most-read{border-top:4px solid #b80000}.nw-c-most-read__items{counter-reset:mr;padding:0}
.bbccookies-banner{position:fixed;bottom:0;width:100%;background:#fff;border-top:4px solid #000;padding:16px}
.orb-footer{background:#000;color:#ccc;padding:20px}.orb-footer a{color:#fff}
"""

def clock(t, now=None):
    """BBC live pages show the clock time, and the date as well for posts of an earlier day."""
    l = t.astimezone(GMT)
    if now is not None and l.date() != now.astimezone(GMT).date():
        return l.strftime("%H:%M ") + str(l.day) + l.strftime(" %b")
    return l.strftime("%H:%M")

def byline_str(names):
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]

def share(p, e):
    u = f"{p.url}?ns_mchannel=social&amp;ns_source=twitter&amp;ns_campaign=bbc_live&amp;ns_linkname={e.id}%26{esc(e.title[:20])}%26{clock(e.t)}&amp;ns_fee=0&amp;pinned_post_locator={e.id}&amp;pinned_post_asset_id={p.pageview}"
    return (f'<div class="lx-share-tools" data-share-id="{e.id}"><button class="lx-share-tools__cta">Share this post</button>'
            f'<ul class="lx-share-tools__items"><li><a href="https://www.facebook.com/dialog/share?app_id=58567469885&amp;href={u}">Share on Facebook</a></li>'
            f'<li><a href="https://twitter.com/intent/tweet?text={esc(e.title[:40])}&amp;url={u}">Share on Twitter</a></li>'
            f'<li><a href="mailto:?subject={esc(e.title[:40])}">Share by email</a></li><li><button data-copy="{u}">Copy this link</button></li></ul></div>')

def post_html(p, e):
    contrib = ""
    if e.author:
        role = f'<p class="qa-contributor-role lx-stream-post__contributor-description">{esc(e.author_role)}</p>' if e.author_role else ""
        contrib = (f'<div class="lx-stream-post__contributor"><p class="qa-contributor-name lx-stream-post__contributor-name">{esc(e.author)}</p>{role}</div>')
    paras = "\n".join(f"<p>{esc(x)}</p>" for x in e.paras)
    return f"""<li class="lx-stream__post-container">
<article id="{e.id}" class="lx-stream-post gs-u-pb-alt+ lx-stream-post--{'key' if e.key else 'standard'}">
<header class="lx-stream-post__header">
<div class="lx-stream-post__meta-time"><time datetime="{iso(e.t)}" class="qa-post-auto-meta"><span class="qa-relative">{rel_long(p.now, e.t)}</span> <span class="qa-absolute">{clock(e.t, p.now)}</span></time>
<span class="gs-u-vh qa-visually-hidden-meta">Posted at {clock(e.t, p.now)}</span></div>
<h3 class="lx-stream-post__header-title gel-great-primer-bold qa-post-title"><span class="lx-stream-post__header-text gs-u-align-middle">{esc(e.title)}</span></h3>
</header>
{contrib}
<div class="lx-stream-post-body">
{paras}
</div>
<footer class="lx-stream-post__footer">{share(p, e)}</footer>
</article>
</li>"""

def summary_html(p):
    items = "\n".join(f'<li class="lx-c-summary-points__item"><a href="#{e.id}" class="qa-summary-point">{esc(e.title)}</a></li>'
                      for e in p.key_events())
    return f"""<div class="lx-c-summary-points gel-body-copy" data-component="summary">
<h2 class="lx-c-summary-points__title gel-pica-bold">Summary</h2>
<ol class="lx-c-summary-points__list">
{items}
</ol>
</div>"""

def mostread_html(p):
    items = "\n".join(f'<li class="gs-o-list-ui__item--flush gel-long-primer gs-u-display-block"><a href="{esc(u)}?at_medium=RSS&amp;at_campaign=most_read_{p.pageview[:4]}" class="gs-c-promo-heading"><span class="gs-c-promo-heading__rank">{i+1}</span><span>{esc(t)}</span></a></li>'
                      for i, (t, u) in enumerate(p.mostread))
    return f"""<div class="nw-c-most-read gs-t-news" data-component="most-read" role="region" aria-labelledby="nw-c-most-read-heading">
<h2 id="nw-c-most-read-heading" class="gs-u-mb+">Most Read</h2>
<ol class="gs-o-list-ui gs-o-list-ui--top-no-border nw-c-most-read__items">
{items}
</ol>
</div>"""

TOP = []        # (title, url) list set by the builder: "Top Stories" and "Features" promos

def promos_html(p):
    top = "\n".join(f'<li class="gs-c-promo"><a class="gs-c-promo-heading" href="{esc(u)}"><h3 class="gs-c-promo-heading__title">{esc(t)}</h3></a></li>' for t, u in TOP[:6])
    feat = "\n".join(f'<li class="gs-c-promo"><a class="gs-c-promo-heading" href="{esc(u)}"><h3 class="gs-c-promo-heading__title">{esc(t)}</h3></a></li>' for t, u in TOP[6:14])
    return f"""<div class="lx-c-related-stories" data-component="top-stories"><h2>Top Stories</h2><ul>
{top}
</ul></div>
<div class="lx-c-related-stories" data-component="features"><h2>Features</h2><ul>
{feat}
</ul></div>"""

def promos_text(p):
    return ["Top Stories"] + [t for t, u in TOP[:6]] + ["", "Features"] + [t for t, u in TOP[6:14]] + [""]

def html(p):
    orb = " ".join(f'<a href="https://www.bbc.co.uk/{n.lower()}">{n}</a>' for n in BBC_NAV)
    nn = "\n".join(f'<li><a href="https://www.bbc.co.uk/news/{n.lower().replace(" ", "_").replace("&", "and")}"><span>{esc(n)}</span></a></li>' for n in NEWS_NAV)
    rg = "\n".join(f'<li><a href="https://www.bbc.co.uk/news/{n.lower().replace(" ", "_").replace(".", "")}"><span>{esc(n)}</span></a></li>' for n in REGIONS)
    posts = "\n".join(post_html(p, e) for e in p.entries)
    return f"""<!DOCTYPE html>
<html lang="en-GB" id="responsive-news">
<head>
<meta charset="utf-8">
<title>{esc(p.title)} - BBC News</title>
<meta name="description" content="{esc(p.standfirst)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="canonical" href="{p.url}">
<meta property="og:title" content="{esc(p.title)} - BBC News">
<meta property="og:type" content="article">
<meta name="x-country" content="gb">
<style>{CSS}</style>
<script>
window.bbcpage = {{"contentId":"{p.url.rsplit('/', 1)[-1]}","contentType":"live-coverage","language":"en-gb","section":"{esc(p.section)}",
"pageViewId":"{p.pageview}","cookieId":"{p.cookie_id}","lastUpdated":"{iso(p.modified)}"}};
window.__INITIAL_DATA__ = {{"assetId":"{p.url.rsplit('-', 1)[-1]}","pollFrequency":30000,"isLive":true,"postCount":{len(p.entries)},
"ids":[{",".join('"%s"' % e.id for e in p.entries[:25])}],"atiAnalyticsProducerId":"63","producerName":"NEWS","statsDestination":"NEWS_PS"}};
</script>
<script src="https://static.files.bbci.co.uk/orbit/8c1e2c9d6c/js/orb.min.js" async></script>
<script src="https://mybbc-analytics.files.bbci.co.uk/reverb-client-js/smarttag-5.20.0.js" async></script>
</head>
<body class="lx-body">
<div id="bbccookies" class="bbccookies-banner" data-cookie-id="{p.cookie_id}" role="region" aria-label="Cookies on the BBC website">
<h2>Let us know you agree to cookies</h2>
<p>We use cookies to give you the best online experience. Please let us know if you agree to all of these cookies.</p>
<button id="bbccookies-continue-button">Yes, I agree</button> <a href="https://www.bbc.co.uk/usingthebbc/cookies/how-can-i-change-my-bbc-cookie-settings/">No, take me to settings</a>
</div>
<header class="orb-nav" role="banner">
<a href="#page" class="orb-skip-links">Skip to content</a> <a href="https://www.bbc.co.uk/accessibility/">Accessibility Help</a>
<div class="orb-nav-blocks"><a href="https://www.bbc.co.uk/">BBC Homepage</a></div>
<div class="orb-nav-account"><a href="https://session.bbc.co.uk/session?ptrt={esc(p.url)}&amp;userOrigin=news_live">Sign in</a> <a href="https://www.bbc.co.uk/notifications">Notifications</a></div>
<nav class="orb-nav-links">{orb} <a href="#orb-footer">More</a></nav>
<form action="https://search.bbc.co.uk/search" class="orb-search"><input name="q" placeholder="Search"><input type="hidden" name="scope" value="news"></form>
</header>
<div id="page" class="page-wrapper">
<div class="navigation navigation--wide"><a class="navigation__brand" href="https://www.bbc.co.uk/news">BBC News</a>
<ul class="navigation-wide-list" role="navigation">
{nn}
</ul>
<ul class="navigation-wide-list navigation-wide-list--secondary">
{rg}
</ul></div>
<div class="lx-c-session-header" data-component="header">
<span class="lx-c-session-header__live-label">Live</span>
<h1 class="lx-c-session-header__title gel-trafalgar-bold">{esc(p.title)}</h1>
<p class="lx-c-session-header__description">{esc(p.standfirst)}</p>
</div>
{summary_html(p)}
<div class="lx-c-live-reporting-header">
<h2 class="lx-c-live-reporting-header__title">Live Reporting</h2>
<p class="lx-c-live-reporting-header__reporters">By {esc(byline_str(p.byline))}</p>
<p class="lx-c-live-reporting-header__tz">All times stated are UK</p>
<a class="lx-c-get-involved" href="https://www.bbc.co.uk/news/have_your_say">Get involved</a>
</div>
<ol class="lx-stream gel-layout" data-component="stream" aria-live="polite">
{posts}
</ol>
<div class="lx-pagination"><a class="lx-pagination__btn" href="{p.url}/page/2">Previous page</a> <span class="lx-pagination__page-info">1 of 4</span> <a href="{p.url}/page/2">Next</a></div>
<aside class="lx-c-newsletter-promo" data-component="newsletter">
<h3>Get news from the BBC in your inbox, each weekday morning</h3>
<p>Sign up for the BBC News daily newsletter and be the first to know about the stories that matter.</p>
<a href="https://www.bbc.co.uk/news/newsletters?xtor=ES-211-[{p.pageview[:6]}]">Sign up</a>
</aside>
{promos_html(p)}
{mostread_html(p)}
<div class="bbccom_advert" id="bbccom_mpu_{p.pageview[:5]}" aria-hidden="true"></div>
</div>
<footer id="orb-footer" class="orb-footer" role="contentinfo">
<h2>Explore the BBC</h2>
<ul>{''.join(f'<li><a href="https://www.bbc.co.uk/{n.lower()}">{n}</a></li>' for n in BBC_NAV)}</ul>
<ul class="orb-footer-links">
<li><a href="https://www.bbc.co.uk/usingthebbc/terms/">Terms of Use</a></li><li><a href="https://www.bbc.co.uk/aboutthebbc">About the BBC</a></li>
<li><a href="https://www.bbc.co.uk/usingthebbc/privacy/">Privacy Policy</a></li><li><a href="https://www.bbc.co.uk/usingthebbc/cookies/">Cookies</a></li>
<li><a href="https://www.bbc.co.uk/accessibility/">Accessibility Help</a></li><li><a href="https://www.bbc.co.uk/guidance/parental-guidance">Parental Guidance</a></li>
<li><a href="https://www.bbc.co.uk/contact">Contact the BBC</a></li><li><a href="https://www.bbc.co.uk/news/help-41670342">Get Personalised Newsletters</a></li>
</ul>
<p>Copyright &copy; 2018 BBC. The BBC is not responsible for the content of external sites. <a href="https://www.bbc.co.uk/editorialguidelines/guidance/feeds-and-links">Read about our approach to external linking.</a></p>
</footer>
<script>
require(['lx-stream'],function(s){{s.init({{endpoint:'https://push.api.bbci.co.uk/p?t=morph%3A%2F%2Fdata%2Fbbc-morph-lx-commentary-data-paged%2Fassetid%2F{p.pageview}',cookieId:'{p.cookie_id}',poll:30000}})}});
</script>
</body>
</html>
"""

def text(p):
    L = ["Skip to content", "Accessibility Help", "Sign in", "Notifications", "BBC Homepage"] + BBC_NAV + ["More", "Search", "", "BBC News", "Menu"]
    L += NEWS_NAV + REGIONS + ["", "Live", p.title, p.standfirst, "", "Summary"]
    L += [e.title for e in p.key_events()]
    L += ["", "Live Reporting", "By " + byline_str(p.byline), "All times stated are UK", "Get involved", ""]
    for e in p.entries:
        L += [rel_long(p.now, e.t), clock(e.t, p.now), "Posted at " + clock(e.t, p.now)]
        L.append(e.title)
        if e.author:
            L.append(e.author)
            if e.author_role:
                L.append(e.author_role)
        L += e.paras
        L += ["Share this post", "Share on Facebook", "Share on Twitter", "Share by email", "Copy this link", ""]
    L += ["Previous page", "1 of 4", "Next", "",
          "Get news from the BBC in your inbox, each weekday morning",
          "Sign up for the BBC News daily newsletter and be the first to know about the stories that matter.", "Sign up", "",
          ] + promos_text(p) + ["Most Read"]
    for i, (t, u) in enumerate(p.mostread):
        L += [str(i + 1), t]
    L += ["", "Explore the BBC"] + BBC_NAV + ["Terms of Use", "About the BBC", "Privacy Policy", "Cookies",
          "Accessibility Help", "Parental Guidance", "Contact the BBC", "Get Personalised Newsletters",
          "Copyright © 2018 BBC. The BBC is not responsible for the content of external sites. Read about our approach to external linking."]
    return "\n".join(L) + "\n"
