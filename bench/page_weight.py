"""Page weight: bytes a phone downloads for the home, results and service pages.

    .venv/bin/python bench/page_weight.py

Builds the demo borough in a temporary SQLite database, collects static files as production
does (WhiteNoise's compressed, hashed files), serves the site with gunicorn and the production
settings on loopback, and loads each page in Debian's headless Chromium through Playwright.
Every response from the site is counted at its transferred size (headers plus the compressed
body); requests to anywhere else (map tiles) are blocked and not counted, so the figures are
"before map tiles". Run `make assets` first so the map's files are there.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(environment: dict[str, str]) -> None:
    def manage(*args: str, settings: str = "config.settings.dev") -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args, f"--settings={settings}"],
            cwd=PROJECT_ROOT,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    print("Preparing the demo borough and static files…", file=sys.stderr)
    manage("migrate", "--noinput")
    manage("setup_site")
    manage("load_demo", "--no-progress")
    manage("rebuild_search_index", "-v0")
    manage("collectstatic", "--noinput", "-v0", settings="config.settings.production")


def main() -> None:
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="bench-weight-"))
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "ERROR",
        "STATIC_ROOT": str(workdir / "static"),
    }
    prepare(environment)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--env",
            "DJANGO_SETTINGS_MODULE=config.settings.production",
        ],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        os.environ.update(
            DATABASE_URL=environment["DATABASE_URL"], DJANGO_SETTINGS_MODULE="config.settings.dev"
        )
        import django

        django.setup()
        from directory.models import ServicePage

        service = ServicePage.objects.live().filter(locations__latitude__isnull=False).first()
        pages = {
            "home": "/",
            "results": "/search/?q=play&postcode=SE13",
            "service": service.url,
        }
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in pages.items():
                for label, javascript in (("with JS", True), ("no JS", False)):
                    context = browser.new_context(
                        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
                    )
                    page = context.new_page()
                    page.route(lambda url: not url.startswith(base), lambda route: route.abort())
                    seen = []
                    page.on("requestfinished", lambda request, seen=seen: seen.append(request))
                    page.goto(base + path, wait_until="networkidle")
                    total = html = 0
                    for request in seen:
                        sizes = request.sizes()
                        transferred = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                        total += transferred
                        if request.resource_type == "document":
                            html = transferred
                    rows.append((name, label, len(seen), html, total))
                    context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        "Page weights, phone viewport, production settings (gzip/brotli by WhiteNoise), "
        "before map tiles:"
    )
    print(f"{'page':<10}{'':<9}{'requests':>9}{'HTML bytes':>12}{'total bytes':>13}")
    for name, label, requests, html, total in rows:
        print(f"{name:<10}{label:<9}{requests:>9}{html:>12,}{total:>13,}")


if __name__ == "__main__":
    main()
