"""Backup and restore: the database and every uploaded file, there and back, byte for byte."""

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from PIL import Image

from exhibitors.choices import DocumentKind
from exhibitors.models import ApplicationDocument, Cooperative
from fairsite.models import User
from fairsite.services.backup import BackupError, backup_create, backup_restore
from fairsite.uploads import private_storage
from tests.factories import ApplicationFactory, CooperativeFactory, UserFactory

# pg_dump and SQLite's backup API read through connections of their own: they see only
# committed rows.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OTHER_VENDOR = "sqlite" if connection.vendor == "postgresql" else "postgresql"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def file_roots(tmp_path, settings):
    """Media and private uploads in folders of this test's own."""
    roots = {"media": tmp_path / "media", "private": tmp_path / "private"}
    settings.MEDIA_ROOT = roots["media"]
    # File fields hold the storage they were given when the models were imported, so the
    # private storage is moved itself rather than replaced through settings.STORAGES.
    moved = {private_storage(), ApplicationDocument._meta.get_field("file").storage}
    locations = {storage: storage._location for storage in moved}
    for storage in moved:
        _storage_move(storage, str(roots["private"]))
    yield roots
    for storage, location in locations.items():
        _storage_move(storage, location)


def _storage_move(storage, location: str) -> None:
    storage._location = location
    storage.__dict__.pop("base_location", None)
    storage.__dict__.pop("location", None)


