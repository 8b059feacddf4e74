"""Background jobs of the web app (briefs, uploads): one worker thread, states the pages poll."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Literal

from ..errors import StorylineError

__all__ = ["Job", "JobManager"]

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed"]


@dataclass
class Job:
    id: str
    kind: str
    state: JobState = "queued"
    message: str = "waiting for the worker"
    stories: list[str] = field(default_factory=list)  # stories the job built or changed
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "state": self.state, "message": self.message, "stories": list(self.stories),
                "started": self.started, "finished": self.finished}


class JobManager:
    """Runs jobs one at a time in a worker thread (the store has one writer; the model is loaded once)."""

    def __init__(self, keep: int = 200) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-job")
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._keep = keep

    def submit(self, kind: str, work: Callable[[Job], None]) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], kind=kind)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].state in {"done", "failed"}:
                    del self._jobs[oldest]
                else:
                    break
        self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[[Job], None]) -> None:
        job.state = "running"
        job.message = "running"
        try:
            work(job)
            job.state = "done"
        except StorylineError as exc:
            job.state, job.message = "failed", str(exc)
        except Exception as exc:
            log.exception("job %s failed", job.id)
            job.state, job.message = "failed", f"unexpected {type(exc).__name__}: {exc}"
        job.finished = time.time()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Wait until no job is queued or running (for tests and shutdown)."""
        end = time.time() + timeout
        while time.time() < end:
            with self._lock:
                busy = any(j.state in {"queued", "running"} for j in self._jobs.values())
            if not busy:
                return True
            time.sleep(0.05)
        return False

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
