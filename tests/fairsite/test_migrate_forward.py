"""Models moved between apps lose no row: a database filled by the code of the commit before
the move (its own migrations and `seed_demo`, topped up with what the sample data lacks) is
migrated by today's code, and every row, badge code, agenda secret and calendar UID is found
again, with every page, revision, log entry and right that pointed to a moved model now
naming its new app.

Each side runs as its own process from its own tree (`git archive` of the older commit), on a
database of its own: SQLite in a file (kept between runs, by commit, since the older side never
changes), or a PostgreSQL database beside the test database when DATABASE_URL is set.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

# The last commit before the programme's models left the events app and the B2B models left
# the partnerships app.
BEFORE = "342a64f8be0f25b0833aa7a55fd611efcd4ae947"
MOVED_MODELS = {
    ("events", "programme"): [
        "agenda",
        "programmepage",
        "room",
        "roomavailability",
        "session",
        "sessionchange",
        "sessionsignup",
        "speaker",
        "track",
    ],
    ("partnerships", "b2b"): [
        "b2bblock",
        "b2bmeeting",
        "b2bparticipant",
        "b2bseat",
        "meetingrequest",
    ],
}
MOVES = {
    (old, model): (new, model) for (old, new), models in MOVED_MODELS.items() for model in models
}
RENAMED_LOG_ACTIONS = {
    "events.session.published": "programme.session.published",
    "events.session.cancelled": "programme.session.cancelled",
}

# What the sample data lacks, added by the older code with its own services: a room's opening
# hours, a session cancelled (a public change, a new sequence, an admin log entry), a starred
# agenda, a page revision logged.
TOP_UP = """
import datetime
from wagtail.log_actions import log
from events.models import ProgrammePage, RoomAvailability, Session
from events.services.agenda import agenda_star
from events.services.programme import session_cancel
from fairsite.models import User

organiser = User.objects.get(email="organiser@fair.example")
session = Session.objects.filter(status="published").order_by("-starts_at").first()
edition = session.edition
RoomAvailability.objects.create(
    room=session.room,
    starts_at=session.starts_at - datetime.timedelta(hours=1),
    ends_at=session.ends_at + datetime.timedelta(hours=1),
)
agenda_star(user=organiser, session=Session.objects.filter(status="published").first())
session_cancel(session=session)
log(instance=session, action="events.session.cancelled", user=organiser)
ProgrammePage.objects.first().save_revision(user=organiser, log_action=True)
"""

# The calendars, read back by each side's own code: the programme's, each starred agenda's,
# each B2B participant's.
FEEDS = """
import sys
from django.test import Client
from events.models import Agenda
from partnerships.models import B2BParticipant

