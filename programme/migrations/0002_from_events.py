"""The rows that name the programme's models by app now name the programme app: their content
types (see fairsite.migration_moves), the two log actions of sessions, and the roles' rights.
"""

from django.db import migrations

from fairsite.migration_moves import content_types_move, log_actions_rename
from fairsite.roles import roles_apply

MODELS = [
    "agenda",
    "programmepage",
    "room",
    "roomavailability",
    "session",
    "sessionchange",
    "sessionsignup",
    "speaker",
    "track",
]
LOG_ACTIONS = {
    "events.session.published": "programme.session.published",
    "events.session.cancelled": "programme.session.cancelled",
}


def forwards(apps, schema_editor):
    content_types_move(apps, MODELS, old="events", new="programme")
    log_actions_rename(apps, LOG_ACTIONS)
    roles_apply(apps)


def backwards(apps, schema_editor):
    content_types_move(apps, MODELS, old="programme", new="events")
    log_actions_rename(apps, {new: old for old, new in LOG_ACTIONS.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0012_programme_left"),
        ("partnerships", "0006_programme_links"),
        ("programme", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
