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

# Threads, four to a worker process: a search spends much of its time waiting on the search
# engine (or PostgreSQL), and a thread lets the process's CPU serve another request meanwhile;
# gthread workers also keep the proxy's connections open between requests, where sync workers
# close each one. In the load test (10,000 services, the engine on its own core, gunicorn and
# wrk on the other; docs/performance.md) 4 sync workers answered 133-138 searches/s, 2 gthread
# workers of 4 threads 173-190/s, with 4.3-4.8 ms of worker CPU a search against 5.6-5.8.
# The number of worker processes stays on the command line (--workers, docs/deploy.md).
worker_class = "gthread"
threads = 4


def pre_fork(server, worker):
    # Nothing should have opened a database connection while loading, but a connection
    # inherited by every worker would be one socket shared by several processes.
    from django.db import connections

    connections.close_all()
