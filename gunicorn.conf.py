"""gunicorn's settings for this site, read from the project folder (gunicorn loads
./gunicorn.conf.py by default): `make serve`, the load benchmark and the tests' app servers all
start it from there. Flags on the command line (--workers, --bind) still win.

Django and Wagtail are loaded once, in the master, before the workers are forked
(preload_app). Each worker then starts in milliseconds instead of spending two or three seconds
of CPU importing them again, which on a busy machine (or a worker restarted after a time-out)
delayed searches, and the workers share that memory: config/wsgi.py freezes it out of the
garbage collector's sight, so the workers' collections do not copy it page by page.
"""

preload_app = True


def pre_fork(server, worker):
    # Nothing should have opened a database connection while loading, but a connection
    # inherited by every worker would be one socket shared by several processes.
    from django.db import connections

    connections.close_all()
