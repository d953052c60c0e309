import Foundation
import RedlineModel

/// The shell of every HTML page redline writes: one self-contained file with its CSS inline, a
/// Content-Security-Policy that forbids scripts and every network fetch, no fonts but the
/// reader's own, a layout that reads on a phone and prints cleanly.
///
///     HTMLPage.document(title: "ukraine-talks: version 1 → version 2", body: "<main>…</main>")
///     → "<!doctype html>\n<html lang=\"en\">\n<head>…<style>…</style>\n</head>\n<body>\n<main>…</main>\n</body>\n</html>\n"
///
/// `title` is escaped here; `body` must already be HTML built from escaped text.
enum HTMLPage {
    static func document(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="redline">
        <title>\(HTMLEscape.text(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        <footer class="page">Made by redline. Times are UTC. Positions count the article's blocks from 0.</footer>
        </body>
        </html>

        """
    }

    /// `<time datetime="2025-04-23T15:10:00Z">2025-04-23 15:10</time>`.
    static func time(_ date: Date) -> String {
        "<time datetime=\"\(Timestamp.format(date))\">\(TimeText.short(date))</time>"
    }

    /// `url` as a link when it is http(s), as text otherwise.
    static func link(_ url: String) -> String {
        if let href = HTMLEscape.href(url) {
            return "<a href=\"\(href)\" rel=\"noopener noreferrer nofollow\">\(HTMLEscape.text(url))</a>"
        }
        return "<span class=\"url\">\(HTMLEscape.text(url))</span>"
    }

    static let css = """
    :root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;
    --add:#dafbe1;--add-fg:#116329;--add-bar:#1a7f37;--del:#ffebe9;--del-fg:#a40e26;--del-bar:#cf222e;
    --edit-bar:#9a6700;--move:#fbefff;--move-fg:#6639ba;--move-bar:#8250df;--entry:#0550ae;--key:#bc4c00}
    @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;
    --add:#12261e;--add-fg:#7ee787;--add-bar:#3fb950;--del:#25171c;--del-fg:#ffa198;--del-bar:#f85149;
    --edit-bar:#d29922;--move:#211a33;--move-fg:#d2a8ff;--move-bar:#a371f7;--entry:#79c0ff;--key:#ffa657}}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0 auto;max-width:52rem;padding:1.5rem 1rem 3rem;background:var(--bg);color:var(--fg);
    font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
    a{color:var(--entry)}
    code{font:.875em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:.1em .3em;border-radius:4px}
    h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .5rem}
    h2{font-size:1.25rem;margin:0 0 .25rem}
    h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:1rem 0 .35rem}
    header.page{border-bottom:1px solid var(--line);padding-bottom:1rem;margin-bottom:1.25rem}
    .kicker{margin:0;color:var(--muted);font-size:.875rem}
    .meta,.when{margin:.25rem 0;color:var(--muted);font-size:.9rem}
    ul.counts{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:.6rem 0}
    ul.counts li{border:1px solid var(--line);border-radius:999px;padding:.05rem .65rem;font-size:.85rem;background:var(--panel)}
    ul.counts b{font-variant-numeric:tabular-nums}
    .n-added b{color:var(--add-fg)}.n-removed b{color:var(--del-fg)}.n-edited b{color:var(--edit-bar)}.n-moved b{color:var(--move-fg)}
    .events ul{margin:0;padding-left:1.25rem}
    .events li{margin:.15rem 0}
    .events li.ke-added{font-weight:600}
    .events li.ke-added::marker{content:"★ ";color:var(--key)}
    .events time,.changes time,.timeline time{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:.35rem}
    section.diff{border-top:1px solid var(--line);padding-top:1.25rem;margin-top:1.75rem}
    header.page+main>section.diff:first-child{border-top:0;padding-top:0;margin-top:0}
    .changes{margin-top:1rem}
    .b{border-left:4px solid var(--line);padding:.35rem .75rem;margin:.35rem 0;border-radius:0 6px 6px 0}
    .b p{margin:.15rem 0}
    .b p.heading{font-weight:700}
    .b p.quote{font-style:italic}
    .b.added{background:var(--add);border-color:var(--add-bar)}
    .b.removed{background:var(--del);border-color:var(--del-bar)}
    .b.removed p{text-decoration:line-through;text-decoration-color:var(--del-bar)}
    .b.edited{border-color:var(--edit-bar);background:var(--panel)}
    .b.moved{background:var(--move);border-color:var(--move-bar)}
    .b.moved-away{border-left-style:dashed;border-color:var(--move-bar);color:var(--muted);font-size:.9rem}
    .b.context{color:var(--muted);border-color:transparent}
    .tag{display:inline-block;font-size:.7rem;font-weight:700;text-transform:uppercase;letter-spacing:.06em;margin-right:.4rem}
    .added .tag{color:var(--add-fg)}.removed .tag{color:var(--del-fg)}.edited .tag{color:var(--edit-bar)}
    .moved .tag,.moved-away .tag{color:var(--move-fg)}
    .note{font-size:.875rem;color:var(--muted)}
    ins{background:var(--add);color:var(--add-fg);text-decoration:underline;text-decoration-thickness:1px;font-weight:600;border-radius:3px}
    del{background:var(--del);color:var(--del-fg);text-decoration:line-through;border-radius:3px}
    del+ins{margin-left:.25em}
    h4.entry{font-size:.95rem;margin:1.1rem 0 .3rem;color:var(--entry)}
    p.skip{margin:.3rem 0 .3rem 1rem;color:var(--muted);font-size:.85rem}
    p.none{color:var(--muted)}
    :target{outline:3px solid var(--key);outline-offset:2px}
    nav.timeline ol{list-style:none;margin:.5rem 0 0 .5rem;padding:0 0 0 1.1rem;border-left:2px solid var(--line)}
    nav.timeline li.version{position:relative;margin:0 0 .7rem;padding-left:.35rem}
    nav.timeline li.version::before{content:"";position:absolute;left:-1.55rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--bg);border:2px solid var(--entry)}
    nav.timeline .v{font-weight:700;margin-right:.4rem}
    nav.timeline .c{font-size:.85rem;font-variant-numeric:tabular-nums;margin-right:.3rem}
    .c.add{color:var(--add-fg)}.c.del{color:var(--del-fg)}.c.edit{color:var(--edit-bar)}.c.move{color:var(--move-fg)}.c.same{color:var(--muted)}
    nav.timeline ul.ke{margin:.15rem 0 0;padding-left:1rem;font-size:.9rem}
    nav.timeline ul.ke li{list-style:"★ ";color:var(--fg)}
    nav.timeline ul.ke li::marker{color:var(--key)}
    footer.page{margin-top:2.5rem;border-top:1px solid var(--line);padding-top:.75rem;color:var(--muted);font-size:.8rem}
    @media (max-width:40rem){body{padding:1rem .75rem 2rem;font-size:.95rem}h1{font-size:1.3rem}.b{padding:.3rem .55rem}ul.counts li{font-size:.8rem}}
    @media print{:root{color-scheme:light}body{max-width:none;padding:0;font-size:10.5pt;background:#fff;color:#000}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}
    .b,li.version,h4.entry{break-inside:avoid}h2,h3,h4{break-after:avoid}:target{outline:none}}
    """
}