client = Client(HTTP_HOST="localhost")
paths = ["/ical/programme.ics"]
paths += [f"/ical/agenda/{agenda.secret}.ics" for agenda in Agenda.objects.all()]
paths += [f"/ical/b2b/{each.secret}.ics" for each in B2BParticipant.objects.all()]
for path in paths:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    sys.stdout.write(response.content.decode())
"""
FEEDS_NOW = FEEDS.replace(
    "from events.models import Agenda", "from programme.models import Agenda"
).replace("from partnerships.models import B2BParticipant", "from b2b.models import B2BParticipant")


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=False)


def _tree_of(commit: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True
    )
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


# manage.py run with only the tree's own code: this project is installed in the virtualenv in
# editable mode, whose finder would hand the older tree any module it lacks (a templatetags
# package made since) from today's tree.
OWN_TREE_ONLY = (
    "import runpy, sys; "
    "sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, '__module__', '')"
    ".startswith('__editable__')]; "
    "sys.argv[0] = 'manage.py'; "
    "runpy.run_path('manage.py', run_name='__main__')"
)


def _manage(tree: Path, database_url: str, var: Path, *args: str, code: str | None = None) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))
    }
    env.update(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(var / "media"),
        PRIVATE_MEDIA_ROOT=str(var / "private"),
        BADGE_SIGNING_KEY=str(var / "badge-signing.key"),
        EMAIL_FILE_PATH=str(var / "mail"),
        WAGTAILADMIN_BASE_URL="http://localhost:8000",
    )
    command = [sys.executable, "-c", OWN_TREE_ONLY, *args] + (["-c", code] if code else [])
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{args} in {tree}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _uid_lines(feeds: str) -> list[str]:
    return sorted(
        line for line in feeds.splitlines() if line.startswith(("UID:", "SEQUENCE:", "STATUS:"))
    )


class _Database:
    """The database both sides use, read with plain SQL (no model of either side)."""

    def __init__(self, tmp_path: Path):
        self.postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
        if self.postgres:
            db = settings.DATABASES["default"]
            self.dsn = dict(
                host=db["HOST"] or "127.0.0.1",
                port=db["PORT"] or 5432,
                user=db["USER"],
                password=db["PASSWORD"],
            )
            self.name = f"{db['NAME']}_migrate_forward"
            self.url = (
                f"postgres://{db['USER']}:{db['PASSWORD']}@{self.dsn['host']}:{self.dsn['port']}"
                f"/{self.name}"
            )
        else:
            self.path = tmp_path / "fair.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def create(self) -> None:
        if self.postgres:
            with psycopg.connect(dbname="postgres", autocommit=True, **self.dsn) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                admin.execute(f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        if self.postgres:
            with psycopg.connect(dbname="postgres", autocommit=True, **self.dsn) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def rows(self, sql: str) -> list[tuple]:
        if self.postgres:
            with psycopg.connect(dbname=self.name, **self.dsn) as connection:
                return [tuple(row) for row in connection.execute(sql).fetchall()]
        with sqlite3.connect(self.path) as connection:
            return connection.execute(sql).fetchall()

    def tables(self) -> list[str]:
        if self.postgres:
            sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        return sorted(name for (name,) in self.rows(sql))

    def columns(self, table: str) -> list[str]:
        if self.postgres:
            sql = (
                "SELECT column_name FROM information_schema.columns "
                f"WHERE table_schema = 'public' AND table_name = '{table}'"
            )
            return [name for (name,) in self.rows(sql)]
        return [row[1] for row in self.rows(f'PRAGMA table_info("{table}")')]


def _snapshot(db: _Database) -> dict:
    """Every table's row count; the codes, UIDs and secrets people hold; and every row that
    names a content type, by the content type's app and model rather than its id."""
    content_types = {
        pk: (app_label, model)
        for pk, app_label, model in db.rows("SELECT id, app_label, model FROM django_content_type")
    }
    tables = db.tables()
    snapshot = {
        "counts": {table: db.rows(f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in tables},
        "badges": db.rows("SELECT id, code, status FROM events_badge ORDER BY id"),
        "sessions": db.rows("SELECT id, uid, sequence, status FROM events_session ORDER BY id"),
        "agendas": db.rows("SELECT id, secret, user_id FROM events_agenda ORDER BY id"),
        "signups": db.rows(
            "SELECT id, session_id, attendee_id, status FROM events_sessionsignup ORDER BY id"
        ),
        "b2b_participants": db.rows(
            "SELECT id, secret, edition_id FROM partnerships_b2bparticipant ORDER BY id"
        ),
        "b2b_meetings": db.rows(
            'SELECT m.id, r.requester_id, r.recipient_id, r.status, m.starts_at, m."table"'
            " FROM partnerships_b2bmeeting m JOIN partnerships_meetingrequest r"
            " ON r.id = m.request_id ORDER BY m.id"
        ),
        "log_actions": sorted(db.rows("SELECT action, object_id FROM wagtailcore_modellogentry")),
        "group_permissions": sorted(
            db.rows(
                "SELECT g.name, ct.app_label, ct.model, p.codename FROM auth_group_permissions gp"
                " JOIN auth_group g ON g.id = gp.group_id"
                " JOIN auth_permission p ON p.id = gp.permission_id"
                " JOIN django_content_type ct ON ct.id = p.content_type_id"
            )
        ),
        "migrations": set(db.rows("SELECT app, name FROM django_migrations")),
        # The tokens gate phones hold: on the gate, then on a device paired to it.
        "gate_tokens": db.rows(
            "SELECT gate_id, token_hash FROM events_gatedevice WHERE revoked_at IS NULL"
            " ORDER BY gate_id"
            if "events_gatedevice" in tables
            else "SELECT id, token_hash FROM events_gate WHERE token_hash <> '' ORDER BY id"
        ),
        "permissions": set(
            db.rows(
                "SELECT ct.app_label, ct.model, p.codename FROM auth_permission p"
                " JOIN django_content_type ct ON ct.id = p.content_type_id"
            )
        ),
    }
    pointing = {}
    for table in tables:
        columns = [c for c in db.columns(table) if c.endswith("content_type_id")]
        if not columns or table == "django_content_type":
            continue
        key = "id" if "id" in db.columns(table) else columns[0]
        selected = ", ".join(f'"{c}"' for c in columns)
        pointing[table] = sorted(
            (row[0], tuple(content_types.get(pk) for pk in row[1:]))
            for row in db.rows(f'SELECT "{key}", {selected} FROM "{table}"')
        )
    snapshot["content_types"] = pointing
    return snapshot


def _moved(snapshot: dict) -> dict:
    """The snapshot the older database should have once migrated: the same rows, the moved
    models named by their new app, the renamed log actions."""

    def label(content_type):
        return MOVES.get(content_type, content_type)

    expected = dict(snapshot)
    expected["content_types"] = {
        table: sorted((pk, tuple(label(ct) for ct in cts)) for pk, cts in rows)
        for table, rows in snapshot["content_types"].items()
    }
    expected["log_actions"] = sorted(
        (RENAMED_LOG_ACTIONS.get(action, action), pk) for action, pk in snapshot["log_actions"]
    )
    expected["group_permissions"] = sorted(
        (group, *label((app_label, model)), codename)
        for group, app_label, model, codename in snapshot["group_permissions"]
    )
    expected["permissions"] = {
        (*label((app_label, model)), codename)
        for app_label, model, codename in snapshot["permissions"]
    }
    return expected


# Tables that gain rows for the models made since the older commit (their content types,
# permissions and the roles' rights on them): compared model by model, not by count.
MODEL_TABLES = {"django_content_type", "auth_permission", "auth_group_permissions"}
# Permissions made since the older commit on models it had, and given to roles since.
NEW_RIGHTS = {("events", "edition", "register_walk_ins")}
# Roles made since the older commit: a group each.
NEW_ROLES = {"Proposal reviewers"}
# New tables that migrations fill from older rows, compared by what they hold.
FILLED_FROM_OLDER_ROWS = {"events_gatedevice"}


def _without_new_models(after: dict, expected: dict) -> dict:
    """`after` less what concerns the models the older code did not have, and less the new
    tables, which must be empty."""
    known = {(app_label, model) for app_label, model, _codename in expected["permissions"]}
    new = {(app_label, model) for app_label, model, _codename in after["permissions"]} - known
    new_tables = after["counts"].keys() - expected["counts"].keys() - MODEL_TABLES
    filled = {table: after["counts"][table] for table in new_tables if after["counts"][table]}
    assert filled.keys() <= FILLED_FROM_OLDER_ROWS, filled
    kept = dict(after)
    kept["counts"] = {
        table: count
        for table, count in after["counts"].items()
        if table not in new_tables and table not in MODEL_TABLES
    }
    kept["permissions"] = {
        p for p in after["permissions"] if (p[0], p[1]) not in new and p not in NEW_RIGHTS
    }
    kept["group_permissions"] = [
        p
        for p in after["group_permissions"]
        if (p[1], p[2]) not in new and tuple(p[1:]) not in NEW_RIGHTS and p[0] not in NEW_ROLES
    ]
    kept["content_types"] = {
        table: [(pk, cts) for pk, cts in rows if not new.intersection(cts)]
        for table, rows in after["content_types"].items()
    }
    # The rows of the permissions in NEW_RIGHTS, on models the older code had.
    older_permissions = {pk for pk, _cts in expected["content_types"]["auth_permission"]}
    with_new_rights = {(app_label, model) for app_label, model, _codename in NEW_RIGHTS}
    kept["content_types"]["auth_permission"] = [
        (pk, cts)
        for pk, cts in kept["content_types"]["auth_permission"]
        if pk in older_permissions or not with_new_rights.intersection(cts)
    ]
    return kept


@pytest.fixture
def older_database(tmp_path):
    """A database migrated and filled by the older code, and its calendars as it served them."""
    if _git("cat-file", "-e", f"{BEFORE}^{{commit}}").returncode != 0:
        pytest.fail(f"the history holds no commit {BEFORE}: clone the repository whole")
    db = _Database(tmp_path)
    recipe = hashlib.sha256((BEFORE + TOP_UP + FEEDS).encode()).hexdigest()[:12]
    cache = ROOT / "var" / "test-cache" / f"migrate-forward-{recipe}"
    var = tmp_path / "var"
    if not db.postgres and (cache / "fair.sqlite3").exists():
        shutil.copy(cache / "fair.sqlite3", db.path)
        feeds = (cache / "feeds.ics").read_text()
    else:
        older = _tree_of(BEFORE, tmp_path / "older")
        db.create()
        _manage(older, db.url, var, "migrate", "--verbosity=0")
        _manage(older, db.url, var, "seed_demo")
        _manage(older, db.url, var, "shell", code=TOP_UP)
        feeds = _manage(older, db.url, var, "shell", code=FEEDS)
        if not db.postgres:
            cache.mkdir(parents=True, exist_ok=True)
            shutil.copy(db.path, cache / "fair.sqlite3.part")
            (cache / "feeds.ics").write_text(feeds)
            (cache / "fair.sqlite3.part").rename(cache / "fair.sqlite3")
    yield db, feeds, var
    db.drop()


def test_a_database_filled_by_the_older_code_migrates_forward_without_losing_a_row(
    older_database,
):
    db, older_feeds, var = older_database
    before = _snapshot(db)
    for table in ("session", "sessionchange", "agenda_sessions", "roomavailability"):
        assert before["counts"][f"events_{table}"], table
    for table in ("b2bparticipant", "b2bmeeting", "b2bseat", "meetingrequest"):
        assert before["counts"][f"partnerships_{table}"], table
    assert any(action == "events.session.cancelled" for action, _pk in before["log_actions"])

    _manage(ROOT, db.url, var, "migrate", "--verbosity=0")
    after = _snapshot(db)

    new_migrations = after.pop("migrations") - before["migrations"]
    assert {("programme", "0001_initial"), ("b2b", "0001_initial")} <= new_migrations
    expected = _moved(before)
    expected.pop("migrations")
    expected["counts"]["django_migrations"] += len(new_migrations)
    expected["counts"]["auth_group"] += len(NEW_ROLES)
    expected["counts"] = {
        table: count for table, count in expected["counts"].items() if table not in MODEL_TABLES
    }
    after = _without_new_models(after, expected)
    for part in expected:
        assert after[part] == expected[part], part
    now_feeds = _manage(ROOT, db.url, var, "shell", code=FEEDS_NOW)
    assert _uid_lines(now_feeds) == _uid_lines(older_feeds)
    assert len(_uid_lines(now_feeds)) > 10
