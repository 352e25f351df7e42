from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from fairsite.services.backup import VENDOR_NAMES, BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive made by manage.py backup into an EMPTY database, and put its "
        "media and private files back. Refuses a database that has any table. Run it as "
        "the user the site runs as, so that the files it writes are theirs."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to restore.")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="The (empty) database to restore into."
        )

    def handle(self, *args, path, database, **options):
        try:
            manifest = backup_restore(path=path, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {path}, made {manifest.created_at:%Y-%m-%d %H:%M} UTC: "
            f"{manifest.tables} tables ({VENDOR_NAMES[manifest.database_vendor]}), "
            f"{manifest.files['media']} media files, {manifest.files['private']} private files."
        )
        executor = MigrationExecutor(connections[database])
        missing = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if missing:
            self.stdout.write(
                f"This version of fairsite has {len(missing)} migrations the backup lacks: "
                "run manage.py migrate."
            )
