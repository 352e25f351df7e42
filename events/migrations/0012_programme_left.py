"""The programme's models move to the programme app (2/2): they leave the events app's
state, now that nothing points to them here. State only: no table is touched."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0011_programme_leaves"),
        ("partnerships", "0006_programme_links"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(
                    name="Session",
                ),
                migrations.DeleteModel(
                    name="SessionSignup",
                ),
                migrations.DeleteModel(
                    name="Speaker",
                ),
                migrations.DeleteModel(
                    name="Track",
                ),
            ],
        )
    ]
