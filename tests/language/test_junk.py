"""Junk rules on lines from many kinds of outlets; content lines must survive."""

from __future__ import annotations

import pytest

from storyline.language.junk import classify_line, is_credit, looks_like_caption
from storyline.text import plain

JUNK = [
    # paywalls and subscription notices (newspapers, magazines)
    ("Subscribe now for unlimited digital access.", "paywall"),
    ("You have 2 free articles remaining this month.", "paywall"),
    ("Already a subscriber? Log in to continue reading.", "paywall"),
    ("This article is for subscribers only.", "paywall"),
    ("Your IP access to this site will expire on March 3", "paywall"),
    ("For group sales please contact our account team at", "paywall"),
    ("Sign in to continue reading", "paywall"),
    ("Support independent journalism. Become a member today.", "paywall"),
    # ad and recirculation widgets
    ("Sponsored Links", "ad or recirculation widget"),
    ("Recommended for you", "ad or recirculation widget"),
    ("More from The Atlantic", "ad or recirculation widget"),
    ("Promoted Stories", "ad or recirculation widget"),
    ("ADVERTISEMENT", "ad or recirculation widget"),
    ("Advertisement", "ad or recirculation widget"),
    ("Most Read", "ad or recirculation widget"),
    ("You may also like", "ad or recirculation widget"),
    ("Powered by Outbrain", "ad or recirculation widget"),
    ("Story continues below advertisement", "ad or recirculation widget"),
    ("Sign up for our daily newsletter", "ad or recirculation widget"),
    ("Click here to watch the full interview", "ad or recirculation widget"),
    # related-link lines (wire, blogs)
    ("Related: Inside the race for the Senate", "related link"),
    ("READ MORE: Bank of England holds rates", "related link"),
    ("See also: How the tariff fight began", "related link"),
    ("Related Coverage: Flooding in Texas", "related link"),
    # photo credits
    ("(AP Photo/Evan Vucci)", "photo credit"),
    ("Photo: Reuters", "photo credit"),
    ("Getty Images", "photo credit"),
    ("Photograph: Andy Rain/EPA", "photo credit"),
    ("Jane Doe/Getty Images", "photo credit"),
    ("Image credit: NASA/JPL-Caltech", "photo credit"),
    # scraping debris (archived pages, embeds, cookies)
    ("These crawls are part of an effort to archive pages as they are created.", "web archive or embed debris"),
    ("Tweet with a location", "web archive or embed debris"),
    ("We use cookies to improve your experience on our site.", "cookie or browser notice"),
    ("Please enable JavaScript to view the comments.", "cookie or browser notice"),
    ("Share this", "share buttons"),
    ("Facebook Twitter Email", "share buttons"),
    ("© 2019 Cable News Network. All Rights Reserved.", "copyright notice"),
    # more scraping debris seen in aggregated news text
    ("Story Continued Below", "ad or recirculation widget"),
    ("report this ad", "ad or recirculation widget"),
    ("Advertisement Continue reading the main story", "ad or recirculation widget"),
    ("► Related: Suspect arrested after campus shooting", "related link"),
    ("— Reuters", "photo credit"),
    ("jane.doe@example-news.com", "contact line"),
    ("jdoe@citypaper.com or 954-356-4303", "contact line"),
    ("– Follow the Ticker on Twitter: @PoliticalTicker", "social media link"),
    ("❄ I N S T A G R A M➜ http://instagram.com/somebody", "social media link"),
    ("https://www.example.com/news/2017/05/some-long-story-slug-here", "social media link"),
    ("sound 00:00 00:00", "media player controls"),
    ("Copyright 2016 The Associated Press. All rights reserved. This material may not be published.", "copyright notice"),
]

CONTENT = [
    "The Federal Reserve held interest rates steady on Wednesday, citing slowing inflation.",
    "“We will not back down,” the union leader told reporters outside the plant.",
    "More than 300 people were evacuated from the village, the Red Cross said.",
    "Subscribers to the streaming service rose 8% in the quarter, beating forecasts.",  # the word, not a paywall
    "Related companies in the sector also fell sharply on the news.",
    "The photo, taken by a bystander, shows the suspect fleeing the scene.",
    "Advertising revenue at the network fell 4% as viewers moved online, the company said in its annual report.",
    "Click-through rates on the ads doubled, according to the study published in Science.",
    "Getty Images, the photo agency, agreed to buy a rival for $1.2 billion on Thursday.",
    "Share prices in Tokyo climbed after the central bank announcement.",
    "The court said the cookie maker had misled customers about the sugar content of its biscuits.",
    "Manchester United beat Arsenal 2-1 at Old Trafford on Sunday.",
    "Putin Got Exactly What He Wanted in Syria",
    "More than a dozen states sued the administration over the rule.",
    "Reach the reporter on Twitter, where she has posted photos of the flooded streets since Sunday morning.",
    "The company said its Twitter account had been hacked on Monday.",
    "Call 911 if you see the suspect, police said.",
    "The match ended 2-1 after 90:00 minutes of tense play in the rain.",
]


@pytest.mark.parametrize(("line", "reason"), JUNK)
def test_junk_lines_are_recognized_with_their_reason(line: str, reason: str) -> None:
    assert classify_line(plain(line)) == reason


@pytest.mark.parametrize("line", CONTENT)
def test_content_lines_are_kept(line: str) -> None:
    assert classify_line(plain(line)) is None


def test_typographic_forms_do_not_hide_junk() -> None:
    # no-break spaces and curly apostrophes as scraped pages have them
    assert classify_line(plain("Related:\u00a0Defense\u00a0One\u2019s coverage of Ukraine")) == "related link"
    assert classify_line(plain("You\u2019ve reached your limit of free articles")) == "paywall"


def test_credit_and_caption_shapes() -> None:
    assert is_credit("Mikhail Klimentyev/Sputnik")
    assert not is_credit("The minister said the deal was done, and the markets rallied hard.")
    assert looks_like_caption("Chancellor Olaf Scholz, left, and President Emmanuel Macron, right, arrive at the summit in Brussels.")
    assert not looks_like_caption("The chancellor left the summit early, and the president stayed to negotiate.")


def test_pre_checked_rules_still_match_case_blind_forms() -> None:
    # the rules skip a line without the words a match needs; "ſ", "ı" and "K" must count as s, i and k there
    assert classify_line("Sign up for our newsletter today") is not None
    assert classify_line("CLICK HERE") is not None
    assert classify_line("We uſe cookies to improve your experience.") == "cookie or browser notice"
    assert classify_line("Please enable JavaScrıpt to view the comments.") == "cookie or browser notice"
    assert classify_line("These crawls are part of an effort to archive pages as they are created.") is not None
    assert classify_line("The council will vote on the new budget next week, officials said.") is None
