"""What the API says about a session, a speaker, a room and a track.

Texts kept in several languages come as one object, {"ar": ..., "fr": ..., "en": ...}, "" where
the organisers wrote none: one answer serves readers of every language, and its ETag is the
same for all. A speaker's name is kept by script, not by language: {"ar": ..., "latin": ...}.
Times carry the offset of the edition's clock on that day (Morocco's clock moves during
Ramadan), as in the schedule feeds.
"""

import zoneinfo

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from programme.choices import SessionStatus, SessionType, SpokenLanguage
from programme.frab import room_guid, speaker_guid

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class LocalizedTextSerializer(serializers.Serializer):
    """A text in each of the site's languages, read from the fields `<field>_<language>`."""

    ar = serializers.CharField(help_text="In Arabic; empty when not written.")
    fr = serializers.CharField(help_text="In French; empty when not written.")
    en = serializers.CharField(help_text="In English; empty when not written.")

    def __init__(self, field: str = "", **kwargs):
        self.field = field
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return {code: getattr(instance, f"{self.field}_{code}", "") for code in LANGUAGES}


class SpeakerNameSerializer(serializers.Serializer):
    """A speaker's name as they write it, in Arabic script, Latin script or both."""

    ar = serializers.CharField(help_text="In Arabic script; empty when not given.")
    latin = serializers.CharField(help_text="In Latin script; empty when not given.")

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return {"ar": instance.name_ar, "latin": instance.name_latin}


def _local(moment, edition):
    return moment.astimezone(zoneinfo.ZoneInfo(edition.time_zone)).isoformat(timespec="seconds")


class RoomRefSerializer(serializers.Serializer):
    guid = serializers.SerializerMethodField(help_text="The room's stable id, as in schedule.xml.")
    name = LocalizedTextSerializer("name")

    @extend_schema_field(serializers.UUIDField())
    def get_guid(self, room) -> str:
        return str(room_guid(room))


class TrackRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="The track's id within its edition.")
    name = LocalizedTextSerializer("name")
    colour = serializers.CharField(help_text="Its colour, as #rrggbb.")


class SpeakerRefSerializer(serializers.Serializer):
    guid = serializers.SerializerMethodField(help_text="The speaker's stable id.")
    name = SpeakerNameSerializer()

    @extend_schema_field(serializers.UUIDField())
    def get_guid(self, speaker) -> str:
        return str(speaker_guid(speaker))


class SessionSerializer(serializers.Serializer):
    uid = serializers.UUIDField(
        help_text="The session's stable id: the same in the iCalendar UID and as the guid of "
        "schedule.xml and schedule.json."
    )
    id = serializers.IntegerField(help_text="The session's number, the id of schedule.xml.")
    url = serializers.HyperlinkedIdentityField(
        view_name="api_v1:session-detail", lookup_field="uid", help_text="This session here."
    )
    edition = serializers.SerializerMethodField(help_text="The edition's year.")
    status = serializers.ChoiceField(
        choices=[SessionStatus.PUBLISHED, SessionStatus.CANCELLED],
        help_text="A cancelled session stays listed so that apps can show it as cancelled.",
    )
    kind = serializers.ChoiceField(source="type", choices=SessionType.choices)
    language = serializers.ChoiceField(
        choices=SpokenLanguage.choices, help_text="The language spoken at the session."
    )
    title = LocalizedTextSerializer("title")
    description = LocalizedTextSerializer("description")
    starts_at = serializers.SerializerMethodField()
    ends_at = serializers.SerializerMethodField()
    day = serializers.SerializerMethodField(help_text="The day it starts on, at the fair.")
    duration_minutes = serializers.SerializerMethodField()
    room = RoomRefSerializer(allow_null=True, help_text="null until a room is given.")
    track = TrackRefSerializer(allow_null=True)
    speakers = SpeakerRefSerializer(many=True)
    signup_required = serializers.BooleanField(
        help_text="Visitors sign up for a place on the site."
    )
    revision = serializers.IntegerField(
        source="sequence", help_text="Counts the changes made since it was published."
    )
    updated_at = serializers.DateTimeField()

    @extend_schema_field(serializers.IntegerField())
    def get_edition(self, session) -> int:
        return session.edition.year

    @extend_schema_field(serializers.DateTimeField())
    def get_starts_at(self, session) -> str:
        return _local(session.starts_at, session.edition)

    @extend_schema_field(serializers.DateTimeField())
    def get_ends_at(self, session) -> str:
        return _local(session.ends_at, session.edition)

    @extend_schema_field(serializers.DateField())
    def get_day(self, session) -> str:
        return _local(session.starts_at, session.edition)[:10]

    @extend_schema_field(serializers.IntegerField())
    def get_duration_minutes(self, session) -> int:
        return int((session.ends_at - session.starts_at).total_seconds() // 60)


class SpeakerSerializer(serializers.Serializer):
    """What is public about a speaker: what the programme pages show."""

    guid = serializers.SerializerMethodField(
        help_text="The speaker's stable id: the guid of the person in schedule.xml."
    )
    id = serializers.IntegerField(help_text="The id of the person in schedule.xml.")
    url = serializers.SerializerMethodField()
    name = SpeakerNameSerializer()
    organisation = LocalizedTextSerializer("organisation")
    country = LocalizedTextSerializer("country")
    biography = LocalizedTextSerializer("bio")
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=SpokenLanguage.choices),
        help_text="The languages they speak.",
    )
    sessions = serializers.SerializerMethodField(
        help_text="The uids of their public sessions in the edition, in time order."
    )

    @extend_schema_field(serializers.UUIDField())
    def get_guid(self, speaker) -> str:
        return str(speaker_guid(speaker))

    @extend_schema_field(serializers.URLField())
    def get_url(self, speaker) -> str:
        return _detail_url(self, "api_v1:speaker-detail", speaker_guid(speaker))

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_sessions(self, speaker) -> list[str]:
        return [str(session.uid) for session in speaker.public_sessions]


class VenueSerializer(serializers.Serializer):
    name = LocalizedTextSerializer("name")
    city = LocalizedTextSerializer("city")


class RoomSerializer(serializers.Serializer):
    guid = serializers.SerializerMethodField(
        help_text="The room's stable id: the guid of the room in schedule.json."
    )
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    name = LocalizedTextSerializer("name")
    capacity = serializers.IntegerField(help_text="Seats in the room.")
    order = serializers.IntegerField(help_text="Rooms are shown in this order, smallest first.")
    venue = VenueSerializer()

    @extend_schema_field(serializers.UUIDField())
    def get_guid(self, room) -> str:
        return str(room_guid(room))

    @extend_schema_field(serializers.URLField())
    def get_url(self, room) -> str:
        return _detail_url(self, "api_v1:room-detail", room_guid(room))


class TrackSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="The track's id within its edition.")
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    name = LocalizedTextSerializer("name")
    colour = serializers.CharField(help_text="Its colour, as #rrggbb.")
    order = serializers.IntegerField(help_text="Tracks are shown in this order, smallest first.")

    @extend_schema_field(serializers.URLField())
    def get_url(self, track) -> str:
        return _detail_url(self, "api_v1:track-detail", track.slug)


def _detail_url(serializer, view_name: str, key) -> str:
    """The address of a speaker's, room's or track's detail in the edition being read."""
    request = serializer.context["request"]
    url = request.build_absolute_uri(reverse(view_name, args=[str(key)]))
    edition = serializer.context.get("edition_reference")
    return f"{url}?edition={edition}" if edition else url
