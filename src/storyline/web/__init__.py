"""The web app: browse, read and build stories of a store in the browser (``storyline serve``).

:func:`create_app` builds a FastAPI application over a story store: server
rendered pages (the story list with search, filters and sorting; a story's
report, drawn by the same renderer as story.html; an actor's stories and
quotes; a form to add articles) and a JSON API under ``/api/`` that mirrors
them. Briefs and uploads run as background jobs that the pages poll.
Safety: loopback by default, an optional bearer token / login cookie for
every request, CSRF tokens on forms, size- and type-checked uploads, and
every piece of article text escaped.

This package is not a pipeline stage: like the CLI, it drives the library.
"""

from .app import create_app

__all__ = ["create_app"]
