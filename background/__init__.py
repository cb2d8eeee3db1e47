"""Background work: django-tasks on its database backend, the worker, retries, and how the
queue is doing.

- ``backends``: the immediate backend used by tests and one-off commands, which hands a task
  its arguments exactly as the worker would (through JSON).
- ``worker``: the worker's heartbeat, whether one is running, and how long the oldest waiting
  task has waited (for /healthz).
- ``dispatch``: run a task soon: queued when a worker is running, at once when none is.
- ``retries``: a failed task is queued again, later, up to its number of attempts.
- ``admin``: recent tasks and their outcome in the Wagtail admin.
- ``management/commands/db_worker.py``: django-tasks-db's worker, with a heartbeat.
"""
