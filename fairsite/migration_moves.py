"""For the data migrations that follow models moved from one app to another with state-only
migrations (the tables stay): the rows that name the models by app are renamed in place.

Content types are renamed, not made anew, so every row pointing to one keeps its id: the
permissions, the groups' rights, pages, revisions, log entries and references. A content type
already made under the new name (by a migration that created permissions after the models
moved) holds nothing yet and is removed first.
"""


def content_types_move(apps, models: list[str], *, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in models:
        if not ContentType.objects.filter(app_label=old, model=model).exists():
            continue
        ContentType.objects.filter(app_label=new, model=model).delete()
        ContentType.objects.filter(app_label=old, model=model).update(app_label=new)
    ContentType.objects.clear_cache()


def log_actions_rename(apps, renames: dict[str, str]) -> None:
    """The admin log's entries of actions that the moved models' app named."""
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for old, new in renames.items():
        ModelLogEntry.objects.filter(action=old).update(action=new)
