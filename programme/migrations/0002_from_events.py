"""The rows that name the programme's models by app now name the programme app: their content
types (and with them every permission, group right, page, revision, log entry and reference
that points to one), the admin log's actions, and the roles' rights.

Content types are renamed in place, so every row pointing to one keeps its id. A content
type already made under the new name (by a migration that created permissions after the
models moved) holds nothing yet and is removed first.
"""

from django.db import migrations

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


def content_types_move(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=old, model=model).exists():
            continue
        ContentType.objects.filter(app_label=new, model=model).delete()
        ContentType.objects.filter(app_label=old, model=model).update(app_label=new)
    ContentType.objects.clear_cache()


def log_actions_rename(apps, renames: dict[str, str]) -> None:
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for old, new in renames.items():
        ModelLogEntry.objects.filter(action=old).update(action=new)


def forwards(apps, schema_editor):
    content_types_move(apps, "events", "programme")
    log_actions_rename(apps, LOG_ACTIONS)
    roles_apply(apps)


def backwards(apps, schema_editor):
    content_types_move(apps, "programme", "events")
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
