from django.db import migrations, models

from fairsite.migration_support import copy_to_language_fields

forwards, backwards = copy_to_language_fields("b2b", "B2BBlock", "place")


class Migration(migrations.Migration):
    dependencies = [
        ("b2b", "0002_from_partnerships"),
    ]

    operations = [
        *[
            migrations.AddField(
                model_name="b2bblock",
                name=f"place_{code}",
                field=models.CharField(blank=True, max_length=150, verbose_name=f"place ({label})"),
            )
            for code, label in (("ar", "Arabic"), ("fr", "French"), ("en", "English"))
        ],
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="b2bblock", name="place"),
    ]
