import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Everything loaded at start-up (Django, Wagtail, the models) lives as long as the worker, so
# take it out of the garbage collector's sight: otherwise each full collection walks all of it,
# and a search that happened to trigger one paused for 100-200 ms (bench/scale.py, 10k services).
gc.freeze()
