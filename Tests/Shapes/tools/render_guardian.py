"""Guardian-style live blog: HTML, and the text a browser gives for select-all + copy of it."""
from html import escape as _esc
from model import iso, rel_short, BST, stamp

def esc(s):
    return _esc(s, quote=True)

NAV = ["News", "Opinion", "Sport", "Culture", "Lifestyle"]
SUBNAV = ["UK", "World", "Climate crisis", "Ukraine", "Environment", "Science", "Global development",
          "Football", "Tech", "Business", "Obituaries"]

CSS = """
:root{--news:#c70000;--live:#ab0613;--ink:#121212;--muted:#707070}
body{margin:0;font-family:GuardianTextEgyptian,Georgia,serif;color:var(--ink)}
.gu-header{background:#052962;color:#fff}.gu-header a{color:#fff;text-decoration:none}
.gu-nav ul{display:flex;list-style:none;margin:0;padding:0}.gu-nav li{padding:6px 12px;border-left:1px solid #506991}
.gu-subnav{border-bottom:1px solid #dcdcdc;font-size:14px}.gu-subnav a{color:var(--ink);padding:4px 8px}
.live-header{background:var(--live);color:#fff;padding:12px 20px}.live-header h1{font-size:34px;line-height:38px;margin:0}
.standfirst{background:#8d0710;color:#fff;padding:8px 20px}.standfirst p{margin:0 0 8px}
.meta{padding:8px 20px;font-size:14px;color:var(--muted)}.meta a{color:var(--live)}
.key-events{border-top:1px solid var(--live);padding:8px 20px}.key-events ul{list-style:none;padding:0}
.key-events li{border-left:1px solid #dcdcdc;padding:0 0 10px 12px}.key-events time{display:block;font-weight:700;font-size:12px}
.block{border-top:1px solid #dcdcdc;padding:8px 20px 20px}.block.is-key-event{border-top:1px solid var(--live)}
.block-time{font-size:14px;color:var(--muted)}.block-time time{font-weight:700;margin-right:6px}
.block h2{font-size:20px;margin:6px 0}.block-elements p{font-size:17px;line-height:24px;margin:0 0 12px}
.block-footer{display:flex;justify-content:space-between;font-size:12px;color:var(--muted)}
.most-viewed ol{counter-reset:mv;padding:0}.most-viewed li{list-style:none;border-top:1px solid #dcdcdc;padding:6px 0}
.newsletter{background:#f6f6f6;padding:12px;border-top:3px solid #052962}
.cmp{position:fixed;bottom:0;left:0;right:0;background:#fff;border-top:1px solid #999;padding:16px;z-index:9999}
.gu-footer{background:#052962;color:#fff;padding:20px}.gu-footer a{color:#fff}
@media (min-width:980px){.content{display:grid;grid-template-columns:220px 620px 300px;gap:20px}}
"""

def fmt_clock(t, sep="."):
    return t.astimezone(BST).strftime(f"%H{sep}%M")

def fmt_date(t):
    l = t.astimezone(BST)
    return l.strftime("%a ") + str(l.day) + l.strftime(" %b %Y %H.%M") + " BST"

def profile(name):
    return "https://www.theguardian.com/profile/" + name.lower().replace(" ", "").replace("'", "")

def byline_html(names):
    links = [f'<a rel="author" data-link-name="auto tag link" href="{profile(n)}">{esc(n)}</a>' for n in names]
    if len(links) == 1:
        return links[0]
    return ", ".join(links[:-1]) + " and " + links[-1]

def byline_text(names):
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]

def share_links(p, block_id=None):
    u = p.url + (f"?page=with:{block_id}#{block_id}" if block_id else "")
    return (f'<ul class="share" aria-label="Social sharing links">'
            f'<li><a data-link-name="facebook" href="https://www.facebook.com/dialog/share?app_id=180444840287&amp;href={esc(u)}%3FCMP%3Dshare_btn_fb%26ophan%3D{p.pageview}">Share on Facebook</a></li>'
            f'<li><a data-link-name="twitter" href="https://twitter.com/intent/tweet?text={esc(p.title[:40])}&amp;url={esc(u)}%3FCMP%3Dshare_btn_tw%26ophan%3D{p.pageview}">Share on Twitter</a></li>'
            f'<li><a data-link-name="email" href="mailto:?subject={esc(p.title[:40])}&amp;body={esc(u)}%3FCMP%3Dshare_btn_link">Share via Email</a></li></ul>')

