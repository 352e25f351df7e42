import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from fairsite.services.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write the database, the media and the private uploads into one .tar.gz archive "
        "(readable by its owner only). Restore it with manage.py restore."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="Where to write the archive (default: fairsite-<UTC time>.tar.gz here).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="The database to back up.")

    def handle(self, *args, path, database, **options):
        if path is None:
            now = datetime.datetime.now(datetime.UTC)
            path = f"fairsite-{now:%Y%m%dT%H%M%SZ}.tar.gz"
        path = Path(path)
        try:
            manifest = backup_create(path=path, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Wrote {path} ({_size(path.stat().st_size)}): {manifest.tables} tables, "
            f"{manifest.files['media']} media files, {manifest.files['private']} private files."
        )
        if manifest.elsewhere:
            places = ", ".join(
                f"{folder} in {place}" for folder, place in manifest.elsewhere.items()
            )
            self.stdout.write(
                f"Not in the archive: {places}. These files live in the object store; back them "
                "up there (bucket versioning, replication to another bucket or region)."
            )


def _size(size: int) -> str:
    """1536 -> "1.5 KB"."""
    amount, unit = float(size), "bytes"
    for larger in ("KB", "MB", "GB", "TB"):
        if amount < 1024:
            break
        amount, unit = amount / 1024, larger
    return f"{size} bytes" if unit == "bytes" else f"{amount:.1f} {unit}"
