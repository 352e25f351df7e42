"""Partnership meetings and B2B participants point to the programme app's sessions and
speakers, the same tables as before. State only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0005_public_flags"),
        ("programme", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="b2bparticipant",
                    name="speaker",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="The sessions where they speak are kept free of meetings.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="b2b_participations",
                        to="programme.speaker",
                        verbose_name="speaker",
                    ),
                ),
                migrations.AlterField(
                    model_name="partnershipmeeting",
                    name="session",
                    field=models.OneToOneField(
                        blank=True,
                        help_text="When the meeting is a session of the fair's programme.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="partnership_meeting",
                        to="programme.session",
                        verbose_name="programme session",
                    ),
                ),
            ],
        )
    ]