def config_script(p):
    ids = ",".join(f'"{e.id}"' for e in p.entries[:30])
    return f"""<script>
window.guardian = {{"config":{{"page":{{"pageId":"{p.url.split('theguardian.com/')[-1]}","contentType":"LiveBlog","isLive":true,
"isLiveBlog":true,"section":"{p.section.lower().replace(' ', '-')}","sectionName":"{p.section}","headline":{esc(repr(p.title))},
"webPublicationDate":{int(p.published.timestamp()*1000)},"lastUpdated":{int(p.modified.timestamp()*1000)},
"ophanPageViewId":"{p.pageview}","browserId":"{stamp(p.cookie_id)[:24]}","edition":"UK","isSensitive":false,
"shouldHideAdverts":false,"commentable":false,"keywordIds":"{p.section.lower().replace(' ', '-')}/{p.series.lower().replace(' ', '-')}",
"blockIds":[{ids}],"dcrCouldRender":true,"isPaidContent":false,"abTests":{{"signInGateMainVariant":"variant","deeplyReadArticleFooter":"control"}}}},
"switches":{{"liveblogRendering":true,"keyEventsCarousel":false,"enhancedTweets":true,"ampPrebid":true,"commercial":true}},
"tests":{{"remoteRrHeaderLinksTest":"control"}},"libs":{{"googletag":"https://securepubads.g.doubleclick.net/tag/js/gpt.js"}}}}}};
window.curlConfig = {{"baseUrl":"https://assets.guim.co.uk/assets","paths":{{"bootstraps/standard":"bootstraps/standard.7b3a1e0.js"}}}};
</script>
<script async src="https://assets.guim.co.uk/assets/ophan.ng.8e1c2a.js"></script>
<script>
(function(){{var s=document.createElement('script');s.src='https://sourcepoint.theguardian.com/unified/wrapperMessagingWithoutDetection.js';
s.async=true;document.head.appendChild(s);window._sp_={{config:{{accountId:1257,baseEndpoint:'https://sourcepoint.theguardian.com',
propertyHref:'https://www.theguardian.com',targetingParams:{{consentUUID:'{p.cookie_id}'}}}}}};}})();
function toggleKeyEvents(on){{document.querySelectorAll('#liveblog-body article:not(.is-key-event)').forEach(function(a){{a.hidden=on}})}}
</script>"""

def keyevents_html(p):
    lis = []
    for e in p.key_events():
        lis.append(f'<li class="key-event"><a href="#{e.id}" data-link-name="key event card | {esc(e.title[:30])}">'
                   f'<time datetime="{iso(e.t)}">{rel_short(p.now, e.t)}</time><span>{esc(e.title)}</span></a></li>')
    return "\n".join(lis)

def entry_html(p, e):
    cls = "block is-key-event" if e.key else "block"
    h2 = f"\n<h2 class=\"block-title\">{esc(e.title)}</h2>" if e.title else ""
    paras = "\n".join(f"<p>{esc(x)}</p>" for x in e.paras)
    upd = (f'<p class="block-updated"><time datetime="{iso(e.updated)}">Updated at {fmt_clock(e.updated)} BST</time></p>'
           if e.updated else "")
    return f"""<article id="{e.id}" class="{cls}" data-block-id="{e.id}" itemprop="liveBlogUpdate" itemscope itemtype="http://schema.org/BlogPosting">
<header class="block-header"><a class="block-time" href="?page=with:{e.id}#{e.id}" data-link-name="block permalink">
<time datetime="{iso(e.t)}" data-relativeformat="med">{rel_short(p.now, e.t)}</time>
<span class="block-time__absolute">{fmt_clock(e.t)} BST</span></a>{h2}</header>
<div class="block-elements" itemprop="articleBody">
{paras}
</div>
<footer class="block-footer">{upd}<button class="share-button" data-link-name="share block">Share</button></footer>
</article>"""

def mostread_html(p):
    items = "\n".join(f'<li><a data-link-name="most viewed | {i+1}" href="{esc(u)}?CMP=most_viewed_{p.pageview[:4]}">'
                      f'<span class="rank">{i+1}</span>{esc(t)}</a></li>' for i, (t, u) in enumerate(p.mostread))
    return f"""<aside class="most-viewed" data-component="most-viewed" aria-label="Most viewed">
<h2>Most viewed</h2>
<ol>
{items}
</ol>
</aside>"""

