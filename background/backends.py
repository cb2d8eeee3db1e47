"""The immediate backend as the project uses it: tests and one-off commands.

django-tasks' own immediate backend hands a task the very objects it was given, so a task
that works there can still fail on the worker, which reads its arguments back from JSON
(a tuple arrives as a list, a date or a model instance cannot be queued at all). This one
sends the arguments through JSON first, so every task the suite runs gets what the worker
would give it, and one that could not be queued fails in the tests too.
"""

from __future__ import annotations

import json
from typing import Any

from django_tasks.backends.immediate import ImmediateBackend as BaseImmediateBackend
from django_tasks.utils import normalize_json


def as_the_worker_reads_them(args: Any, kwargs: Any) -> tuple[list[Any], dict[str, Any]]:
    """The arguments as stored in the queue and read back by the worker."""
    stored = json.loads(json.dumps(normalize_json({"args": args, "kwargs": kwargs})))
    return stored["args"], stored["kwargs"]


class ImmediateBackend(BaseImmediateBackend):
    def enqueue(self, task: Any, args: Any, kwargs: Any) -> Any:
        args, kwargs = as_the_worker_reads_them(args, kwargs)
        return super().enqueue(task, args, kwargs)
