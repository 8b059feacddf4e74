"""Store fixtures: every store test runs on SQLite and on a throwaway PostgreSQL cluster.

The PostgreSQL cluster is made with ``initdb`` and started with ``pg_ctl`` in a
temporary folder, listening on a Unix socket only, once per test session; each
test gets a fresh database in it. PostgreSQL refuses to run as root, so under
root (as in CI) the server runs as an unprivileged user (``postgres`` when the
Debian package created it, else ``nobody``). Where the server binaries are not
installed the PostgreSQL cases skip, saying so.
"""

from __future__ import annotations

import glob
import importlib.util
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

_counter = itertools.count(1)


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return found[-1] if found else shutil.which(name)


def _as_user() -> tuple[list[str], int | None, int | None]:
    if os.geteuid() != 0:
        return [], None, None
    for name in ("postgres", "nobody"):
        try:
            pw = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], pw.pw_uid, pw.pw_gid
    pytest.skip("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[str]:
    """Socket folder of a running throwaway PostgreSQL server (superuser ``storyline``, trust auth)."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql")
    prefix, uid, gid = _as_user()
    base = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    data = base / "data"
    if uid is not None and gid is not None:
        os.chown(base, uid, gid)
    env = {**os.environ, "LC_ALL": "C"}

    def run(*cmd: str) -> None:
        res = subprocess.run([*prefix, *cmd], capture_output=True, text=True, env=env, cwd=base, timeout=120, check=False)
        if res.returncode != 0:
            log = (base / "server.log").read_text(errors="replace")[-2000:] if (base / "server.log").exists() else ""
            pytest.fail(f"{Path(cmd[0]).name} failed: {res.stdout}{res.stderr}{log}")

    run(initdb, "-D", str(data), "-U", "storyline", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
    opts = f"-k {base} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    run(pg_ctl, "-D", str(data), "-l", str(base / "server.log"), "-o", opts, "-w", "-t", "60", "start")
    try:
        yield str(base)
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True, cwd=base, timeout=60, check=False)
        shutil.rmtree(base, ignore_errors=True)


def _pg_database(socket_dir: str) -> str:
    import psycopg

    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(f"host={socket_dir} user=storyline dbname=postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    return f"postgresql://storyline@/{name}?host={socket_dir}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store: a SQLite file, or a new database on the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "stories.db")
    return _pg_database(request.getfixturevalue("pg_cluster"))


@pytest.fixture(scope="session")
def synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("storyline_test_synth", Path(__file__).parents[1] / "stream" / "synth.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
