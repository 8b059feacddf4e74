"""The brief: an extractive, cited multi-document summary of the story.

- stage ``summarize`` (:mod:`.stage`): fills ``story.summary`` with whole
  body sentences within ``options.summary_words`` words, each citing every
  document span that carries it; ``options.llm_url`` rewrites the brief
  through an OpenAI-compatible endpoint and checks it (:mod:`.llm`);
- :func:`.batch.summarize_clusters`: many Multi-News clusters in one process;
- :mod:`.candidates` (which sentences may enter), :mod:`.readable` (what a
  lifted sentence needs to read alone: its quotation's speaker, the name for
  its pronoun, or its predecessor), :mod:`.select` (score and greedy
  choice), :mod:`.signals` (what other stages know, as a bonus).

Stage contract (see :mod:`storyline.pipeline`):

- requires: sentences, entities, parses
- assigns: summary
- uses when present: actors, events, quotes, agreements
"""
