"""The B2B models move to the b2b app: they leave the partnerships app's state. State
only: the tables and their rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0006_programme_links"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="b2bmeeting",
                    name="block",
                ),
                migrations.RemoveField(
                    model_name="b2bmeeting",
                    name="request",
                ),
                migrations.RemoveField(
                    model_name="b2bseat",
                    name="meeting",
                ),
                migrations.RemoveField(
                    model_name="b2bparticipant",
                    name="attendee",
                ),
                migrations.RemoveField(
                    model_name="b2bparticipant",
                    name="cooperative",
                ),
                migrations.RemoveField(
                    model_name="b2bparticipant",
                    name="edition",
                ),
                migrations.RemoveField(
                    model_name="b2bparticipant",
                    name="partner_region",
                ),
                migrations.RemoveField(
                    model_name="b2bparticipant",
                    name="speaker",
                ),
                migrations.RemoveField(
                    model_name="b2bparticipant",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="b2bseat",
                    name="participant",
                ),
                migrations.RemoveField(
                    model_name="meetingrequest",
                    name="requester",
                ),
                migrations.RemoveField(
                    model_name="meetingrequest",
                    name="recipient",
                ),
                migrations.RemoveField(
                    model_name="meetingrequest",
                    name="edition",
                ),
                migrations.DeleteModel(
                    name="B2BBlock",
                ),
                migrations.DeleteModel(
                    name="B2BMeeting",
                ),
                migrations.DeleteModel(
                    name="B2BSeat",
                ),
                migrations.DeleteModel(
                    name="B2BParticipant",
                ),
                migrations.DeleteModel(
                    name="MeetingRequest",
                ),
            ],
        )
    ]
