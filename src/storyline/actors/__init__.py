"""The ``actors`` stage: one canonical actor per entity (people, countries, bodies, groups),
its mentions and coding, and the actor graph.

Stage contract (see :mod:`storyline.pipeline`):

- requires: entities, parses
- assigns: actors, relations
"""