def html(p):
    kw = p.series
    nav = "\n".join(f'<li><a href="https://www.theguardian.com/{n.lower()}" data-link-name="nav2 : primary : {n}">{n}</a></li>' for n in NAV)
    sub = "\n".join(f'<li><a href="https://www.theguardian.com/{s.lower().replace(" ", "-")}">{s}</a></li>' for s in SUBNAV)
    body = "\n".join(entry_html(p, e) for e in p.entries)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{esc(p.title)} | {esc(p.section)} | The Guardian</title>
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="description" content="{esc(p.standfirst)}">
<link rel="canonical" href="{p.url}">
<meta property="og:url" content="{p.url}">
<meta property="og:title" content="{esc(p.title)}">
<meta property="og:description" content="{esc(p.standfirst)}">
<meta property="article:published_time" content="{iso(p.published)}">
<meta property="article:modified_time" content="{iso(p.modified)}">
<meta name="twitter:card" content="summary_large_image">
<link rel="preconnect" href="https://assets.guim.co.uk">
<style>{CSS}</style>
{config_script(p)}
</head>
<body>
<div id="sp_message_container_1257" class="cmp" data-consent-id="{p.cookie_id}" role="dialog" aria-label="Cookie consent">
<p>It's your choice. We use cookies and similar technologies to ensure the website works, to personalise the content and advertising you see and to measure how you use the site. <a href="https://www.theguardian.com/info/cookies">Privacy policy</a></p>
<button data-consent="accept">Yes, I'm happy</button> <button data-consent="manage">Manage or reject cookies</button>
</div>
<a class="skip" href="#maincontent">Skip to main content</a> <a class="skip" href="#navigation">Skip to navigation</a>
<header class="gu-header" data-component="header">
<div class="gu-top"><a href="https://support.theguardian.com/subscribe?REFPVID={p.pageview}&amp;INTCMP=header_support_subscribe">Print subscriptions</a>
<a href="https://profile.theguardian.com/signin?INTCMP=DOTCOM_NEWHEADER_SIGNIN&amp;ABCMP=ab-sign-in">Sign in</a>
<a href="https://jobs.theguardian.com">Search jobs</a> <a href="https://www.google.co.uk/advanced_search?q=site:www.theguardian.com">Search</a>
<span class="edition">UK edition</span></div>
<a class="logo" href="https://www.theguardian.com/uk" data-link-name="nav2 : logo"><span class="visually-hidden">The Guardian - Back to homepage</span><svg width="224" height="72" viewBox="0 0 224 72" aria-hidden="true"><path d="M0 0h224v72H0z" fill="none"/></svg></a>
<nav class="gu-nav" id="navigation" aria-label="Guardian sections"><ul>
{nav}
</ul></nav>
<nav class="gu-subnav" aria-label="Subsections"><ul>
{sub}
</ul></nav>
</header>
<main id="maincontent" class="content" data-gu-name="body">
<div class="series"><a href="https://www.theguardian.com/{p.section.lower().replace(' ', '-')}" data-link-name="article section">{esc(p.section)}</a>
<a href="https://www.theguardian.com/{kw.lower().replace(' ', '-')}">{esc(kw)}</a></div>
<div class="live-header" data-gu-name="headline"><span class="live-badge">Live</span>
<h1>{esc(p.title)}</h1>
</div>
<div class="standfirst" data-gu-name="standfirst"><p>{esc(p.standfirst)}</p></div>
<div class="meta" data-gu-name="meta">
<address aria-label="Contributor info" data-component="meta-byline">{byline_html(p.byline)}</address>
<div class="dateline"><time datetime="{iso(p.modified)}">{fmt_date(p.modified)}</time>
<details><summary>First published on {fmt_date(p.published)}</summary></details></div>
{share_links(p)}
</div>
<div class="key-events" data-gu-name="key-events" id="key-events">
<h2>Key events</h2>
<ul>
{keyevents_html(p)}
</ul>
</div>
<div class="filter-toggle"><label><input type="checkbox" id="key-events-toggle" onchange="toggleKeyEvents(this.checked)"> Show key events only</label>
<noscript><p>Please turn on JavaScript to use this feature</p></noscript></div>
<div id="liveblog-body" class="liveblog-body" data-gu-name="liveblog" aria-live="polite">
{body}
</div>
<nav class="pagination" aria-label="Live blog pagination"><a href="{p.url}?page=with:{p.entries[-1].id}" data-link-name="older">Older</a> <a href="{p.url}#liveblog-navigation" data-link-name="oldest">Oldest</a></nav>
<aside class="newsletter" data-component="newsletter-signup" data-link-name="newsletter-promo">
<h3>Sign up to First Edition</h3>
<p>Free daily newsletter</p>
<p>Our morning email breaks down the key stories of the day, telling you what's happening and why it matters</p>
<form action="https://www.theguardian.com/email/form/plaintone/4156?CMP=nl_promo_{p.pageview[:6]}"><input type="email" placeholder="Enter your email address"><button>Sign up</button></form>
<p class="privacy">Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties. For more information see our <a href="https://www.theguardian.com/help/privacy-policy">Privacy Policy</a>. We use Google reCaptcha to protect our website and the Google Privacy Policy and Terms of Service apply.</p>
</aside>
{mostread_html(p)}
<div class="ad-slot" id="dfp-ad--right-{p.pageview[:5]}" data-name="right" aria-hidden="true">Advertisement</div>
</main>
<footer class="gu-footer" data-component="footer">
<ul>
<li><a href="https://www.theguardian.com/about">About us</a></li><li><a href="https://www.theguardian.com/info/complaints-and-corrections">Complaints &amp; corrections</a></li>
<li><a href="https://www.theguardian.com/securedrop">SecureDrop</a></li><li><a href="https://workforus.theguardian.com">Work for us</a></li>
<li><a href="https://www.theguardian.com/info/privacy">Privacy policy</a></li><li><a href="https://www.theguardian.com/info/cookies">Cookie policy</a></li>
<li><a href="https://www.theguardian.com/help/terms-of-service">Terms &amp; conditions</a></li><li><a href="https://www.theguardian.com/help/contact-us">Contact us</a></li>
</ul>
<p>&copy; 2024 Guardian News &amp; Media Limited or its affiliated companies. All rights reserved. (modern)</p>
</footer>
<script>
window.addEventListener('load',function(){{var b=document.getElementById('liveblog-body');if(!b)return;
setInterval(function(){{fetch('{p.url}.json?lastUpdate='+b.querySelector('article').id+'&isLivePage=true&filterKeyEvents=false').then(function(r){{return r.json()}}).then(function(j){{if(j.numNewBlocks>0){{document.title='('+j.numNewBlocks+') '+document.title}}}})}},10000);}});
</script>
</body>
</html>
"""

def text(p):
    """What Ctrl-A, Ctrl-C of the page gives in a desktop browser."""
    L = ["Skip to main contentSkip to navigation", "Print subscriptions", "Sign in", "Search jobs", "Search",
         "UK edition", "The Guardian - Back to homepage", "The Guardian: news website of the year"]
    L += NAV + ["Show more"] + SUBNAV
    L += [p.section, p.series, "Live", p.title, p.standfirst, byline_text(p.byline),
          fmt_date(p.modified), "First published on " + fmt_date(p.published),
          "Share on Facebook", "Share on Twitter", "Share via Email", "", "Key events"]
    for e in p.key_events():
        if p.keylist_layout == "one-line":
            L.append(f"{fmt_clock(e.t)} BST {e.title}")
        else:
            L += [rel_short(p.now, e.t), fmt_clock(e.t, ":"), e.title]
    L += ["Show key events only", "Please turn on JavaScript to use this feature", "", "Live feed"]
    for e in p.entries:
        L += [rel_short(p.now, e.t), fmt_clock(e.t) + " BST"]
        if e.title:
            L.append(e.title)
        L += e.paras
        if e.updated:
            L.append(f"Updated at {fmt_clock(e.updated)} BST")
        L += ["Share", ""]
    L += ["Older", "Oldest", "",
          "Sign up to First Edition", "Free daily newsletter",
          "Our morning email breaks down the key stories of the day, telling you what's happening and why it matters",
          "Enter your email address", "Sign up",
          "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties. For more information see our Privacy Policy. We use Google reCaptcha to protect our website and the Google Privacy Policy and Terms of Service apply.",
          "after newsletter promotion", "", "Most viewed"]
    for i, (t, u) in enumerate(p.mostread):
        L += [str(i + 1), t]
    L += ["", "About us", "Complaints & corrections", "SecureDrop", "Work for us", "Privacy policy",
          "Cookie policy", "Terms & conditions", "Contact us", "Back to top",
          "© 2024 Guardian News & Media Limited or its affiliated companies. All rights reserved. (modern)"]
    return "\n".join(L) + "\n"
