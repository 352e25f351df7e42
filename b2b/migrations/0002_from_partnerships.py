"""The rows that name the B2B models by app now name the b2b app: their content types (see
fairsite.migration_moves) and the roles' rights."""

from django.db import migrations

from fairsite.migration_moves import content_types_move
from fairsite.roles import roles_apply

MODELS = ["b2bblock", "b2bmeeting", "b2bparticipant", "b2bseat", "meetingrequest"]


def forwards(apps, schema_editor):
    content_types_move(apps, MODELS, old="partnerships", new="b2b")
    roles_apply(apps)


def backwards(apps, schema_editor):
    content_types_move(apps, MODELS, old="b2b", new="partnerships")


class Migration(migrations.Migration):
    dependencies = [
        ("b2b", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partnerships", "0007_b2b_leaves"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
