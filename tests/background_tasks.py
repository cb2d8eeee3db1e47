"""Tasks for tests/test_background.py: module-level, so a worker process can import them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django_tasks import task

from background.retries import attempts


@task()
def echo(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """Returns what it was given, as it received it."""
    return {"args": list(args), "kwargs": kwargs, "types": [type(arg).__name__ for arg in args]}


@task()
@attempts(3, delays=(0,))
def fail_first_time(marker: str) -> str:
    """Fails unless the marker file exists, which the first attempt creates."""
    path = Path(marker)
    if not path.exists():
        path.write_text("tried")
        raise ConnectionError("the feed's server is restarting")
    return "second time lucky"


@task()
@attempts(2, delays=(0,))
def always_fail() -> None:
    raise ValueError("this never works")
