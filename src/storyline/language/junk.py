"""General rules that recognize junk lines in news pages.

Each rule names the reason reported for a removed line. Rules look at the
shape of a line (its words, length and punctuation), never at strings copied
from one outlet. They are applied to text normalized by
:func:`storyline.text.plain`, so typographic quotes and no-break spaces do
not matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..language.furniture import furniture
from .words import phrase_alternation

__all__ = ["JUNK_RULES", "JunkRule", "classify_line", "headline_shaped", "is_credit", "looks_like_caption", "word_count"]


@lru_cache(maxsize=256)
def word_count(line: str) -> int:
    """Words of ``line`` (remembered: the rules of one line each ask)."""
    return len(line.split())


_PAYWALL = re.compile(
    r"\b(?:paywall|sign (?:in|up) to (?:continue|read)|log ?in to (?:continue|read)"
    r"|already a (?:subscriber|member)|free articles?|articles? remaining|register (?:now )?to (?:continue|read)"
    r"|uninterrupted (?:reading|access)|unlimited (?:digital )?access|your (?:ip )?access\b.*\bexpire"
    r"|access (?:to|will) .*\bexpire|trial (?:has )?(?:ended|expired)|to continue reading|become a member"
    r"|support (?:our|independent) journalism|(?:for|available to) (?:paid )?(?:subscribers|members) only"
    r"|this (?:article|content|story) is (?:for|available to|reserved for) (?:paid )?(?:subscribers|members))",
    re.IGNORECASE,
)
# "subscribe" alone is also a word of business news; it marks a paywall only when the line addresses the reader
_SUBSCRIBE = re.compile(r"\bsubscri(?:be|ber|bers|ption|ptions)\b", re.IGNORECASE)
_READER = re.compile(r"^(?:subscribe|join|register|sign)\b|\b(?:you|your|now|today|please)\b", re.IGNORECASE)
_SALES_CONTACT = re.compile(r"\b(?:please )?contact\b.*\b(?:sales|account|customer service|subscriptions?)\b", re.IGNORECASE)

_WIDGET = re.compile(
    r"^(?:trending(?: now)?|sponsored(?: (?:links|content|stories|posts))?|promoted(?: (?:links|stories|content))?"
    r"|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?like|most (?:read|popular|viewed|shared)"
    r"|more (?:from|on|stories|news)\b.*|around the web|from (?:our|the) (?:partners|web)|advertisement|ad(?:vertising)?"
    r"|(?:by|powered by) (?:taboola|outbrain|revcontent|zergnet)|top stories|editor'?s picks?|popular (?:now|stories)"
    r"|(?:follow us|like us) on .*|sign up for .*newsletter.*|(?:get|subscribe to) our newsletter.*"
    r"|newsletter sign ?-?up|click here.*|watch:? .{0,40}video|read more|continue reading|comments?|skip (?:to|ad).*"
    r"|(?:the )?story continues? below.*|story continued below|report this ad|advertisement continue reading.*|.{0,40}\bclick here)$",
    re.IGNORECASE,
)
_WIDGET_ANYWHERE = re.compile(
    r"(?:\bmore\s*>>|>>\s*$)|\b(?:sponsored (?:links|content|stories)|(?:by|from) (?:taboola|outbrain|revcontent|zergnet|mgid)|paid content|partner content)\b",
    re.IGNORECASE,
)

_RELATED = re.compile(
    r"^(?:related|related (?:coverage|stories|content|articles?|links?|reading)|see also|also read|read also|read more|more|"
    r"recommended|further reading|don'?t miss|more coverage|also on \w+|opinion|watch|listen|previously)\s*:\s*\S",
    re.IGNORECASE,
)

_CREDIT = re.compile(
    r"(?:^|[\s(\[])(?:photo|photograph|image|picture|video|graphic|illustration|credit|photo illustration)s?(?: credit)?\s*(?::|by\b)"
    r"|\b(?:getty images|afp(?:/getty)?|associated press|reuters|ap photo|epa|shutterstock|istock(?:photo)?|pool photo|file photo)\b"
    r"|\bvia (?:ap|reuters|afp|getty|epa)\b|\b[A-Z][a-z]+ [A-Z][a-z]+/(?:[A-Z][\w ]+)\b",
)
_CREDIT_LINE = re.compile(
    r"^(?:\(?(?:photo|photograph|image|picture|credit|illustration)s?(?: credit)?\s*[:/]?\s*.{0,60}\)?"
    r"|\(?(?:ap|afp|reuters|getty images|epa)(?: photo)?(?:/[\w .'-]+)?\)?"
    r"|[\w .'-]{2,40}/(?:getty images|afp|ap|reuters|epa|sputnik|shutterstock|bloomberg|pool)(?:[\w ,.'-]{0,40})?)$",
    re.IGNORECASE,
)

_COOKIE = re.compile(
    r"\b(?:we use cookies|uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|by continuing to (?:use|browse)"
    r"|privacy policy and (?:terms|cookie)|javascript (?:is )?(?:disabled|required)|enable javascript|your browser (?:does not|doesn't) support"
    r"|ad ?blocker|disable your ad|enter the characters|opens in (?:a )?new window|click to (?:email|share|print|tweet))\b",
    re.IGNORECASE,
)
_ARCHIVE = re.compile(
    r"\b(?:these crawls are part of an effort|internet archive|wayback machine|alexa internet|this page (?:has been|was) archived"
    r"|tweet with a location|you can add location information to your tweets|add this (?:tweet|video) to your website"
    r"|the crawl|crawled (?:by|from)|web crawl)\b",
    re.IGNORECASE,
)
_SOCIAL = re.compile(
    r"^(?:share|tweet|email|print|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link|comments?)(?:\s*(?:this|story|article|\|))?$"
    r"|^(?:\d+\s+)?(?:shares?|comments?|views?)$|^(?:facebook|twitter|email|linkedin|whatsapp)(?:\s+(?:facebook|twitter|email|linkedin|whatsapp|share))+$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|all rights reserved|may not be (?:published|reproduced|redistributed)", re.IGNORECASE)


@dataclass(frozen=True)
class JunkRule:
    reason: str
    test: Callable[[str], bool]


def is_credit(line: str) -> bool:
    """A standalone photo or image credit line ("(AP Photo/...)", "— Reuters")."""
    return word_count(line) <= 14 and bool(_CREDIT_LINE.match(line.strip().lstrip("—–- ")))


_PAYWALL_NEEDLES = (
    "paywall", "sign ", "in to ", "already a ", "free article", "remaining", "register ", "uninterrupted ", "unlimited ", "expire", "trial ",
    "to continue reading", "become a member", "journalism", "subscribers", "members",
)


def _paywall(line: str) -> bool:
    if word_count(line) > 40:
        return False
    low = folded(line)  # words every match needs (see _short)
    if (_holds(low, _PAYWALL_NEEDLES) and _PAYWALL.search(line)) or ("contact" in low and _SALES_CONTACT.search(line)):
        return True
    return "subscri" in low and bool(_SUBSCRIBE.search(line)) and bool(_READER.search(line))


def _widget(line: str) -> bool:
    if word_count(line) > 12:
        return False
    return bool(_WIDGET.match(line.strip(" .:|»›-"))) or bool(_WIDGET_ANYWHERE.search(line))


_BULLETS = "►▶▸•*·>»›-–— "


def _related(line: str) -> bool:
    return word_count(line) <= 25 and bool(_RELATED.match(line.lstrip(_BULLETS)))


_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_PHONE = re.compile(r"^\(?\+?\d[\d ().-]{6,}\d$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_SOCIAL_SITE = re.compile(r"\b(?:twitter|facebook|instagram|youtube|tiktok|snapchat|linkedin|pinterest)\b|t\s*w\s*i\s*t\s*t\s*e\s*r|i\s*n\s*s\s*t\s*a\s*g\s*r\s*a\s*m", re.IGNORECASE)
_FOLLOW = re.compile(r"\b(?:follow|like|find|join) (?:us|me|him|her|them|the [\w ]{1,30}) on\b|@\w{2,}|^(?:follow|like|join)\b[^!?]{0,60}?[:|]", re.IGNORECASE)
_PLAYER = re.compile(r"^(?:(?:sound|volume|play|pause|reset|replay|mute|unmute|close|fullscreen|cc)\b|\d{1,2}:\d{2}\b|[\s/|])+$", re.IGNORECASE)


def _contact(line: str) -> bool:
    """A line that is only e-mail addresses, phone numbers and joining words."""
    words = [w.strip(",;") for w in line.split()]
    if not words or len(words) > 8:
        return False
    hits = sum(1 for w in words if _EMAIL.match(w) or _PHONE.match(w))
    return hits >= 1 and all(_EMAIL.match(w) or _PHONE.match(w) or w.lower() in {"or", "and", "at", "email", "e-mail", "phone", "tel", "call"} for w in words)


def _social(line: str) -> bool:
    if word_count(line) > 15:
        return False
    has_site = bool(_SOCIAL_SITE.search(line))
    url_chars = sum(len(m) for m in _URL.findall(line))
    return (has_site and (bool(_FOLLOW.search(line)) or url_chars > 0)) or url_chars > 0.6 * len(line.strip())


def _short(pattern: re.Pattern[str], limit: int, needles: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """A line of at most ``limit`` words that ``pattern`` matches.

    ``needles``: words every match of ``pattern`` contains (lower case); a
    line holding none of them is not searched.
    """
    if not needles:
        return lambda line: word_count(line) <= limit and bool(pattern.search(line))
    return lambda line: word_count(line) <= limit and _holds(folded(line), needles) and bool(pattern.search(line))


def _holds(low: str, needles: tuple[str, ...]) -> bool:
    return any(n in low for n in needles)


#: The only characters that re.IGNORECASE matches to an ASCII letter besides its own cases.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=256)
def folded(line: str) -> str:
    """``line`` in lower case, as re.IGNORECASE compares ASCII words: a word is in it if a case-blind pattern can match it."""
    return line.translate(_FOLD).lower()


# Scraped-page debris common in news datasets (Multi-News): embedded media
# labels, newsletter and social promotions, and the
# descriptions of web-archive crawls that stand in for failed retrievals.
_MEDIA_LABEL = re.compile(
    r"^(?:image|media|video|photo|audio) (?:copyright|caption|source)\b|\bmedia playback is (?:unsupported|not supported)\b"
    r"|\b(?:image|photo) copyright\b.*\b(?:image|photo) caption\b",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"(?:^|[.!?:|\u2014-]\s*|\b(?:e-?mails?|newsletters?|alerts?|now|today|here)\s+)sign up (?:for|to receive) (?:the |our )?[\w'’ -]{0,40}(?:newsletter|e-?mails?|alerts)\b|\bget (?:breaking )?news alerts\b"
    r"|\bbreaking news e-?mails\b|\b(?:join|like) us on (?:facebook|twitter|instagram)\b|\bfollow us on\b"
    r"|\bdelivered (?:straight |right |directly )?to your inbox\b|\bclick here\b|\blet us know in (?:the )?comments\b"
    r"|\bsend an e-?mail to the (?:author|editor|reporter)\b|\bdownload (?:our|the) (?:free )?app\b"
    r"|\bjoin (?:our|the) mailing list\b|\bfill in your (?:contact )?details\b|\bthanks? (?:you )?for (?:subscribing|signing up)\b"
    r"|\ba friend (?:wanted|thought) you (?:to see|would like)\b|\be-?mail this (?:story|article|page) to a friend\b",
    re.IGNORECASE,
)
# words every match of the pattern above holds (see _short)
_PROMO_NEEDLES = (
    "sign up", "news alerts", "breaking news e", "us on", "to your inbox", "click here", "let us know in", "send an e", "download",
    "mailing list", "fill in your", "for subscribing", "for signing up", "a friend",
)
_COOKIE_NEEDLES = (
    "cookie", "by continuing to", "privacy policy and", "javascript", "your browser", "blocker", "disable your ad", "enter the characters",
    "opens in", "click to",
)
_ARCHIVE_NEEDLES = (
    "crawl", "internet archive", "wayback machine", "alexa internet", "this page", "tweet with a location", "location information", "add this",
)
_ARCHIVE_TERM_NEEDLES = (
    "crawl", "seed", "warc", "heritrix", "wayback machine", "internet archive", "robots", "captures", "embargo period", "outbound links",
    "archived page",
)
_ARCHIVE_TERMS = re.compile(
    r"\b(?:crawl(?:s|ed|er|ers|ing)?|seed ?list|warc|heritrix|wayback machine|internet archive|robots\.txt|captures|embargo period"
    r"|outbound links|archived pages?)\b",
    re.IGNORECASE,
)


def _archive_description(line: str) -> bool:
    """A line describing a web-archive crawl: two or more distinct crawl terms."""
    if word_count(line) > 200:
        return False
    low = folded(line)  # words every match needs (see _short)
    if not _holds(low, _ARCHIVE_TERM_NEEDLES):
        return False
    return len({m.lower() for m in _ARCHIVE_TERMS.findall(line)}) >= 2




_FURNITURE = furniture()
_TERMINAL = (".", "!", "?", '"', "'", ":", ";", ",", ")", "]")
_HEADLINE_END = re.compile(r"""[.!?;,:]["')\]]*$|[.!?]\s*["')\]]$""")


def headline_shaped(line: str, max_words: int = 18) -> bool:
    """A line shaped like a headline: a few words, a capital first, no sentence-final punctuation."""
    s = line.strip()
    n = word_count(s)
    if not 2 <= n <= max_words or (not s[:1].isupper() and not s[:1].isdigit() and s[:1] not in "'\""):
        return False
    return not _HEADLINE_END.search(s)


_SEPARATOR = re.compile(r"^[\W_]{1,}$")
_RECIRC_BARE = re.compile(
    r"^(?:read next|read more|see also|related stories|related coverage|more from us|up next|must read|explore further|"
    r"you may also like|you might also like|recommended for you|also read|also on)\s+(?P<rest>(?-i:[A-Z0-9'\"]).*)$",
    re.IGNORECASE,
)
_RECIRC_PREFIX = re.compile(rf"^(?:{phrase_alternation(_FURNITURE.recirculation_prefixes)})\s*(?::|\||»|›|>|-|—|–)\s*(?P<rest>\S.*)?$", re.IGNORECASE)
_MORE_UPPER = re.compile(r"^(?:MORE|ALSO|RELATED|READ MORE|WATCH|SEE ALSO)\s+(?P<rest>[A-Z0-9'\"].*)$")
_LINK_IMPERATIVE = re.compile(rf"^(?:{phrase_alternation(_FURNITURE.link_imperatives)})\s+(?:the|our|this|a|an|more|all|full|his|her|their)\b", re.IGNORECASE)
_VIDEO = re.compile(rf"^warning:[^.]{{0,40}}\b(?:video|images?|footage)\b|\b(?:{phrase_alternation(_FURNITURE.video_words)})\b|^embed\b.*(?:\d:\d\d|autoplay)|\(\d+ (?:images|photos|pictures)\)", re.IGNORECASE)
_STAMP = re.compile(
    rf"^[/|•·\s-]*(?:{phrase_alternation(_FURNITURE.stamp_words)})\b(?:\s+(?:on|at))?(?:\s*[:|/,-]\s*|\s+)"
    r"(?:by\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.IGNORECASE,
)
_BYLINE_STAMP = re.compile(r"^[/|•·\s-]+by\s+[A-Z]", re.IGNORECASE)
_HIGHLIGHTS = re.compile(r"^(?:story highlights|key points|highlights|what you need to know|the latest)\b", re.IGNORECASE)
_AGENCY_CREDIT = re.compile(
    r"^(?:getty images|ap|afp|reuters|epa|shutterstock|bloomberg|pool|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})\s*/\s*[^/]{2,40}\s*/\s*"
    r"(?:contributor|getty images|staff|afp|ap|reuters|stringer|pool|epa|corbis|wireimage|filmmagic|bloomberg)\s*$",
    re.IGNORECASE,
)
_GRAPHIC_LINK = re.compile(r"^\(\s*(?:graphic|graphics|factbox|interactive|video|photos?|timeline|explainer)\b[^)]*\)$", re.IGNORECASE)
# "Email Sign Up", "Sign up for our newsletter": the sign-up addresses the reader (not "residents can sign up for alerts")
_SIGNUP = re.compile(
    r"(?:^|[.!?|]\s+|\b(?:e-?mails?|newsletters?|alerts?)\s+)sign\s*-?\s*up\b(?=.*\b(?:e-?mails?|newsletters?|alerts?|inbox)\b)"
    r"|\b(?:e-?mails?|newsletters?|alerts?)\s+sign\s*-?\s*up\b",
    re.IGNORECASE,
)
_SHARE_TOKEN = re.compile(r"[\w+'-]+|[|/]")


def _share_row(line: str) -> bool:
    words = [w.lower() for w in _SHARE_TOKEN.findall(line)]
    return 1 <= len(words) <= 12 and all(w in _FURNITURE.share_words or w.isdigit() for w in words) and any(
        w in {"facebook", "twitter", "google", "email", "share", "embed", "pinterest", "linkedin", "whatsapp", "reddit", "tweet"} for w in words
    )


def _recirculation_link(line: str) -> bool:
    """'Analysis: <headline>', 'ALSO:', 'MORE <Headline>', 'Read the full ruling': a link to other content."""
    s = line.strip().lstrip(_BULLETS)
    if word_count(s) > 25:
        return False
    m = _RECIRC_PREFIX.match(s) or _MORE_UPPER.match(s) or _RECIRC_BARE.match(s)
    if m:
        rest = m.group("rest")
        if rest is None or headline_shaped(rest, 22) or re.search(r"https?://|www\.", rest):
            return True
    return headline_shaped(s, 16) and bool(_LINK_IMPERATIVE.match(s))


_BRACKETED = re.compile(r"^\[(?P<inner>[^\[\]]{3,160})\]$")


def _bracketed_link(line: str) -> bool:
    """A headline in square brackets set into the text ("[Storm closes schools across the state]")."""
    m = _BRACKETED.match(line.strip())
    if m is None:
        return False
    inner = m.group("inner").strip()
    if inner.lower().startswith(("editor", "update", "correction", "note")):
        return False
    return headline_shaped(inner, 20) or bool(_CREDIT_LINE.match(inner)) or bool(re.match(r"(?i)^(?:image|photo|video|pictured)\b.*\bvia\b", inner))


def _separator(line: str) -> bool:
    s = line.strip()
    return bool(_SEPARATOR.match(s)) and not any(c.isalnum() for c in s)


def _stamp(line: str) -> bool:
    s = line.strip()
    return word_count(s) <= 14 and not s.endswith((".", "!", "?")) and bool(_STAMP.match(s) or _BYLINE_STAMP.match(s))


_PLAYER_SURE = re.compile(r"autoplay|just watched|must watch|\(\d+ (?:images|photos|pictures)\)|^warning:.*\bvideo\b", re.IGNORECASE)


def _video(line: str) -> bool:
    s = line.strip()
    if s.endswith((".", "!", "?")) and not _PLAYER_SURE.search(s):
        return False  # a sentence ("The team is up next in the playoffs.")
    return (word_count(s) <= 15 and not re.search(r"[.!?]\s+[A-Z]", s) and bool(_VIDEO.search(s))) or bool(_GRAPHIC_LINK.match(s))


def _highlights(line: str) -> bool:
    return bool(_HIGHLIGHTS.match(line.strip())) and (word_count(line) <= 3 or line.strip()[:16].lower() == "story highlights")


def _agency_credit(line: str) -> bool:
    s = line.strip()
    return word_count(s) <= 12 and bool(_AGENCY_CREDIT.match(s))


def _signup(line: str) -> bool:
    return word_count(line) <= 40 and "sign" in folded(line) and bool(_SIGNUP.search(line))


JUNK_RULES: tuple[JunkRule, ...] = (
    JunkRule("paywall", _paywall),
    JunkRule("related link", _related),
    JunkRule("ad or recirculation widget", _widget),
    JunkRule("photo credit", is_credit),
    JunkRule("cookie or browser notice", _short(_COOKIE, 60, _COOKIE_NEEDLES)),
    JunkRule("web archive or embed debris", _short(_ARCHIVE, 80, _ARCHIVE_NEEDLES)),
    JunkRule("share buttons", lambda line: word_count(line) <= 8 and bool(_SOCIAL.match(line.strip()))),
    JunkRule("social media link", _social),
    JunkRule("contact line", _contact),
    JunkRule("media player controls", lambda line: word_count(line) <= 8 and bool(_PLAYER.match(line.strip()))),
    JunkRule("copyright notice", _short(_COPYRIGHT, 30)),
    JunkRule("embedded media label", _short(_MEDIA_LABEL, 80, ("copyright", "caption", "source", "media playback is"))),
    JunkRule("newsletter or social promotion", _short(_PROMO, 40, _PROMO_NEEDLES)),
    JunkRule("web archive description", _archive_description),
    JunkRule("separator", _separator),
    JunkRule("share buttons", _share_row),
    JunkRule("related link", _recirculation_link),
    JunkRule("related link", _bracketed_link),
    JunkRule("byline or update stamp", _stamp),
    JunkRule("video or gallery furniture", _video),
    JunkRule("story highlights", _highlights),
    JunkRule("photo credit", _agency_credit),
    JunkRule("newsletter or social promotion", _signup),
)


def classify_line(line: str) -> str | None:
    """The junk reason for one line on its own, or None if it may be content."""
    for rule in JUNK_RULES:
        if rule.test(line):
            return rule.reason
    return None


_POSITION = re.compile(r"(?:,|\()\s*(?:left|right|center|centre|second (?:left|right)|top|bottom|foreground|background|l|r|c)\s*(?:,|\))", re.IGNORECASE)
_CAPTION_VERB = re.compile(r"\b(?:pictured|poses?|is seen|are seen|looks on|look on|gestures?|arrives?|waves?|speaks? during|attends?)\b", re.IGNORECASE)


def looks_like_caption(line: str) -> bool:
    """A photo caption: positional labels ("center", "(L)") or caption verbs."""
    if word_count(line) > 70:
        return False
    return len(_POSITION.findall(line)) >= 1 and bool(_CREDIT.search(line) or _CAPTION_VERB.search(line) or len(_POSITION.findall(line)) >= 2)


def credit_tail(line: str) -> bool:
    """True when ``line`` reads as a photo credit (used for the tail of a repeated caption)."""
    s = line.strip()
    return bool(s) and word_count(s) <= 16 and bool(_CREDIT.search(s) or _CREDIT_LINE.match(s) or _AGENCY_IN_PARENS.match(s) or _VIA_AGENCY.search(s))


_VIA_AGENCY = re.compile(
    r"(?:^|\s)(?:via|/)\s*(?:the )?(?:reuters|ap|afp|getty images|epa|ansa|dpa|xinhua|pool|twitter|facebook|instagram|youtube)\b\.?\s*$",
    re.IGNORECASE,
)


_AGENCY_IN_PARENS = re.compile(
    r"^\((?:the )?(?:associated press|ap|reuters|afp|agence france-presse|getty images|epa|bloomberg|upi|pa|ansa|dpa|efe|xinhua|tass)(?: photo)?\)$",
    re.IGNORECASE,
)
