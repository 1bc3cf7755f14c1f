"""Fault test (issue #15): does the site survive Redis, PostgreSQL and SMTP outages?

Starts everything it needs on free ports of 127.0.0.1, in a temporary folder, never the
machine's own services: a private PostgreSQL cluster (initdb), a redis-server, a small
SMTP sink in this process, gunicorn with the production settings and
``manage.py run_workers`` (the task worker and the scheduler). The demo is loaded into
the private database. Then three scenarios, one table row each:

1. Redis killed for 30 s under read load (public pages, search, feed, the admin
   dashboard): no 5xx, ``/healthz`` says the cache is unavailable while it is down and
   ok again after.
2. 200 beat-log entries created through the admin (a journalist, logged in, with CSRF),
   one row per request, while PostgreSQL is restarted (``pg_ctl restart -m fast``) and
   then crashed for 5 s (``pg_ctl stop -m immediate``): every acknowledged write is
   stored, nothing else is, no row twice; afterwards the worker and the scheduler are
   running and no task row is stuck RUNNING.
3. SMTP down for 2 minutes while desk mails are queued, then back: every mail delivered
   exactly once (the mail retry policy's first wait is a minute, so this takes ~3.5 min).

    .venv/bin/python bench/faults.py [--quick] [--keep]

``--quick`` shortens the outages (Redis 8 s, SMTP 20 s). Everything is stopped and the
temporary folder removed on exit, Ctrl+C included (``--keep`` keeps the logs). As root,
PostgreSQL runs as the ``postgres`` user (initdb refuses root).
"""

from __future__ import annotations

import argparse
import atexit
import collections
import glob
import hashlib
import json
import os
import pwd
import random
import re
import secrets
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from html.parser import HTMLParser
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "demo-2020-2025"
JOURNALIST = "phongvien"
EDITOR = "tongbientap"
HOST = "127.0.0.1"
TASKS_TABLE = "django_tasks_database_dbtaskresult"

PROCESSES: list[subprocess.Popen] = []
STATE: dict = {}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


# --- processes and cleanup -------------------------------------------------------------


