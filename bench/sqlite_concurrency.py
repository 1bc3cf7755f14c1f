"""How many editors the embedded SQLite default serves, as `make run` runs it.

Starts `make run`'s three processes (threaded `runserver`, `db_worker`, `run_scheduler`)
on one temporary SQLite file with the demo loaded, then lets N simulated editors save
drafts of articles through the admin's edit view (logged in, with CSRF) for a fixed
time, and prints, for each N: requests, draft saves, 5xx answers, and how many
"database is locked" errors the three processes logged. The repository's db.sqlite3 is
never opened: everything lives in a temporary folder, removed at the end.

    .venv/bin/python bench/sqlite_concurrency.py [--editors 2,5,10] [--seconds 30]
        [--project DIR] [--keep]

``--project`` runs the servers from another checkout of the code (e.g. an export of
main, to compare settings); the editors' form data is built with this checkout's code,
on its own copy of the database.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "demo-2020-2025"
# Demo users who may edit every article (editors and the editor-in-chief's office).
EDITORS = ["bientap", "bientap2", "tongbientap", "photongbientap"]
# One line per logged error, whichever process logged it: the last line of a traceback
# (Django's wrapper, not the sqlite3 exception it chains) or a logged message. In DEBUG
# the site logs each error twice (Django's console handler and the root's).
LOCKED = re.compile(r"^(?!sqlite3\.).*database is locked", re.MULTILINE)


@dataclass
class Tally:
    """What the editors saw; shared by their threads, under ``lock``."""

    statuses: collections.Counter = field(default_factory=collections.Counter)
    saves: int = 0
    save_seconds: list[float] = field(default_factory=list)
    connection_errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values()) + self.connection_errors

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(database: Path, media: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="editorial.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(media),
        DEMO_PASSWORD=PASSWORD,
        PYTHONUNBUFFERED="1",
    )
    return env


def copy_database(source: Path, target: Path) -> None:
    """A file copy (the journal mode is in the file: the copy keeps the source's)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def build_demo(python: str, project: Path, database: Path, media: Path) -> None:
    env = environment(database, media)
    for command in (["migrate", "--no-input", "-v0"], ["load_demo"]):
        done = subprocess.run(
            [python, "manage.py", *command], cwd=project, env=env, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(f"manage.py {' '.join(command)} failed:\n{done.stderr}")


def edit_forms(database: Path, media: Path, count: int) -> list[tuple[str, dict]]:
    """(edit URL, the article editor's POST data) for up to ``count`` articles.

    Built in this process with the suite's own builder of the editor's POST data, on a
    copy of the database: this checkout's settings must not touch the one the servers use.
    """
    os.environ.update(environment(database, media))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connections

    from coverage.models import ArticlePage
    from tests.support.pipelines import edit_post_data, edit_url

    forms = []
    for article in ArticlePage.objects.filter(locked=False).order_by("pk"):
        # A draft whose bylines were never saved as rows (the demo's started drafts) has
        # no byline ids to post back; the editor's JavaScript would, this builder cannot.
        if all(byline.pk for byline in article.get_latest_revision_as_object().bylines.all()):
            forms.append((edit_url(article), edit_post_data(article)))
        if len(forms) == count:
            break
    connections.close_all()
    if len(forms) < count:
        print(f"The demo has {len(forms)} articles to edit: some editors share an article.")
    return forms


def start(python: str, project: Path, env: dict, logs: Path, name: str, *args: str):
    log = (logs / f"{name}.log").open("w")
    process = subprocess.Popen(
        [python, "manage.py", *args],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return process, log


def wait_until_up(base: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"The site at {base} did not come up in {timeout} s.")


def editor(base: str, username: str, url: str, data: dict, until: float, tally: Tally) -> None:
    """Log in, then open the article's editor and save a draft, again and again."""
    session = requests.Session()

    def record(response) -> None:
        with tally.lock:
            tally.statuses[response.status_code] += 1

    try:
        record(session.get(f"{base}/admin/login/", timeout=60))
        response = session.post(
            f"{base}/admin/login/",
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
                "next": "/admin/",
            },
            allow_redirects=False,
            timeout=60,
        )
        record(response)
        if response.status_code != 302:
            raise SystemExit(f"{username} could not log in: HTTP {response.status_code}")
        while time.monotonic() < until:
            record(session.get(f"{base}{url}", timeout=60))
            started = time.monotonic()
            response = session.post(
                f"{base}{url}",
                data={**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
                allow_redirects=False,
                timeout=60,
            )
            record(response)
            if response.status_code == 302:  # back to the editor: the draft is saved
                with tally.lock:
                    tally.saves += 1
                    tally.save_seconds.append(time.monotonic() - started)
    except requests.RequestException:
        with tally.lock:
            tally.connection_errors += 1


def task_statuses(database: Path) -> collections.Counter:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY 1"
        )
        return collections.Counter(dict(rows.fetchall()))


def run_once(args, template: Path, forms, workdir: Path, editors: int) -> dict:
    run = workdir / f"run-{editors}"
    run.mkdir()
    database = run / "db.sqlite3"
    copy_database(template, database)
    env = environment(database, workdir / "media")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes = [
        start(args.python, args.project, env, run, "web", "runserver", f"127.0.0.1:{port}",
              "--noreload"),
        start(args.python, args.project, env, run, "worker", "db_worker", "--queue-name", "*",
              "--no-reload"),
        start(args.python, args.project, env, run, "scheduler", "run_scheduler"),
    ]  # fmt: skip
    tally = Tally()
    try:
        wait_until_up(base)
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=editor,
                args=(
                    base,
                    EDITORS[number % len(EDITORS)],
                    *forms[number % len(forms)],
                    until,
                    tally,
                ),
            )
            for number in range(editors)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        time.sleep(2)  # the worker finishes the tasks the last saves queued
    finally:
        for process, _log in processes:
            process.terminate()
        for process, log in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
    locked = {
        name: len(LOCKED.findall((run / f"{name}.log").read_text(errors="replace")))
        for name in ("web", "worker", "scheduler")
    }
    seconds = sorted(tally.save_seconds) or [0.0]
    return {
        "editors": editors,
        "requests": tally.requests,
        "saves": tally.saves,
        "5xx": tally.server_errors,
        "refused": tally.connection_errors,
        "locked": locked,
        "median save": seconds[len(seconds) // 2],
        "p95 save": seconds[int(len(seconds) * 0.95)],
        "tasks": task_statuses(database),
    }


def print_table(rows: list[dict], seconds: int) -> None:
    print(
        f'\n{seconds} s per run. Locked: "database is locked" errors in the logs of the '
        "site (each logged twice in DEBUG) / worker / scheduler. Tasks: the queue at the end."
    )
    print(
        "| Editors | Requests | Draft saves | 5xx | Locked (site/worker/scheduler) "
        "| Median save | p95 save | Tasks failed / done / waiting |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        locked = row["locked"]
        tasks = row["tasks"]
        print(
            f"| {row['editors']} | {row['requests']} | {row['saves']} | {row['5xx']} "
            f"| {sum(locked.values())} ({locked['web']}/{locked['worker']}/"
            f"{locked['scheduler']}) | {row['median save']:.2f} s | {row['p95 save']:.2f} s "
            f"| {tasks['FAILED']} / {tasks['SUCCESSFUL']} / {tasks['READY'] + tasks['RUNNING']} |"
        )
        if row["refused"]:
            print(f"  ({row['refused']} editors lost their connection)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editors", default="2,5,10", help="comma-separated N (default 2,5,10)")
    parser.add_argument("--seconds", type=int, default=30, help="length of each run (30)")
    parser.add_argument("--project", type=Path, default=ROOT, help="code the servers run")
    parser.add_argument("--python", default=sys.executable, help="the virtualenv's python")
    parser.add_argument("--keep", action="store_true", help="keep the logs and databases")
    args = parser.parse_args()
    counts = [int(n) for n in args.editors.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="sqlite-concurrency-"))
    try:
        template = workdir / "demo.sqlite3"
        print(f"Loading the demo into {template} (servers run from {args.project}) ...")
        build_demo(args.python, args.project, template, workdir / "media")
        scratch = workdir / "forms.sqlite3"
        copy_database(template, scratch)
        forms = edit_forms(scratch, workdir / "media", max(counts))
        rows = []
        for editors in counts:
            print(f"{editors} editors for {args.seconds} s ...")
            rows.append(run_once(args, template, forms, workdir, editors))
        print_table(rows, args.seconds)
    finally:
        if args.keep:
            print(f"Logs and databases kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
