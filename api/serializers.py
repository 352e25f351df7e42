"""What the API says about a session, a speaker, a room and a track.

Texts kept in several languages come as one object, {"ar": ..., "fr": ..., "en": ...}, "" where
the organisers wrote none: one answer serves readers of every language, and its ETag is the
same for all. A speaker's name is kept by script, not by language: {"ar": ..., "latin": ...}.
Times carry the offset of the edition's clock on that day (Morocco's clock moves during
Ramadan), as in the schedule feeds.
"""

import functools
import zoneinfo
from types import SimpleNamespace

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


class RoomRefSerializer(serializers.Serializer):
    guid = serializers.UUIDField(help_text="The room's stable id, as in schedule.json.")
    name = LocalizedTextSerializer("name")


class TrackRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="The track's id within its edition.")
    name = LocalizedTextSerializer("name")
    colour = serializers.CharField(help_text="Its colour, as #rrggbb.")


class SpeakerRefSerializer(serializers.Serializer):
    guid = serializers.UUIDField(help_text="The speaker's stable id.")
    name = SpeakerNameSerializer()


class SessionSerializer(serializers.Serializer):
    uid = serializers.UUIDField(
        help_text="The session's stable id: the same in the iCalendar UID and as the guid of "
        "schedule.xml and schedule.json."
    )
    id = serializers.IntegerField(help_text="The session's number, the id of schedule.xml.")
    url = serializers.URLField(help_text="This session here.")
    edition = serializers.IntegerField(help_text="The edition's year.")
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
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    day = serializers.DateField(help_text="The day it starts on, at the fair.")
    duration_minutes = serializers.IntegerField()
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

    def to_representation(self, row):
        # Written out by hand from a row of api.selectors.SESSION_VALUES: DRF's field by
        # field walk over model instances costs more than the queries on a page of 200
        # sessions. The fields declared above describe it in the schema; a test holds the
        # two together.
        zone = zoneinfo.ZoneInfo(row["edition__time_zone"])
        starts_at = row["starts_at"].astimezone(zone)
        return {
            "uid": str(row["uid"]),
            "id": row["pk"],
            "url": f"{_list_url(self, 'api_v1:session-list')}{row['uid']}/",
            "edition": row["edition__year"],
            "status": row["status"],
            "kind": row["type"],
            "language": row["language"],
            "title": _texts(row, "title"),
            "description": _texts(row, "description"),
            "starts_at": starts_at.isoformat(timespec="seconds"),
            "ends_at": row["ends_at"].astimezone(zone).isoformat(timespec="seconds"),
            "day": starts_at.date().isoformat(),
            "duration_minutes": int((row["ends_at"] - row["starts_at"]).total_seconds() // 60),
            "room": None
            if row["room_id"] is None
            else {"guid": _room_guid(row["room_id"]), "name": _texts(row, "room__name")},
            "track": None
            if row["track_id"] is None
            else {
                "slug": row["track__slug"],
                "name": _texts(row, "track__name"),
                "colour": row["track__colour"],
            },
            "speakers": [
                {
                    "guid": _speaker_guid(speaker["pk"]),
                    "name": {"ar": speaker["name_ar"], "latin": speaker["name_latin"]},
                }
                for speaker in row["speakers"]
            ],
            "signup_required": row["signup_required"],
            "revision": row["sequence"],
            "updated_at": _moment(row["updated_at"]),
        }


class SpeakerSerializer(serializers.Serializer):
    """What is public about a speaker: what the programme pages show."""

    guid = serializers.UUIDField(
        help_text="The speaker's stable id: the guid of the person in schedule.xml."
    )
    id = serializers.IntegerField(help_text="The id of the person in schedule.xml.")
    url = serializers.URLField()
    name = SpeakerNameSerializer()
    organisation = LocalizedTextSerializer("organisation")
    country = LocalizedTextSerializer("country")
    biography = LocalizedTextSerializer("bio")
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=SpokenLanguage.choices),
        help_text="The languages they speak.",
    )
    sessions = serializers.ListField(
        child=serializers.UUIDField(),
        help_text="The uids of their public sessions in the edition, in time order.",
    )

    def to_representation(self, row):
        # By hand from a row of api.selectors.SPEAKER_VALUES, as SessionSerializer's.
        guid = _speaker_guid(row["pk"])
        return {
            "guid": guid,
            "id": row["pk"],
            "url": _detail_url(self, "api_v1:speaker-list", guid),
            "name": {"ar": row["name_ar"], "latin": row["name_latin"]},
            "organisation": _texts(row, "organisation"),
            "country": _texts(row, "country"),
            "biography": _texts(row, "bio"),
            "languages": list(row["languages"]),
            "sessions": row["sessions"],
        }


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
        return _detail_url(self, "api_v1:room-list", room_guid(room))


class TrackSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="The track's id within its edition.")
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    name = LocalizedTextSerializer("name")
    colour = serializers.CharField(help_text="Its colour, as #rrggbb.")
    order = serializers.IntegerField(help_text="Tracks are shown in this order, smallest first.")

    @extend_schema_field(serializers.URLField())
    def get_url(self, track) -> str:
        return _detail_url(self, "api_v1:track-list", track.slug)


def _texts(obj, field: str) -> dict[str, str]:
    """The text in each language, from a model instance or a row."""
    if isinstance(obj, dict):
        return {code: obj[f"{field}_{code}"] for code in LANGUAGES}
    return {code: getattr(obj, f"{field}_{code}") for code in LANGUAGES}


@functools.lru_cache(maxsize=4096)
def _room_guid(pk: int) -> str:
    return str(room_guid(SimpleNamespace(pk=pk)))


@functools.lru_cache(maxsize=65536)
def _speaker_guid(pk: int) -> str:
    return str(speaker_guid(SimpleNamespace(pk=pk)))


_moment = serializers.DateTimeField().to_representation


def _list_url(serializer, view_name: str) -> str:
    """The full address of a list, worked out once per answer."""
    key = f"url:{view_name}"
    if key not in serializer.context:
        request = serializer.context["request"]
        serializer.context[key] = request.build_absolute_uri(reverse(view_name))
    return serializer.context[key]


def _detail_url(serializer, view_name: str, key) -> str:
    """The address of a speaker's, room's or track's detail in the edition being read."""
    url = f"{_list_url(serializer, view_name)}{key}/"
    edition = serializer.context.get("edition_reference")
    return f"{url}?edition={edition}" if edition else url