def _postgresql(program: str, *arguments: str) -> None:
    database = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": database["PASSWORD"] or ""}
    subprocess.run(
        [program, "-h", database["HOST"], "-p", str(database["PORT"]), "-U", database["USER"]]
        + list(arguments),
        env=environment,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def empty_database(tmp_path):
    """A second, empty database of the same kind as the test database, as the alias
    "restored": a new SQLite file, or a scratch PostgreSQL database."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    else:
        settings_dict["NAME"] = f"{connection.settings_dict['NAME']}_restored"
        _postgresql("dropdb", "--if-exists", "--force", settings_dict["NAME"])
        _postgresql("createdb", settings_dict["NAME"])
    connections.settings["restored"] = settings_dict
    # The test case allows only the databases it knew when it began; a connection opened
    # here, before the test body runs, is one it lets through.
    connections["restored"].connect()
    yield "restored"
    connections["restored"].close()
    del connections["restored"]
    del connections.settings["restored"]
    if connection.vendor == "postgresql":
        _postgresql("dropdb", "--if-exists", "--force", settings_dict["NAME"])


def _tables(alias: str) -> list[str]:
    with connections[alias].cursor() as cursor:
        return connections[alias].introspection.table_names(cursor)


def _archive_make(path, *, manifest_changes=None, extra=()) -> None:
    """An archive shaped like a backup, with a stand-in for the database dump, a manifest
    changed by `manifest_changes`, and the `extra` members (filled with "x")."""
    manifest = {
        "format": 1,
        "created_at": "2026-05-13T08:00:00+00:00",
        "database_vendor": connection.vendor,
        "migrations": {
            "exhibitors": MigrationRecorder.Migration.objects.filter(app="exhibitors")
            .latest("applied", "id")
            .name
        },
        "tables": 1,
        "files": {"media": 1, "private": 0},
        **(manifest_changes or {}),
    }
    dump = "database.pgdump" if manifest["database_vendor"] == "postgresql" else "database.sqlite3"
    contents = {
        dump: b"a stand-in: restore must refuse before reading it",
        "media/logos/zitoun.png": _png(),
        "manifest.json": json.dumps(manifest).encode(),
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, data in contents.items():
            member = tarfile.TarInfo(name)
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
        for member in extra:
            archive.addfile(member, io.BytesIO(b"x" * member.size))


@committed
def test_backup_restore_round_trip_brings_rows_and_files_back(tmp_path, file_roots, empty_database):
    png = _png()
    manager = UserFactory(email="manager@zitoun.example")
    cooperative = CooperativeFactory(
        name_ar="تعاونية الزيتون الأخضر",
        managers=[manager],
    )
    product = cooperative.products.create(
        name_ar="زيت الزيتون",
        name_fr="Huile d'olive",
        category="olive_oil",
        photo=ContentFile(png, name="photo.png"),
    )
    application = ApplicationFactory(cooperative=cooperative)
    document = ApplicationDocument.objects.create(
        application=application,
        kind=DocumentKind.STATUTES,
        original_name="statuts.pdf",
        size=len(PDF),
        file=ContentFile(PDF, name="statuts.pdf"),
    )
    (tmp_path / "backups").mkdir()
    archive = tmp_path / "backups" / "fair.tar.gz"
    output = io.StringIO()

    call_command("backup", str(archive), stdout=output)

    assert f"Wrote {archive} (" in output.getvalue()
    assert "1 media files, 1 private files." in output.getvalue()
    assert archive.stat().st_mode & 0o777 == 0o600
    assert list((tmp_path / "backups").iterdir()) == [archive]  # no temporary files left
    # A new machine: no files yet, and an empty database.
    shutil.rmtree(file_roots["media"])
    shutil.rmtree(file_roots["private"])
    output = io.StringIO()

    call_command("restore", str(archive), database=empty_database, stdout=output)

    assert f"Restored {archive}, made " in output.getvalue()
    assert "1 media files, 1 private files." in output.getvalue()
    assert "migrate" not in output.getvalue()
    restored = Cooperative.objects.using(empty_database).get(pk=cooperative.pk)
    assert (restored.name, restored.name_ar) == (cooperative.name, "تعاونية الزيتون الأخضر")
    assert list(restored.managers.values_list("email", flat=True)) == ["manager@zitoun.example"]
    assert User.objects.using(empty_database).get(pk=manager.pk).password == manager.password
    assert (file_roots["media"] / product.photo.name).read_bytes() == png
    restored_document = ApplicationDocument.objects.using(empty_database).get(pk=document.pk)
    assert restored_document.original_name == "statuts.pdf"
    with restored_document.file.open("rb") as file:
        assert file.read() == PDF
    assert sorted(_tables(empty_database)) == sorted(_tables("default"))
    assert set(MigrationRecorder(connections[empty_database]).applied_migrations()) == set(
        MigrationRecorder(connection).applied_migrations()
    )
    # The sequences came back too: a new row does not collide with a restored one.
    newcomer = CooperativeFactory.build()
    newcomer.save(using=empty_database)
    assert newcomer.pk > cooperative.pk


@committed
def test_backup_manifest_tells_what_the_archive_holds(tmp_path, file_roots):
    (file_roots["media"] / "original_images").mkdir(parents=True)
    (file_roots["media"] / "original_images" / "fair.png").write_bytes(_png())
    (file_roots["media"] / "original_images" / "hall.png").write_bytes(_png())

    manifest = backup_create(path=tmp_path / "fair.tar.gz")

    with tarfile.open(tmp_path / "fair.tar.gz", "r:gz") as archive:
        written = json.loads(archive.extractfile("manifest.json").read())
        names = archive.getnames()
    assert written["format"] == 1
    assert written["database_vendor"] == connection.vendor
    assert written["files"] == {"media": 2, "private": 0}
    assert written["tables"] == len(_tables("default")) == manifest.tables
    latest = MigrationRecorder.Migration.objects.filter(app="exhibitors").latest("applied", "id")
    assert written["migrations"]["exhibitors"] == latest.name
    assert "media/original_images/fair.png" in names
    assert {"database.pgdump", "database.sqlite3"} & set(names)


@pytest.mark.django_db
def test_backup_refuses_to_overwrite_an_archive(tmp_path, file_roots):
    (tmp_path / "fair.tar.gz").write_bytes(b"last week's backup")

    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(tmp_path / "fair.tar.gz"))

    assert (tmp_path / "fair.tar.gz").read_bytes() == b"last week's backup"


@pytest.mark.django_db
def test_restore_refuses_a_database_that_has_tables(tmp_path, file_roots):
    cooperative = CooperativeFactory(name="Zitoun, exhibiting now")
    _archive_make(tmp_path / "fair.tar.gz")

    with pytest.raises(CommandError, match="already has .* tables.*restore only into an empty"):
        call_command("restore", str(tmp_path / "fair.tar.gz"))

    assert list(Cooperative.objects.values_list("pk", "name")) == [
        (cooperative.pk, "Zitoun, exhibiting now")
    ]
    assert not file_roots["media"].exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("../escaped.txt", tarfile.REGTYPE),
        ("media/../../escaped.txt", tarfile.REGTYPE),
        ("/tmp/escaped.txt", tarfile.REGTYPE),
        ("media/escaped.txt", tarfile.SYMTYPE),
        ("settings.py", tarfile.REGTYPE),
        (".", tarfile.DIRTYPE),
    ],
)
def test_restore_refuses_a_tampered_archive(tmp_path, file_roots, empty_database, name, kind):
    member = tarfile.TarInfo(name)
    member.type = kind
    if kind == tarfile.SYMTYPE:
        member.linkname = "/etc/passwd"
    else:
        member.size = 5
    _archive_make(tmp_path / "tampered.tar.gz", extra=[member])

    with pytest.raises(BackupError, match="refused"):
        backup_restore(path=tmp_path / "tampered.tar.gz", using=empty_database)

    assert _tables(empty_database) == []
    assert not file_roots["media"].exists()
    # The archive is unpacked in a scratch folder of the temporary folder: nothing escaped it.
    assert not Path(tempfile.gettempdir(), "escaped.txt").exists()
    assert not Path("/tmp/escaped.txt").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"migrations": {"exhibitors": "9999_from_the_future"}}, "newer version of fairsite"),
        ({"database_vendor": "oracle"}, "unknown kind"),
        ({"database_vendor": OTHER_VENDOR}, "this site uses"),
        ({"format": 2}, "format 2"),
    ],
)
def test_restore_refuses_an_archive_it_cannot_restore(
    tmp_path, file_roots, empty_database, changes, message
):
    _archive_make(tmp_path / "changed.tar.gz", manifest_changes=changes)

    with pytest.raises(BackupError, match=message):
        backup_restore(path=tmp_path / "changed.tar.gz", using=empty_database)

    assert _tables(empty_database) == []
    assert not file_roots["media"].exists()


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_an_archive(tmp_path, file_roots, empty_database):
    (tmp_path / "notes.tar.gz").write_bytes(b"not a backup at all")

    with pytest.raises(CommandError, match="cannot be read as a backup archive"):
        call_command("restore", str(tmp_path / "notes.tar.gz"), database=empty_database)


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump is needed on PostgreSQL only (DATABASE_URL)",
)
def test_backup_without_pg_dump_says_so_and_leaves_nothing(tmp_path, file_roots, monkeypatch):
    (tmp_path / "backups").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))

    with pytest.raises(BackupError, match="pg_dump was not found"):
        backup_create(path=tmp_path / "backups" / "fair.tar.gz")

    assert list((tmp_path / "backups").iterdir()) == []
