
"""A table of quotation cases from varied news writing.

Each case: article text, the actors a reader would list (with the words that
name them), and the quotations expected, as (words inside the marks, speaker
actor name or None). Cases cover wire copy, magazine and transcript styles,
speaker before/after/colon/pronoun, straight and curly, single and double,
nested, unbalanced, paragraph-spanning quotes, scare quotes and documents.
"""

from __future__ import annotations

import pytest

from ..conftest import HandActor

DROPPED = "<not a quotation>"  # expected: no quotation at all (a title, a term, a number)

SMITH = HandActor("John Smith", "person", ("John Smith", "Smith", "Mayor John Smith"))
JONES = HandActor("Mary Jones", "person", ("Senator Mary Jones", "Mary Jones", "Jones"))
DOE = HandActor("Jane Doe", "person", ("Jane Doe", "Doe"))
PUTIN = HandActor("Vladimir Putin", "person", ("Vladimir Putin", "Putin", "the Russian president"))
RUSSIA = HandActor("Russia", "country", ("Russia", "Moscow", "Kremlin", "the Kremlin"))
CHINA = HandActor("China", "country", ("China", "Beijing"))
BRITAIN = HandActor("United Kingdom", "country", ("Britain", "London"))
PENTAGON = HandActor("Pentagon", "organization", ("The Pentagon", "the Pentagon", "Pentagon"))
PESKOV = HandActor("Dmitry Peskov", "person", ("Dmitry Peskov", "Peskov"))
YELLEN = HandActor("Janet Yellen", "person", ("Janet Yellen", "Yellen"))
TRUMP = HandActor("Donald Trump", "person", ("Donald Trump", "Trump"))
LOPEZ = HandActor("Ana Lopez", "person", ("Ana Lopez", "Lopez"))
KAY = HandActor("Senator Kay", "person", ("Senator Kay", "senator", "Kay"))
MINISTRY = HandActor("Foreign Ministry", "organization", ("the Foreign Ministry", "The Foreign Ministry", "the ministry", "The ministry"))
ACME = HandActor("Acme Corp", "organization", ("Acme Corp",))
LEE = HandActor("Governor Lee", "person", ("Governor Lee", "the governor", "Lee"))
MACRON = HandActor("Emmanuel Macron", "person", ("Emmanuel Macron", "Macron"))
MERKEL = HandActor("Angela Merkel", "person", ("Angela Merkel", "Merkel"))
GENERAL = HandActor("Ratko Mladic", "person", ("Ratko Mladic", "the general", "Mladic"))
OFFICER = HandActor("Constable Jones", "person", ("Constable Jones",))
TURKEY = HandActor("Turkey", "country", ("Turkey", "Ankara"))
AVENATTI = HandActor("Michael Avenatti", "person", ("Michael Avenatti", "Avenatti"))
JUPPE = HandActor("Alain Juppe", "person", ("Alain Juppe", "Juppe"))
BOUVIER = HandActor("Edith Bouvier", "person", ("Ms. Bouvier", "Edith Bouvier"))
BOUVIER2 = HandActor("Edith Bouvier", "person", ("Bouvier", "Edith Bouvier"))
CNN = HandActor("CNN", "organization", ("CNN",))
GERGEN = HandActor("David Gergen", "person", ("David Gergen", "Gergen"))

