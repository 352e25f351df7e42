"""The programme's models move to the programme app (1/2): their fields leave the events
app's state. State only: the tables and their rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_programme_page"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="programmepage",
                    name="page_ptr",
                ),
                migrations.RemoveField(
                    model_name="room",
                    name="venue",
                ),
                migrations.RemoveField(
                    model_name="sessionchange",
                    name="previous_room",
                ),
                migrations.RemoveField(
                    model_name="roomavailability",
                    name="room",
                ),
                migrations.RemoveField(
                    model_name="session",
                    name="room",
                ),
                migrations.RemoveField(
                    model_name="session",
                    name="edition",
                ),
                migrations.RemoveField(
                    model_name="session",
                    name="speakers",
                ),
                migrations.RemoveField(
                    model_name="session",
                    name="track",
                ),
                migrations.RemoveField(
                    model_name="sessionchange",
                    name="session",
                ),
                migrations.RemoveField(
                    model_name="sessionsignup",
                    name="session",
                ),
                migrations.RemoveField(
                    model_name="sessionsignup",
                    name="attendee",
                ),
                migrations.RemoveField(
                    model_name="speaker",
                    name="photo",
                ),
                migrations.RemoveField(
                    model_name="track",
                    name="edition",
                ),
                migrations.DeleteModel(
                    name="Agenda",
                ),
                migrations.DeleteModel(
                    name="ProgrammePage",
                ),
                migrations.DeleteModel(
                    name="RoomAvailability",
                ),
                migrations.DeleteModel(
                    name="Room",
                ),
                migrations.DeleteModel(
                    name="SessionChange",
                ),
            ],
        )
    ]
