"""Template loaders that drop the indentation of this project's HTML templates as they load.

Indentation makes templates readable and pages heavy: a results page carried 14 kB of spaces
(a fifth of its HTML, sent uncompressed because HTML pages are never compressed, see
config/middleware.py). In HTML a run of spaces after a line break shows as nothing more than the
line break, so dropping it changes no page; only this project's own ``.html`` templates are
touched (none has a <pre> or <textarea>), never Wagtail's or Django's, never a text e-mail, and
never what a template prints (a service's description keeps its own spacing). Done once per
template by the cached loader in front of these.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template.loaders import app_directories, filesystem

INDENTATION = re.compile(r"\n[ \t]+")


@functools.cache
def project_template_dirs() -> tuple[Path, ...]:
    """templates/ and the templates of the project's own apps (not installed packages, even
    when the virtual environment sits inside the project)."""
    base = Path(settings.BASE_DIR).resolve()
    installed = Path(sys.prefix).resolve()
    app_dirs = [
        Path(config.path).resolve() / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base)
        and not Path(config.path).resolve().is_relative_to(installed)
    ]
    return (base / "templates", *app_dirs)


def compact(origin_name: str, contents: str) -> str:
    path = Path(origin_name).resolve()
    if path.suffix == ".html" and any(path.is_relative_to(d) for d in project_template_dirs()):
        return INDENTATION.sub("\n", contents)
    return contents


class FilesystemLoader(filesystem.Loader):
    def get_contents(self, origin) -> str:
        return compact(origin.name, super().get_contents(origin))


class AppDirectoriesLoader(app_directories.Loader):
    def get_contents(self, origin) -> str:
        return compact(origin.name, super().get_contents(origin))
