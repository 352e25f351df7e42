from django.db import migrations, models

from fairsite.migration_support import copy_to_language_fields

agreement_forwards, agreement_backwards = copy_to_language_fields(
    "partnerships", "Agreement", "signed_at", "other_parties", "funded_by"
)
meeting_forwards, meeting_backwards = copy_to_language_fields(
    "partnerships", "PartnershipMeeting", "place"
)
LANGUAGES = (("ar", "Arabic"), ("fr", "French"), ("en", "English"))


def _per_language(model_name, name, label, field_class, **options):
    return [
        migrations.AddField(
            model_name=model_name,
            name=f"{name}_{code}",
            field=field_class(blank=True, verbose_name=f"{label} ({language})", **options),
        )
        for code, language in LANGUAGES
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0007_b2b_leaves"),
    ]

    operations = [
        *_per_language("agreement", "signed_at", "signed at", models.CharField, max_length=150),
        *_per_language("agreement", "other_parties", "other parties", models.TextField),
        *_per_language("agreement", "funded_by", "funded by", models.CharField, max_length=300),
        *_per_language("partnershipmeeting", "place", "place", models.CharField, max_length=200),
        migrations.AlterField(
            model_name="agreement",
            name="other_parties_ar",
            field=models.TextField(
                blank=True,
                help_text="Institutions that signed besides the regions, one a line.",
                verbose_name="other parties (Arabic)",
            ),
        ),
        migrations.RunPython(agreement_forwards, agreement_backwards),
        migrations.RunPython(meeting_forwards, meeting_backwards),
        migrations.RemoveField(model_name="agreement", name="signed_at"),
        migrations.RemoveField(model_name="agreement", name="other_parties"),
        migrations.RemoveField(model_name="agreement", name="funded_by"),
        migrations.RemoveField(model_name="partnershipmeeting", name="place"),
    ]