CASES: list[tuple[str, str, list[HandActor], list[tuple[str, str | None]]]] = [
    # --- wire copy: speaker after the quote
    ("after-said-name", "\u201cWe will not back down,\u201d Smith said on Tuesday.", [SMITH], [("We will not back down,", "John Smith")]),
    ("after-said-inverted", "\u201cWe will not back down,\u201d said John Smith, the mayor of Springfield.", [SMITH], [("We will not back down,", "John Smith")]),
    ("after-straight", '"Prices will keep rising," warned Janet Yellen, the Fed chair.', [YELLEN], [("Prices will keep rising,", "Janet Yellen")]),
    ("after-question", '"Who will pay for this?" asked Governor Lee.', [LEE], [("Who will pay for this?", "Governor Lee")]),
    ("after-two-sentences", '"We tried. We failed," Smith said.', [SMITH], [("We tried. We failed,", "John Smith")]),
    ("after-told", "\u201cI never wanted this job,\u201d Jones, 54, told me over coffee in her apartment.", [JONES], [("I never wanted this job,", "Mary Jones")]),
    ("after-title-appos", '"This is unacceptable," the minister, Ana Lopez, said.', [LOPEZ], [("This is unacceptable,", "Ana Lopez")]),
    ("after-governor-asked", "\u201cWho will pay?\u201d the governor asked.", [LEE], [("Who will pay?", "Governor Lee")]),
    # --- speaker before the quote
    ("before-comma", 'Smith said, "The budget is balanced."', [SMITH], [("The budget is balanced.", "John Smith")]),
    ("before-colon-said", "Mayor John Smith said: \u201cThe budget is balanced.\u201d", [SMITH], [("The budget is balanced.", "John Smith")]),
    ("before-colon-revelation", "The announcement contained the revelation by Putin: \u201cI consider the objectives to be generally accomplished.\u201d", [PUTIN], [("I consider the objectives", "Vladimir Putin")]),
    ("before-colon-statement-poss", "Then came Jones\u2019s statement: \u201cI will not resign.\u201d", [JONES], [("I will not resign.", "Mary Jones")]),
    ("before-colon-said-of", "In an interview, Jones said of her rival: \u201cHe is a fraud.\u201d", [JONES], [("He is a fraud.", "Mary Jones")]),
    ("before-colon-blunt", "Told of the decision, Smith was blunt: \u201cIt is a mistake.\u201d", [SMITH], [("It is a mistake.", "John Smith")]),
    ("before-colon-replied", "Asked about the deal, Jones replied: \u201cNot now.\u201d", [JONES], [("Not now.", "Mary Jones")]),
    ("before-colon-by-agent-with-apposition", "His request was echoed by Jane Doe, spokeswoman for Senator Mary Jones: \u201cWe need all the facts.\u201d", [DOE, JONES], [("We need all the facts.", "Jane Doe")]),
    ("after-inverted-with-time", "\u201cIt is deeply troubling,\u201d said Senator Mary Jones outside the chamber Tuesday night.", [JONES], [("It is deeply troubling,", "Mary Jones")]),
    ("before-colon-only", "Asked whether he would run again, Smith said only: \u201cWe\u2019ll see.\u201d", [SMITH], [("We\u2019ll see.", "John Smith")]),
    ("before-adds-colon", "Growth will slow, Smith adds: \u201cNobody is safe.\u201d", [SMITH], [("Nobody is safe.", "John Smith")]),
    ("before-ministry-statement", "The ministry said in a statement: \u201cWe reject the allegations.\u201d", [MINISTRY], [("We reject the allegations.", "Foreign Ministry")]),
    # --- partial quotes inside the reported clause
    ("partial-called", "Smith called the plan \u201ca disaster for taxpayers.\u201d", [SMITH], [("a disaster for taxpayers.", "John Smith")]),
    ("partial-declared", "On March 14, the Russian president declared his objectives \u201cgenerally accomplished\u201d and announced a withdrawal.", [PUTIN], [("generally accomplished", "Vladimir Putin")]),
    ("partial-said-has", "Smith said Moscow has \u201cgood working relations\u201d with Jones \u2014 but not the \u201cprivileged relation\u201d of the past.", [SMITH, RUSSIA, JONES], [("good working relations", "John Smith"), ("privileged relation", "John Smith")]),
    ("partial-ccomp-that", "Kremlin spokesman Dmitry Peskov told reporters the talks were \u201cconstructive.\u201d", [PESKOV, RUSSIA], [("constructive.", "Dmitry Peskov")]),
    ("partial-warned-of-single", "In January, Ankara warned of \u2018consequences.\u2019", [TURKEY], [("consequences.", "Turkey")]),
    ("partial-warned-single-straight", "Britain warned of 'serious consequences' if the talks fail.", [BRITAIN], [("serious consequences", "United Kingdom")]),
    ("partial-org-statement", "The Pentagon said in a statement that the strikes were \u201cprecise and proportionate.\u201d", [PENTAGON], [("precise and proportionate.", "Pentagon")]),
    ("partial-metonym", "Beijing warned that it would \u201cresolutely respond\u201d to any provocation.", [CHINA], [("resolutely respond", "China")]),
    ("partial-tweet", "Trump tweeted that the report was \u201cFAKE NEWS!\u201d", [TRUMP], [("FAKE NEWS!", "Donald Trump")]),
    ("partial-relative-clause", "Putin, who has called the sanctions \u201ceconomic warfare,\u201d met the envoy on Monday.", [PUTIN], [("economic warfare,", "Vladimir Putin")]),
    ("partial-according-to", "The plan is \u201cdead on arrival,\u201d according to Senator Mary Jones.", [JONES], [("dead on arrival,", "Mary Jones")]),
    ("partial-according-statement-from", "\u201cTalks have collapsed,\u201d according to a statement from the Foreign Ministry.", [MINISTRY], [("Talks have collapsed,", "Foreign Ministry")]),
    ("partial-compound-org", "A Kremlin spokesman said the talks were \u201cconstructive.\u201d", [RUSSIA], [("constructive.", "Russia")]),
    # --- pronoun speakers
    ("pronoun-she-next-sentence", "Jane Doe, the chief executive, spoke on Monday. She said the company would \u201cstay the course.\u201d", [DOE], [("stay the course.", "Jane Doe")]),
    ("pronoun-he-said-that", "Putin will keep enough assets in Syria \u2014 he said on Thursday that Russia could scale up its presence again \u201cwithin a few hours,\u201d and the ministry announced new sorties.", [PUTIN, RUSSIA, MINISTRY], [("within a few hours,", "Vladimir Putin")]),
    ("pronoun-he-after", "Smith left the podium early. \u201cIt is over,\u201d he said.", [SMITH], [("It is over,", "John Smith")]),
    ("pronoun-it-org", "Acme Corp denied any wrongdoing. It said the claims were \u201cbaseless.\u201d", [ACME], [("baseless.", "Acme Corp")]),
    ("pronoun-skips-names-inside-quotes", "Michael Avenatti spoke to reporters on Wednesday. \u201cDonald Trump has not won anything,\u201d he added.", [AVENATTI, TRUMP], [("Donald Trump has not won anything,", "Michael Avenatti")]),
    ("pronoun-gender-by-honorific", "Alain Juppe spoke about Ms. Bouvier on Monday. Officials said Ms. Bouvier is still in Homs. \u201cCommunications are very difficult,\u201d he told journalists.", [JUPPE, BOUVIER], [("Communications are very difficult,", "Alain Juppe")]),
    ("pronoun-gender-honorific-outside-mention", "Juppe met reporters on Monday. Ms Bouvier stayed behind in Homs. \u201cCommunications are very difficult,\u201d he told journalists.", [JUPPE, BOUVIER2], [("Communications are very difficult,", "Alain Juppe")]),
    ("outlet-analyst-is-not-the-outlet", "\u201cHe was trying to impede the investigation,\u201d said CNN senior political analyst David Gergen.", [CNN], [("He was trying to impede", "David Gergen")]),
    ("outlet-analyst-named", "\u201cHe was trying to impede the investigation,\u201d said CNN senior political analyst David Gergen.", [CNN, GERGEN], [("He was trying to impede", "David Gergen")]),
    # --- several quotes, interrupted quotes, continuation
    ("interrupted", "\u201cThe economy,\u201d Smith said, \u201cis recovering.\u201d", [SMITH], [("The economy,", "John Smith"), ("is recovering.", "John Smith")]),
    ("two-speakers", "\u201cYes,\u201d said Smith. \u201cNo,\u201d said Jones.", [SMITH, JONES], [("Yes,", "John Smith"), ("No,", "Mary Jones")]),
    ("continuation-same-paragraph", "\u201cWe will rebuild,\u201d Smith said. \u201cThe town deserves nothing less.\u201d", [SMITH], [("We will rebuild,", "John Smith"), ("The town deserves nothing less.", "John Smith")]),
    ("continuation-next-paragraph", "\u201cWe will rebuild,\u201d Smith said.\n\n\u201cThe town deserves nothing less than a full recovery.\u201d", [SMITH], [("We will rebuild,", "John Smith"), ("The town deserves nothing less", "John Smith")]),
    ("multi-paragraph-attribution-first", "Smith said: \u201cWe have rebuilt the bridge and the school.\n\n\u201cNext year we will rebuild the hospital.\u201d", [SMITH], [("We have rebuilt the bridge", "John Smith")]),
    ("multi-paragraph-attribution-last", "\u201cWe have rebuilt the bridge and the school.\n\n\u201cNext year we will rebuild the hospital,\u201d Smith said.", [SMITH], [("Next year we will rebuild the hospital,", "John Smith")]),
    # --- nested quotes
    ("nested-single-in-double", "\u201cHe told me, \u2018Do not worry,\u2019 and then he left,\u201d Smith recalled.", [SMITH], [("He told me, \u2018Do not worry,\u2019 and then he left,", "John Smith")]),
    ("nested-double-in-single-british", "\u2018We heard him shout \u201cstop\u201d twice,\u2019 Constable Jones said.", [OFFICER], [("We heard him shout \u201cstop\u201d twice,", "Constable Jones")]),
    # --- other mark styles
    ("guillemets", "Emmanuel Macron said: \u00abWe are at war.\u00bb", [MACRON], [("We are at war.", "Emmanuel Macron")]),
    ("low-nine-german", "Merkel said \u201eWir schaffen das\u201c in 2015.", [MERKEL], [("Wir schaffen das", "Angela Merkel")]),
    ("apostrophes-inside-straight", "\"We don't know what's next,\" Smith said.", [SMITH], [("We don't know what's next,", "John Smith")]),
    ("apostrophes-around", "Putin said the country\u2019s \u201ccore interests\u201d were at stake, and didn\u2019t elaborate.", [PUTIN], [("core interests", "Vladimir Putin")]),
    ("plural-possessive-apostrophe", "\"The players' union is wrong,\" Smith said.", [SMITH], [("The players' union is wrong,", "John Smith")]),
    ("decade-apostrophe", "Smith said the '90s were \"a golden age.\"", [SMITH], [("a golden age.", "John Smith")]),
    ("headline-colon", "Putin: \u201cObjectives accomplished\u201d\n\nRussia announced a partial withdrawal from Syria on Monday, surprising observers.", [PUTIN, RUSSIA], [("Objectives accomplished", "Vladimir Putin")]),
    # --- no speaker: scare quotes, names, documents, unnamed people
    ("scare-modifier", "Any talk of this \u201cpartial\u201d withdrawal shifting the tide of the war is wishful thinking.", [RUSSIA], [("partial", None)]),
    ("scare-so-called", "The so-called \u201cpeace dividend\u201d never arrived, Smith said.", [SMITH], [("peace dividend", DROPPED)]),
    ("scare-modifier-under-said", "Smith said the \u201ctemporary\u201d measure would end in May.", [SMITH], [("temporary", None)]),
    ("scare-subject", "The \u201creforms\u201d have done little for workers.", [SMITH], [("reforms", None)]),
    ("scare-subject-under-cue", "Acme Corp charges that the \u201cfair deal\u201d is a fraud on its workers.", [ACME], [("fair deal", None)]),
    ("called-it-a-quote", "Smith called the plan a \u201cdisaster\u201d on Monday.", [SMITH], [("disaster", "John Smith")]),
    ("scare-claims-noun", "Despite its claims that it is fighting \u201cterrorists\u201d in Syria, Moscow has mostly bombed rebel groups.", [RUSSIA], [("terrorists", None)]),
    ("document-wording", "The truce excluded the Islamic State, al-Nusra Front, \u201cor other terrorist organizations designated by the U.N. Security Council.\u201d", [RUSSIA], [("or other terrorist organizations", None)]),
    ("document-calls-for", "The agreement calls for \u201ca cessation of hostilities\u201d by Friday.", [RUSSIA], [("a cessation of hostilities", None)]),
    ("nickname-known-as", "Known as \u201cthe Butcher of Bosnia,\u201d the general denied the charges.", [GENERAL], [("the Butcher of Bosnia,", None)]),
    ("passive-called-names-not-speaks", "Acme Corp signed the deal. The \u201chush agreement,\u201d as it is called in the suit, was never enforced.", [ACME], [("hush agreement,", None)]),
    ("passive-with-agent", "The plan was described by John Smith as \u201ca disaster for taxpayers.\u201d", [SMITH], [("a disaster for taxpayers.", "John Smith")]),
    ("title-of-work", "Jane Doe starred in \u201cThe Long Goodbye\u201d in 1973.", [DOE], [("The Long Goodbye", DROPPED)]),
    ("unnamed-official", "A senior official said the deal was \u201cclose.\u201d", [SMITH], [("close.", "A senior official")]),
    ("possessive-aide-not-senator", "The senator\u2019s aide said the bill was \u201cdead.\u201d", [KAY], [("dead.", "The senator\u2019s aide")]),
]


@pytest.mark.parametrize(("text", "actors", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quote_table(run_with_actors, text, actors, expected):
    story = run_with_actors([text], actors)
    names = {a.id: a.name for a in story.actors}
    got = [(q.text, names.get(q.speaker) if q.speaker else None) for q in story.quotes]
    for words, speaker in expected:
        hits = [g for g in got if words in g[0] or g[0] in words]
        if speaker is DROPPED:
            assert not hits, f"{words!r} is a name, not a quotation; got {got}"
            continue
        assert hits, f"no quote containing {words!r}; got {got}"
        assert hits[0][1] == speaker, f"{words!r}: speaker {hits[0][1]!r}, expected {speaker!r}; got {got}"
    for q in story.quotes:
        assert story.doc(q.doc).text[q.start : q.end] == q.text
