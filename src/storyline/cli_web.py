"""``storyline serve``: the web app over a story store."""

from __future__ import annotations

import argparse
import os
import sys

__all__ = ["add_serve_parser", "cmd_serve"]

EXAMPLES = """examples:
  storyline cluster ../shared/data/stream/raw-dev.jsonl --store stories.db
  storyline serve --store stories.db                      # then open http://127.0.0.1:8000/
  STORYLINE_TOKEN=s3cret storyline serve --store postgresql://desk@db/news --host 0.0.0.0

Without --token the app binds only to a loopback address; with one, every page
and API call needs it (a login form sets a cookie; API clients send
'Authorization: Bearer TOKEN')."""


def add_serve_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser(
        "serve",
        help="serve the stories of a store in the browser (and a JSON API under /api/)",
        description="Start the storyline web app over a story store: the story list, each story's report, actors, "
        "and a form to add articles. The JSON API is documented at /docs.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("--store", required=True, metavar="URL", help="SQLite file (e.g. stories.db) or postgresql:// URL")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; another needs --token)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument("--token", metavar="TOKEN", help="require this token for every request (default: $STORYLINE_TOKEN)")


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.security import is_loopback

    token = args.token or os.environ.get("STORYLINE_TOKEN") or None
    if not is_loopback(args.host) and not token:
        print(f"storyline: error: --host {args.host} is reachable from other machines: set --token (or STORYLINE_TOKEN) first", file=sys.stderr)
        return 2
    import uvicorn

    from .settings import load_options
    from .web import create_app

    app = create_app(args.store, load_options(getattr(args, "config", None)), token=token)
    print(f"storyline: serving {args.store} at http://{args.host}:{args.port}/ (API docs at /docs)", file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        app.state.jobs.close()
        app.state.desk.close()
    return 0
