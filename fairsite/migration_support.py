"""Steps that data migrations share."""

from fairsite.i18n import script_language


def language_field(field: str, value: str) -> str:
    """The field of `field`'s languages a text typed once belongs in: `<field>_ar` when it is
    written in Arabic script, `<field>_fr` otherwise."""
    return f"{field}_{'ar' if script_language(value) == 'ar' else 'fr'}"


def copy_to_language_fields(app_label: str, model_name: str, *fields: str):
    """A RunPython step that copies each of `fields` into `<field>_ar` when it is written in
    Arabic script and into `<field>_fr` otherwise: a text typed once, before the model kept
    one per language, stays under the language it is written in."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        for row in model.objects.all().iterator():
            changed = []
            for field in fields:
                value = getattr(row, field)
                if value:
                    target = language_field(field, value)
                    setattr(row, target, value)
                    changed.append(target)
            if changed:
                row.save(update_fields=changed)

    def backwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        for row in model.objects.all().iterator():
            for field in fields:
                setattr(row, field, getattr(row, f"{field}_fr") or getattr(row, f"{field}_ar"))
            row.save(update_fields=list(fields))

    return forwards, backwards