def spawn(argv: list[str], name: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """A child in a session (process group) of its own, its output in the logs folder."""
    logfile = (STATE["logs"] / f"{name}.log").open("ab")
    process = subprocess.Popen(
        argv,
        cwd=ROOT,
        env=env,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        **kwargs,
    )
    PROCESSES.append(process)
    return process


def stop_group(process: subprocess.Popen, timeout: float = 15) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def cleanup() -> None:
    if STATE.get("cleaned"):
        return
    STATE["cleaned"] = True
    if STATE.get("smtp"):
        STATE["smtp"].stop()
    for process in reversed(PROCESSES):
        stop_group(process)
    if STATE.get("pgdata") and Path(STATE["pgdata"], "postmaster.pid").exists():
        pg_ctl("stop", "-m", "immediate", check=False)
    workdir = STATE.get("workdir")
    if workdir and workdir.exists():
        if STATE.get("keep"):
            print(f"Logs kept in {STATE['logs']}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def on_signal(signum, _frame) -> None:
    cleanup()
    sys.exit(128 + signum)


# --- PostgreSQL ------------------------------------------------------------------------


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit(f"No {name} under /usr/lib/postgresql/*/bin: is PostgreSQL installed?")
    return found[-1]


def as_postgres(argv: list[str]) -> list[str]:
    """initdb and postgres refuse root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", STATE["pg_user"], "--", *argv]
    return argv


def pg_ctl(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    argv = as_postgres([pg_bin("pg_ctl"), "-D", str(STATE["pgdata"]), *args])
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if check and done.returncode:
        raise SystemExit(f"pg_ctl {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done


def start_postgres() -> None:
    pg = STATE["pg_port"]
    options = f"-p {pg} -k {STATE['pgsock']} -c listen_addresses={HOST}"
    pg_ctl("start", "-w", "-t", "60", "-l", str(STATE["pglog"]), "-o", options)


def init_postgres(workdir: Path) -> None:
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise SystemExit("Running as root needs a 'postgres' user to run PostgreSQL.") from None
        STATE["pg_user"] = "postgres"
    pgdir = workdir / "pg"
    pgdir.mkdir()
    STATE["pgdata"] = pgdir / "data"
    STATE["pgsock"] = pgdir / "sock"
    STATE["pglog"] = pgdir / "postgres.log"
    STATE["pgsock"].mkdir()
    if os.geteuid() == 0:
        shutil.chown(pgdir, "postgres")
        shutil.chown(STATE["pgsock"], "postgres")
    done = subprocess.run(
        as_postgres(
            [pg_bin("initdb"), "-D", str(STATE["pgdata"]), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--no-locale"]
        ),
        capture_output=True,
        text=True,
    )  # fmt: skip
    if done.returncode:
        raise SystemExit(f"initdb failed:\n{done.stderr}")
    start_postgres()
    sql("CREATE DATABASE faults")


def sql(query: str, database: str = "postgres") -> list[list[str]]:
    """Rows of a query through psql (tab-separated), on the private cluster."""
    done = subprocess.run(
        [pg_bin("psql"), "-h", HOST, "-p", str(STATE["pg_port"]), "-U", "postgres",
         "-d", database, "-AtqF", "\t", "-c", query],
        capture_output=True,
        text=True,
        timeout=60,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"psql failed: {done.stderr.strip()}")
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def wait_for_postgres(timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            sql("SELECT 1")
            return
        except RuntimeError:
            time.sleep(0.5)
    raise SystemExit("PostgreSQL did not come back.")


# --- Redis -----------------------------------------------------------------------------


def start_redis() -> subprocess.Popen:
    process = spawn(
        ["/usr/bin/redis-server", "--port", str(STATE["redis_port"]), "--bind", HOST,
         "--save", "", "--appendonly", "no"],
        "redis",
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, STATE["redis_port"]), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return process
        except OSError:
            time.sleep(0.2)
    raise SystemExit("redis-server did not start.")


# --- SMTP sink -------------------------------------------------------------------------


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 faults-sink ESMTP")
        recipients: list[str] = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 faults-sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                match = re.search(rb"<([^>]*)>", line)
                recipients.append(match.group(1).decode() if match else "")
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = bytearray()
                while True:
                    chunk = self.rfile.readline()
                    if not chunk or chunk in (b".\r\n", b".\n"):
                        break
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                self.server.sink.deliver(recipients, bytes(data))
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:  # RSET, NOOP, anything else
                self.reply("250 OK")


class SMTPServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


@dataclass
class SMTPSink:
    port: int
    delivered: collections.Counter = field(default_factory=collections.Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: SMTPServer | None = None

    def deliver(self, recipients: list[str], data: bytes) -> None:
        message = message_from_bytes(data)
        body = message.get_payload(decode=True) or b""
        # A mail is its recipient and its text: the same mail sent twice has two
        # Message-IDs but the same text; two different mails differ in their text.
        digest = hashlib.sha256(body).hexdigest()[:16]
        with self.lock:
            for recipient in recipients:
                self.delivered[(recipient, digest)] += 1

    def start(self) -> None:
        self.server = SMTPServer((HOST, self.port), SMTPHandler)
        self.server.sink = self
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


# --- the site --------------------------------------------------------------------------


def environment(production: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="editorial.settings.production"
        if production
        else "editorial.settings.dev",
        DATABASE_URL=f"postgres://postgres@{HOST}:{STATE['pg_port']}/faults",
        REDIS_URL=f"redis://{HOST}:{STATE['redis_port']}/0",
        SECRET_KEY=STATE["secret"],
        ALLOWED_HOSTS=HOST,
        # No TLS proxy here: requests say X-Forwarded-Proto: https instead.
        SECURE_SSL_REDIRECT="false",
        RATELIMIT_IP_META_KEY="HTTP_X_REAL_IP",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST=HOST,
        EMAIL_PORT=str(STATE["smtp_port"]),
        MEDIA_ROOT=str(STATE["workdir"] / "media"),
        WAGTAILADMIN_BASE_URL=f"http://{HOST}:{STATE['web_port']}",
        DEMO_PASSWORD=PASSWORD,
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(*args: str, production: bool = True, timeout: float = 900) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=environment(production),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def shell(code: str) -> str:
    return manage("shell", "-c", code)


def start_site() -> None:
    STATE["gunicorn"] = spawn(
        [str(Path(PYTHON).parent / "gunicorn"), "editorial.wsgi", "--bind",
         f"{HOST}:{STATE['web_port']}", "--workers", "2", "--threads", "4", "--timeout", "60",
         "--access-logfile", "-"],
        "gunicorn",
        env=environment(),
    )  # fmt: skip
    STATE["run_workers"] = spawn([PYTHON, "manage.py", "run_workers"], "workers", environment())
    base = STATE["base"]
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/healthz", headers=HEADERS, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz in 90 s.")


HEADERS = {"X-Forwarded-Proto": "https"}


class Client:
    """A browser, enough of one: the production cookies are Secure (``__Host-``), which
    requests' cookie jar keeps off plain http, so they are carried by hand."""

    def __init__(self):
        self.cookies: dict[str, str] = {}
        self.address = (
            f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        )

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {
            **HEADERS,
            "X-Real-IP": self.address,
            "Referer": f"https://{HOST}:{STATE['web_port']}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method,
            STATE["base"] + path,
            headers=headers,
            allow_redirects=False,
            timeout=kwargs.pop("timeout", 30),
            **kwargs,
        )
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response

    @property
    def csrf(self) -> str:
        return self.cookies["__Host-csrftoken"]

    def login(self, username: str) -> None:
        self.request("GET", "/admin/login/")
        response = self.request(
            "POST",
            "/admin/login/",
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.csrf,
                "next": "/admin/",
            },
        )
        if response.status_code != 302:
            raise SystemExit(f"{username} could not log in: HTTP {response.status_code}")


class FormFields(HTMLParser):
    """The named fields of a page's forms, with their default values (first option)."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self.select: str | None = None
        self.options: dict[str, list[str]] = collections.defaultdict(list)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.setdefault(name, attrs.get("value") or "")
        elif tag == "textarea" and name:
            self.fields.setdefault(name, "")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and attrs.get("value"):
            self.options[self.select].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


# --- scenario 1: Redis -----------------------------------------------------------------


@dataclass
class Tally:
    statuses: collections.Counter = field(default_factory=collections.Counter)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int | None) -> None:
        with self.lock:
            if status is None:
                self.errors += 1
            else:
                self.statuses[status] += 1

    @property
    def total(self) -> int:
        return sum(self.statuses.values()) + self.errors

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def reader_paths() -> list[str]:
    found = json.loads(
        shell(
            "import json\n"
            "from coverage.models.pages.articles import ArticlePage\n"
            "from coverage.models.pages.hubs import TopicHubPage\n"
            "a = ArticlePage.objects.live().public().first()\n"
            "h = TopicHubPage.objects.live().public().first()\n"
            "print(json.dumps([p.get_url_parts()[2] for p in (a, h) if p]))\n"
        )
        .strip()
        .splitlines()[-1]
    )
    return ["/", *found, "/tim-kiem/?q=kinh+t%E1%BA%BF", "/tim-kiem/goi-y/?q=kinh", "/rss/"]


def read_load(paths: list[str], tally: Tally, stop: threading.Event, admin: bool) -> None:
    client = Client()
    if admin:
        client.login(EDITOR)
    while not stop.is_set():
        for path in paths:
            if stop.is_set():
                break
            try:
                tally.add(client.request("GET", path).status_code)
            except requests.RequestException:
                tally.add(None)


def healthz() -> tuple[int, dict]:
    response = requests.get(f"{STATE['base']}/healthz", headers=HEADERS, timeout=10)
    return response.status_code, response.json()


def scenario_redis(outage: float) -> dict:
    paths = reader_paths()
    log(f"Redis: read load on {', '.join(paths)} and /admin/")
    tally = Tally()
    stop = threading.Event()
    threads = [
        threading.Thread(target=read_load, args=(paths, tally, stop, False)) for _ in range(3)
    ] + [threading.Thread(target=read_load, args=(["/admin/"], tally, stop, True))]
    for thread in threads:
        thread.start()
    time.sleep(5)
    before = healthz()[1]["cache"]["state"]
    log(f"Redis: killing it for {outage:.0f} s (healthz cache before: {before})")
    STATE["redis"].kill()
    STATE["redis"].wait()
    down_states = collections.Counter()
    down_codes = collections.Counter()
    started = time.monotonic()
    while time.monotonic() - started < outage:
        code, body = healthz()
        down_codes[code] += 1
        down_states[body["cache"]["state"]] += 1
        time.sleep(1)
    during = tally.total
    STATE["redis"] = start_redis()
    log("Redis: back; waiting for /healthz to see it")
    after = "unavailable"
    deadline = time.monotonic() + 30
    while after != "ok" and time.monotonic() < deadline:
        time.sleep(1)
        after = healthz()[1]["cache"]["state"]
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join()
    passed = (
        tally.server_errors == 0
        and tally.errors == 0
        and before == "ok"
        and set(down_states) == {"unavailable"}
        and set(down_codes) == {200}
        and after == "ok"
    )
    return {
        "scenario": f"Redis killed {outage:.0f} s",
        "load": f"{tally.total} reads, 4 clients (public pages, search, feed, admin)",
        "result": (
            f"5xx {tally.server_errors}, refused {tally.errors}, statuses "
            f"{dict(sorted(tally.statuses.items()))}; /healthz cache {before} → "
            f"{dict(down_states)} (HTTP {dict(down_codes)}) while down → {after}"
            f"; {during} requests during the outage"
        ),
        "passed": passed,
    }


# --- scenario 2: PostgreSQL ------------------------------------------------------------


def worker_children() -> dict[str, int]:
    """The live children of run_workers: name → pid."""
    parent = STATE["run_workers"].pid
    found = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
            cmdline = Path(stat).with_name("cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if int(fields[1]) != parent or fields[0] == "Z":
            continue
        words = [w.decode() for w in cmdline]
        if "db_worker" in words:
            found["worker"] = int(Path(stat).parent.name)
        elif "run_scheduler" in words:
            found["scheduler"] = int(Path(stat).parent.name)
    return found


@dataclass
class Writes:
    total: int
    attempted: int = 0
    acknowledged: set = field(default_factory=set)
    statuses: collections.Counter = field(default_factory=collections.Counter)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_number(self) -> int | None:
        with self.lock:
            if self.attempted >= self.total:
                return None
            self.attempted += 1
            return self.attempted


def writer(run: str, writes: Writes, pace: float) -> None:
    client = Client()
    client.login(JOURNALIST)
    page = client.request("GET", "/admin/desk_log/new/")
    if page.status_code != 200:
        raise SystemExit(f"The beat log form answered HTTP {page.status_code}")
    form = FormFields()
    form.feed(page.text)
    beats = form.options.get("beat")
    if not beats:
        raise SystemExit(f"{JOURNALIST} has no beat to log on")
    data = {**form.fields, "beat": beats[0], "kind": form.options["kind"][0]}
    data.pop("csrfmiddlewaretoken", None)
    while (number := writes.next_number()) is not None:
        started = time.monotonic()
        marker = f"faults-{run}-{number:04d}"
        try:
            response = client.request(
                "POST",
                "/admin/desk_log/new/",
                data={
                    **data,
                    "summary": f"{marker}: write under a database outage.",
                    "csrfmiddlewaretoken": client.csrf,
                },
            )
            status = response.status_code
        except requests.RequestException:
            status = None
        with writes.lock:
            if status is None:
                writes.errors += 1
            else:
                writes.statuses[status] += 1
            # The create view redirects to the listing once the row is saved; a form
            # shown again (200) or an error is not an acknowledgement.
            if status == 302 and "/new/" not in response.headers.get("Location", ""):
                writes.acknowledged.add(marker)
        time.sleep(max(0.0, pace - (time.monotonic() - started)))


def stored_markers(run: str) -> collections.Counter:
    rows = sql(
        "SELECT split_part(summary, ':', 1), COUNT(*) FROM editorial_beatlogentry "
        f"WHERE summary LIKE 'faults-{run}-%' GROUP BY 1",
        "faults",
    )
    return collections.Counter({marker: int(count) for marker, count in rows})


def task_states() -> collections.Counter:
    rows = sql(f"SELECT status, COUNT(*) FROM {TASKS_TABLE} GROUP BY 1", "faults")
    return collections.Counter({status: int(count) for status, count in rows})


def scenario_postgres(total: int = 200, clients: int = 4) -> dict:
    run = secrets.token_hex(3)
    children_before = worker_children()
    writes = Writes(total)
    # ~5 writes a second: the 200 span both outages.
    pace = clients / 5
    threads = [threading.Thread(target=writer, args=(run, writes, pace)) for _ in range(clients)]
    log(f"PostgreSQL: {total} beat-log writes by {clients} journalists' sessions")
    for thread in threads:
        thread.start()

    def wait_for(count: int) -> None:
        while writes.attempted < count and any(t.is_alive() for t in threads):
            time.sleep(0.1)

    wait_for(total // 4)
    log(f"PostgreSQL: pg_ctl restart -m fast (at write {writes.attempted})")
    started = time.monotonic()
    pg_ctl("restart", "-m", "fast", "-w", "-t", "60", "-l", str(STATE["pglog"]), "-o",
           f"-p {STATE['pg_port']} -k {STATE['pgsock']} -c listen_addresses={HOST}")  # fmt: skip
    restart_seconds = time.monotonic() - started
    wait_for(total // 2)
    log(f"PostgreSQL: crash (pg_ctl stop -m immediate) for 5 s (at write {writes.attempted})")
    pg_ctl("stop", "-m", "immediate")
    crashed = time.monotonic()
    try:
        crash_health = healthz()
    except (requests.RequestException, ValueError) as error:
        crash_health = (type(error).__name__, {})
    time.sleep(max(0.0, 5 - (time.monotonic() - crashed)))
    start_postgres()
    crash_seconds = time.monotonic() - crashed
    log(f"PostgreSQL: back (at write {writes.attempted})")
    for thread in threads:
        thread.join()
    wait_for_postgres()
    stored = stored_markers(run)
    duplicates = sum(1 for count in stored.values() if count > 1)
    lost = writes.acknowledged - set(stored)
    unacknowledged_stored = set(stored) - writes.acknowledged
    # The worker takes the index tasks the writes queued, and those that met the outage
    # run again 5, 10, 20, 40 s later (editorial.task_retries): after two minutes every
    # one has run. One RUNNING for a moment is working, one RUNNING then is stuck.
    drained_in = time.monotonic()
    deadline = drained_in + 120
    while time.monotonic() < deadline:
        states = task_states()
        if not states["RUNNING"] and not states["READY"]:
            break
        time.sleep(1)
    drained_in = time.monotonic() - drained_in
    children_after = worker_children()
    alive = set(children_after) == {"worker", "scheduler"}
    restarted = [
        name for name in children_after if children_before.get(name) != children_after[name]
    ]
    after_write = Writes(1)
    writer(run + "x", after_write, 0)
    passed = (
        not lost
        and not duplicates
        and not unacknowledged_stored
        and alive
        and states["RUNNING"] == 0
        and states["READY"] == 0
        and states["FAILED"] == 0
        and len(after_write.acknowledged) == 1
        and crash_health[0] == 503
    )
    return {
        "scenario": (
            f"PostgreSQL restart ({restart_seconds:.1f} s) + 5 s crash "
            f"(down {crash_seconds:.1f} s with recovery)"
        ),
        "load": f"{total} writes, {clients} clients",
        "result": (
            f"acknowledged {len(writes.acknowledged)}, stored {len(stored)}, lost {len(lost)}, "
            f"stored unacknowledged {len(unacknowledged_stored)}, duplicates {duplicates}; "
            f"answers {dict(sorted(writes.statuses.items()))}, refused {writes.errors}; "
            f"worker+scheduler {'running' if alive else 'NOT running: ' + str(children_after)}"
            f"{' (restarted: ' + ', '.join(restarted) + ')' if restarted else ' (same pids)'}; "
            f"/healthz during the crash: HTTP {crash_health[0]} "
            f"(database {crash_health[1].get('database', {}).get('state')}); "
            f"tasks {dict(sorted(states.items()))} {drained_in:.0f} s after; a write after: "
            f"{'ok' if after_write.acknowledged else 'FAILED'}"
        ),
        "passed": passed,
    }


# --- scenario 3: SMTP ------------------------------------------------------------------

QUEUE_MAILS = """
import json
from django.contrib.auth import get_user_model
from django.db import transaction
from editorial.desk.notifications import send_desk_mail
from editorial.mail_tasks import enqueue_mail
from editorial.models import Assignment
users = list(get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk"))
assignments = list(Assignment.objects.order_by("pk")[:{count}])
pairs = [(a, users[i % len(users)]) for i, a in enumerate(assignments)]
with transaction.atomic():
    for assignment, user in pairs:
        enqueue_mail(send_desk_mail, assignment_id=assignment.pk, kind="commissioned",
                     recipient_id=user.pk)
print(json.dumps(len(pairs)))
"""


def scenario_smtp(outage: float, count: int = 10) -> dict:
    sink: SMTPSink = STATE["smtp"]
    sink.stop()
    with sink.lock:
        sink.delivered.clear()
    log(f"SMTP: down; queueing {count} desk mails")
    since = sql("SELECT now()", "faults")[0][0]
    queued = json.loads(shell(QUEUE_MAILS.replace("{count}", str(count))).strip().splitlines()[-1])
    started = time.monotonic()
    time.sleep(outage)
    delivered_while_down = sum(sink.delivered.values())
    log(f"SMTP: back after {outage:.0f} s; waiting for the retries")
    sink.start()
    # The retry policy waits 1 min, then 2, 4, ...: the mail goes at the first run after
    # the sink is back. Wait for it, then a little longer to see any duplicate.
    deadline = time.monotonic() + 60 * 2 ** max(1, int(outage // 60) + 1) + 30
    while time.monotonic() < deadline:
        with sink.lock:
            if len(sink.delivered) >= queued:
                break
        time.sleep(1)
    took = time.monotonic() - started
    time.sleep(5)
    with sink.lock:
        delivered = dict(sink.delivered)
    rows = sql(
        f"SELECT status, jsonb_array_length(worker_ids) FROM {TASKS_TABLE} "
        f"WHERE task_path LIKE '%send_desk_mail' AND enqueued_at >= '{since}'",
        "faults",
    )
    statuses = collections.Counter(status for status, _runs in rows)
    runs = collections.Counter(int(n) for _status, n in rows)
    once = sum(1 for n in delivered.values() if n == 1)
    passed = (
        delivered_while_down == 0
        and len(delivered) == queued
        and once == queued
        and statuses == collections.Counter({"SUCCESSFUL": queued})
    )
    return {
        "scenario": f"SMTP down {outage:.0f} s",
        "load": f"{queued} desk mails queued while down",
        "result": (
            f"delivered {len(delivered)}/{queued} (exactly once: {once}, "
            f"twice or more: {len(delivered) - once}) {took:.0f} s after queueing; "
            f"while down: {delivered_while_down}; tasks {dict(statuses)}, "
            f"runs per mail {dict(sorted(runs.items()))}"
        ),
        "passed": passed,
    }


# --- main ------------------------------------------------------------------------------


def print_table(rows: list[dict]) -> None:
    print("\n| Scenario | Load | Result | Verdict |\n|---|---|---|---|")
    for row in rows:
        verdict = "PASS" if row["passed"] else "FAIL"
        print(f"| {row['scenario']} | {row['load']} | {row['result']} | {verdict} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="Redis 8 s and SMTP 20 s outages")
    parser.add_argument("--keep", action="store_true", help="keep the logs")
    args = parser.parse_args()
    atexit.register(cleanup)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    workdir = Path(tempfile.mkdtemp(prefix="faults-"))
    workdir.chmod(0o755)
    STATE.update(
        workdir=workdir,
        logs=workdir / "logs",
        keep=args.keep,
        secret=secrets.token_urlsafe(50),
        pg_port=free_port(),
        redis_port=free_port(),
        smtp_port=free_port(),
        web_port=free_port(),
    )
    STATE["base"] = f"http://{HOST}:{STATE['web_port']}"
    STATE["logs"].mkdir()
    log(f"Working in {workdir}")
    log(f"PostgreSQL on {STATE['pg_port']}: initdb and start")
    init_postgres(workdir)
    log(f"redis-server on {STATE['redis_port']}, SMTP sink on {STATE['smtp_port']}")
    STATE["redis"] = start_redis()
    STATE["smtp"] = SMTPSink(STATE["smtp_port"])
    STATE["smtp"].start()
    log("migrate, load_demo (dev settings: the demo is refused in production), collectstatic")
    manage("migrate", "--no-input", "-v0", production=False)
    manage("load_demo", production=False)
    manage("collectstatic", "--no-input", "-v0")
    log(f"gunicorn (production settings) on {STATE['web_port']} and run_workers")
    start_site()

    rows = [
        scenario_redis(8 if args.quick else 30),
        scenario_postgres(),
        scenario_smtp(20 if args.quick else 120),
    ]
    print_table(rows)
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
