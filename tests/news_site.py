"""A news article page written the way real news pages are, and its sources, served from
127.0.0.1 (invented text).

The page has a header and menu with links of its own, inline links in the sentences that
cite ("…, Human Rights Watch <a>said in a report</a>…"), a "Read the full statement" link
alone under a paragraph, relative addresses and tracking parameters. Of its sources, the
rights group's report is not there (404), the wire story's address redirects (301) to a
page that names and links the water board's statement, and the statement is a PDF.
`replies` is what the `serve_local` fixture serves. Loaded by the tests that need it (tests
are not a package).
"""

from __future__ import annotations

from collections.abc import Callable

ARTICLE_PATH = "/news/2026/dovrak-water"
HRW = "/hrw-report"  # 404
WIRE = "/wire-story"  # 301 to WIRE_FINAL
WIRE_FINAL = "/news/wire/dovrak-pipes"
STATEMENT = "/news/reports/board-statement.pdf"

CLAIM_HRW = (
    "About 340 households in Dovrak have gone without running water for three weeks, "
    "Human Rights Watch said in a report published on Monday."
)
CLAIM_WIRE = (
    "The ministry has promised to repair the town's pipes by 12 May, the Meridian Wire "
    "reported on Tuesday."
)
CLAIM_BOARD = (
    "The Dovrak Water Board said that repairing the network would cost 2.4 million euros "
    "and take two years."
)
CLAIM_CHAIN = (
    "Four out of five pipes in Dovrak, 80 per cent, are over forty years old, according to "
    "the Meridian Wire."
)


def article_page(base: str) -> str:
    """The article as the news site serves it; `base` is the site's address."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Dovrak households go three weeks without water | The Northern Ledger</title>
<link rel="canonical" href="{base}{ARTICLE_PATH}">
<meta property="og:site_name" content="The Northern Ledger">
<meta name="author" content="Ilse Varga">
<meta property="article:published_time" content="2026-04-16">
</head><body>
<header><a href="/">The Northern Ledger</a>
<nav><a href="/news">News</a> <a href="/world?utm_source=menu">World</a>
<a href="/report">Report a problem</a> <a href="/subscribe?utm_source=header">Subscribe</a>
</nav></header>
<main><article>
<h1>Dovrak households go three weeks without water</h1>
<p class="byline">By Ilse Varga, 16 April 2026</p>
<p>{_linked(CLAIM_HRW, "said in a report", HRW + "?utm_source=newsletter&amp;utm_medium=email")}
Residents have been queuing at tankers sent by the regional government since the end of
March.</p>
<p>{_linked(CLAIM_WIRE, "reported", WIRE + "?utm_source=twitter&amp;utm_campaign=spring")}
A spokesman gave no reason for the delay.</p>
<p>{CLAIM_BOARD} The board blamed the age of the pipes.</p>
<p><a href="../reports/board-statement.pdf?utm_source=article">Read the full statement</a></p>
<p>{_linked(CLAIM_CHAIN, "the Meridian Wire", WIRE + "?utm_source=twitter")}</p>
<p>The mayor of Dovrak, Tomas Rehak, told the Northern Ledger that the town could not wait
another summer for the work to begin, and called on the ministry to send engineers now.</p>
</article></main>
<aside><h2>Most read</h2><a href="/news/2026/elections">Council elections</a></aside>
<footer><a href="/about">About us</a> <a href="mailto:desk@example.org">Contact</a></footer>
</body></html>
"""


def _linked(sentence: str, anchor: str, href: str) -> str:
    return sentence.replace(anchor, f'<a href="{href}">{anchor}</a>', 1)


WIRE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministry pledges Dovrak pipe repairs by May</title>
<meta property="og:site_name" content="Meridian Wire">
<meta property="article:published_time" content="2026-04-14">
</head><body>
<nav><a href="/">Meridian Wire</a> <a href="/markets">Markets</a></nav>
<article><h1>Ministry pledges Dovrak pipe repairs by May</h1>
<p>DOVRAK (Meridian Wire) - The ministry promised on Tuesday to repair the Dovrak pipes by
12 May, a spokesman said, after three weeks in which hundreds of homes had no running
water.</p>
<p>About 80 per cent of the pipes in Dovrak are over forty years old, the Dovrak Water Board
said in a <a href="{STATEMENT}">statement</a> published on Monday.</p>
<p>The spokesman said engineers from the capital would inspect the network next week and
that the regional government would keep sending water tankers until then.</p>
</article></body></html>
"""

STATEMENT_TITLE = "Statement on the Dovrak pipes"
STATEMENT_PARAGRAPHS = [  # lines of the statement's paragraphs, laid out as a PDF page
    ["Dovrak Water Board: statement on the state of the Dovrak pipes, 13 April 2026"],
    [
        "About 80 per cent of the pipes in Dovrak are over forty years old. Most were laid",
        "before 1985 and have not been replaced since, and leaks are found every week.",
    ],
    [
        "Repairing the network would cost 2.4 million euros and take two years. The board",
        "asks the ministry to fund the repairs this year, before the summer demand.",
    ],
]
REQUESTS: list[str] = []


def replies(pdf: bytes) -> Callable[[str, str], tuple[int, dict[str, str], bytes]]:
    """The site's answers (for the `serve_local` fixture), the statement being `pdf`."""
    REQUESTS.clear()
    html = {"Content-Type": "text/html; charset=utf-8"}

    def reply(request: str, base: str) -> tuple[int, dict[str, str], bytes]:
        REQUESTS.append(request)
        path = request.split("?", 1)[0]
        if path == ARTICLE_PATH:
            return 200, html, article_page(base).encode()
        if path == WIRE:
            return 301, {"Location": WIRE_FINAL}, b""
        if path == WIRE_FINAL:
            return 200, html, WIRE_PAGE.encode()
        if path == STATEMENT:
            return 200, {"Content-Type": "application/pdf"}, pdf
        page = b"<html><body><h1>Page not found</h1></body></html>"
        return 404, {"Content-Type": "text/html"}, page

    return reply
