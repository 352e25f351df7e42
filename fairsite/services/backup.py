"""Back up the database and every uploaded file into one archive, and restore it.

An archive is a .tar.gz holding `manifest.json`, the database as its own tools dump it
(`database.pgdump` from pg_dump, or `database.sqlite3`, a copy made by SQLite's backup API)
and the files: public media under `media/`, private uploads under `private/`. The manifest
comes last, once the files it counts are written.

Files kept in object storage (STORAGE_BACKEND=s3) are not copied into the archive: they may
be many gigabytes, and the object store keeps them better than a nightly copy on one disk
would (bucket versioning, replication to another bucket or region). The manifest names the
buckets under `elsewhere`. Restore leaves the buckets as they are, except that the files an
archive holds (one made while the files were on disk) are written into them.
"""

import contextlib
import dataclasses
import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient as PostgreSQLClient
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
FILE_FOLDERS = ("media", "private")
STORAGE_ALIASES = {"media": "default", "private": "private"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message tells the operator why."""


@dataclasses.dataclass(frozen=True)
class Manifest:
    """What an archive holds, written into it as manifest.json."""

    format: int
    created_at: datetime.datetime
    database_vendor: str
    # The latest applied migration of each app, e.g. {"exhibitors": "0012_..."}.
    migrations: dict[str, str]
    tables: int
    # Files per folder of the archive: {"media": 12, "private": 3}.
    files: dict[str, int]
    # Folders whose files stay in object storage, and where: {"private": "s3://bucket"}.
    elsewhere: dict[str, str] = dataclasses.field(default_factory=dict)

    def to_json(self) -> bytes:
        data = dataclasses.asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return json.dumps(data, indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> "Manifest":
        try:
            data = json.loads(raw)
            if data["format"] != FORMAT_VERSION:
                raise BackupError(
                    f"The archive is in backup format {data['format']}; this version of "
                    f"fairsite reads format {FORMAT_VERSION} only."
                )
            return cls(
                format=data["format"],
                created_at=datetime.datetime.fromisoformat(data["created_at"]),
                database_vendor=data["database_vendor"],
                migrations=dict(data["migrations"]),
                tables=int(data["tables"]),
                files={folder: int(data["files"].get(folder, 0)) for folder in FILE_FOLDERS},
                elsewhere={
                    folder: str(place)
                    for folder, place in data.get("elsewhere", {}).items()
                    if folder in FILE_FOLDERS
                },
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BackupError(f"The archive's manifest cannot be read ({error}).") from error

    @property
    def database_name(self) -> str:
        return DATABASE_NAMES[self.database_vendor]


def backup_create(*, path: Path | str, using: str = "default") -> Manifest:
    """Write the database and the media and private files into a new archive at `path`.

    The database is dumped first, then the files, so that a file uploaded while the backup
    runs is at worst an extra file in the archive, not a row whose file is missing. The
    archive is written under a temporary name and renamed when complete: a crash never
    leaves a half archive under `path`. It is readable by its owner only, since it holds
    password hashes and private documents. Files in object storage are left out; the
    manifest says where they are (`elsewhere`).
    """
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists: choose another name.")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    connection = connections[using]
    vendor = _vendor_check(connection)
    roots, elsewhere = _file_places()

    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".fairsite-backup-") as work:
        dump = Path(work) / DATABASE_NAMES[vendor]
        if vendor == "postgresql":
            _postgresql_dump(connection.settings_dict, dump)
        else:
            _sqlite_copy(_sqlite_file(connection), dump)
        with connection.cursor() as cursor:
            tables = len(connection.introspection.table_names(cursor))
        migrations = _latest_migrations(connection)

        partial = Path(work) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            files = {
                folder: _files_add(archive, folder=folder, root=roots[folder])
                if folder in roots
                else 0
                for folder in FILE_FOLDERS
            }
            # Last, so that its counts are those of the files really written.
            manifest = Manifest(
                format=FORMAT_VERSION,
                created_at=datetime.datetime.now(datetime.UTC).replace(microsecond=0),
                database_vendor=vendor,
                migrations=migrations,
                tables=tables,
                files=files,
                elsewhere=elsewhere,
            )
            _bytes_add(archive, MANIFEST_NAME, manifest.to_json())
        os.chmod(partial, 0o600)
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, path)
    _directory_sync(path.parent)
    return manifest


def backup_restore(*, path: Path | str, using: str = "default") -> Manifest:
    """Restore an archive into an empty database and put its files back in their folders.

    Changes nothing and raises BackupError when the database has any table (restore only
    into a new, empty database), when the archive is not a readable fairsite backup, holds a
    member that would land outside its folder (an absolute path, `..`, a link), comes from
    the other database vendor, or from a newer fairsite (a migration this code lacks). On
    PostgreSQL the database is restored in one transaction. Files are written over files of
    the same name; files the archive does not hold are left alone. The archive is unpacked
    in the temporary folder first (TMPDIR), so it needs room there. For a folder this site
    keeps in object storage, the archive's files (if any) are written into the bucket under
    their names, over objects of the same name; other objects are left alone.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    connection = connections[using]
    vendor = _vendor_check(connection)
    roots, elsewhere = _file_places()
    _database_empty_check(connection)

    with tempfile.TemporaryDirectory(prefix="fairsite-restore-") as work:
        work = Path(work)
        manifest = _archive_unpack(path, work)
        if manifest.database_vendor != vendor:
            raise BackupError(
                f"The archive holds a {VENDOR_NAMES[manifest.database_vendor]} database; "
                f"this site uses {VENDOR_NAMES[vendor]}. Restore it into "
                f"{VENDOR_NAMES[manifest.database_vendor]}."
            )
        _migrations_check(manifest)
        dump = work / manifest.database_name
        if vendor == "postgresql":
            _postgresql_restore(connection.settings_dict, dump)
        else:
            _sqlite_copy(dump, _sqlite_file(connection))
        for folder, root in roots.items():
            if (work / folder).is_dir():
                shutil.copytree(work / folder, root, dirs_exist_ok=True)
        for folder in elsewhere:
            if (work / folder).is_dir():
                _files_upload(work / folder, storages[STORAGE_ALIASES[folder]])
    return manifest


def _vendor_check(connection) -> str:
    if connection.vendor not in DATABASE_NAMES:
        raise BackupError(
            f"Backups support PostgreSQL and SQLite; this database is {connection.vendor}."
        )
    return connection.vendor


def _file_places() -> tuple[dict[str, Path], dict[str, str]]:
    """The folders of files kept on this machine's disk, and where the others are kept."""
    roots, elsewhere = {}, {}
    for folder, alias in STORAGE_ALIASES.items():
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            roots[folder] = Path(settings.MEDIA_ROOT if folder == "media" else storage.location)
        else:
            bucket = getattr(storage, "bucket_name", None)
            elsewhere[folder] = f"s3://{bucket}" if bucket else type(storage).__name__
    return roots, elsewhere


def _database_empty_check(connection) -> None:
    if connection.vendor == "sqlite":
        file = _sqlite_file(connection)
        if not file.parent.is_dir():
            raise BackupError(f"The folder {file.parent} of the SQLite database does not exist.")
        if not file.exists():
            return
        hint = f"move {file} away, or point DATABASE_URL at a new file"
    else:
        hint = (
            f"create a new database (createdb) and point DATABASE_URL at it, or drop and "
            f"recreate {connection.settings_dict['NAME']}"
        )
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if tables:
        raise BackupError(
            f"The database already has {len(tables)} tables ({', '.join(tables[:3])}, ...); "
            f"restore only into an empty database: {hint}, then run restore again."
        )


def _archive_unpack(path: Path, work: Path) -> Manifest:
    """Unpack the archive into the scratch folder `work`, member by member, each checked
    before it is written: one pass over the archive, and a refusal leaves nothing behind."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive:
                _member_check(member)
                # The "data" filter refuses again what _member_check refuses, and drops
                # owners and unsafe permission bits.
                archive.extract(member, work, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        # OSError: not gzip, or no room left in the scratch folder; the error says which.
        raise BackupError(f"{path} cannot be read as a backup archive ({error}).") from error
    if not (work / MANIFEST_NAME).is_file():
        raise BackupError(f"{path} is not a fairsite backup: it has no {MANIFEST_NAME}.")
    manifest = Manifest.from_json((work / MANIFEST_NAME).read_bytes())
    if manifest.database_vendor not in DATABASE_NAMES:
        raise BackupError(
            f"The archive holds a database of an unknown kind: {manifest.database_vendor}."
        )
    if not (work / manifest.database_name).is_file():
        raise BackupError(f"The archive has no {manifest.database_name}: it is incomplete.")
    return manifest


def _member_check(member: tarfile.TarInfo) -> None:
    name = PurePosixPath(member.name)
    if name.is_absolute() or ".." in name.parts:
        raise BackupError(
            f'The archive is refused: its member "{member.name}" would be written outside '
            "the folder it is restored into."
        )
    if not (member.isfile() or member.isdir()):
        raise BackupError(
            f'The archive is refused: its member "{member.name}" is a link or a device, '
            "which a fairsite backup never holds."
        )
    if len(name.parts) == 1 and member.isfile():
        expected = member.name in (MANIFEST_NAME, *DATABASE_NAMES.values())
    else:
        expected = bool(name.parts) and name.parts[0] in FILE_FOLDERS
    if not expected:
        raise BackupError(
            f'The archive is refused: it holds "{member.name}", which a fairsite backup '
            "never holds."
        )


def _migrations_check(manifest: Manifest) -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    unknown = sorted(
        f"{app}.{name}"
        for app, name in manifest.migrations.items()
        if app in loader.migrated_apps and (app, name) not in loader.disk_migrations
    )
    if unknown:
        raise BackupError(
            "The archive was made by a newer version of fairsite: its database has "
            f"migrations this version lacks ({', '.join(unknown)}). Restore it with the "
            "version that made it."
        )


def _latest_migrations(connection) -> dict[str, str]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    latest = {}
    for app, name in recorder.migration_qs.order_by("applied", "id").values_list("app", "name"):
        latest[app] = name
    return dict(sorted(latest.items()))


def _files_add(archive: tarfile.TarFile, *, folder: str, root: Path) -> int:
    """Add the regular files under `root` as `<folder>/...`; symbolic links are left out."""
    if not root.is_dir():
        return 0
    count = 0
    for directory, subdirectories, filenames in os.walk(root):
        subdirectories.sort()
        for filename in sorted(filenames):
            file = Path(directory) / filename
            if file.is_symlink() or not file.is_file():
                continue
            try:
                archive.add(
                    file, arcname=f"{folder}/{file.relative_to(root).as_posix()}", recursive=False
                )
            except FileNotFoundError:
                continue  # deleted since the folder was listed
            count += 1
    return count


def _files_upload(source: Path, storage) -> None:
    """Write the files under `source` into `storage` under the same names, over any object
    of that name (the storage would otherwise pick a new name)."""
    for file in sorted(path for path in source.rglob("*") if path.is_file()):
        name = file.relative_to(source).as_posix()
        storage.delete(name)
        with file.open("rb") as content:
            saved = storage.save(name, File(content, name=name))
        if saved != name:
            raise BackupError(f"{name} was written as {saved}: another process wrote it meanwhile.")


def _directory_sync(directory: Path) -> None:
    """Make a rename in `directory` survive a power cut."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _bytes_add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    member = tarfile.TarInfo(name)
    member.size = len(data)
    member.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    member.mode = 0o600
    archive.addfile(member, io.BytesIO(data))


def _sqlite_file(connection) -> Path:
    name = connection.settings_dict["NAME"]
    if connection.creation.is_in_memory_db(name):
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    return Path(name)


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy a database with SQLite's backup API: a consistent copy of what was committed,
    even while other connections write to it."""
    if not source.is_file():
        raise BackupError(f"The SQLite database {source} does not exist.")
    with (
        contextlib.closing(sqlite3.connect(source, timeout=20)) as reader,
        contextlib.closing(sqlite3.connect(target, timeout=20)) as writer,
    ):
        reader.backup(writer)


def _postgresql_dump(settings_dict: dict, dump: Path) -> None:
    _postgresql_run(
        "pg_dump",
        settings_dict,
        ["--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"],
    )


def _postgresql_restore(settings_dict: dict, dump: Path) -> None:
    _postgresql_run(
        "pg_restore",
        settings_dict,
        ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", str(dump)],
    )


def _postgresql_run(program: str, settings_dict: dict, arguments: list[str]) -> None:
    """Run a PostgreSQL client tool against the database; the password goes through the
    environment (PGPASSWORD), never on the command line, where other users could read it."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} was not found on PATH: install the PostgreSQL client tools of the "
            "server's major version (on Debian: apt-get install postgresql-client-15)."
        )
    options = settings_dict.get("OPTIONS") or {}
    service = options.get("service")
    database = settings_dict.get("NAME") or (f"service={service}" if service else "postgres")
    command = [executable, f"--dbname={database}"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command.append(f"{flag}={settings_dict[key]}")
    # Django's psql client knows which settings go into which PG* variable.
    _arguments, client_environment = PostgreSQLClient.settings_to_cmd_args_env(settings_dict, [])
    environment = {**os.environ, **(client_environment or {})}
    # No shell, and every argument comes from settings, not from a request.
    result = subprocess.run(  # noqa: S603
        [*command, *arguments], env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(f"{program} failed: {detail}")
