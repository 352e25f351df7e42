from django.db import migrations, models

from fairsite.migration_support import copy_to_language_fields

forwards, backwards = copy_to_language_fields("programme", "Speaker", "organisation", "country")


def _field(name, label, length):
    return migrations.AddField(
        model_name="speaker",
        name=name,
        field=models.CharField(blank=True, max_length=length, verbose_name=label),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0002_from_events"),
    ]

    operations = [
        _field("organisation_ar", "organisation (Arabic)", 200),
        _field("organisation_fr", "organisation (French)", 200),
        _field("organisation_en", "organisation (English)", 200),
        _field("country_ar", "country (Arabic)", 100),
        _field("country_fr", "country (French)", 100),
        _field("country_en", "country (English)", 100),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="speaker", name="organisation"),
        migrations.RemoveField(model_name="speaker", name="country"),
    ]
