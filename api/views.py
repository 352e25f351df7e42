"""The programme, read-only, as JSON: sessions, speakers, rooms and tracks of an edition.

- `?edition=` names the edition by its year ("2031") or its acronym in schedule apps
  ("ess2031"); without it, the current edition. A session is found by its uid in any edition
  (old calendars keep their links); speakers, rooms and tracks are those of the edition.
- Lists come a page at a time (`?page=`, `?page_size=` up to 200, 50 by default) with
  `count`, `next` and `previous`, in a fixed order: sessions by start, room and number,
  speakers by name, rooms and tracks in the organisers' order.
- Every answer may be kept: `ETag` is a digest of the body (it changes when, and only when,
  the answer does) and `Last-Modified` the last change to the site's content
  (`fairsite.kept.content_changed_at`: any saved or deleted session, speaker, room, track,
  venue or edition changes it, a renamed room as much as a moved session); a request with
  `If-None-Match` or `If-Modified-Since` that still holds gets 304 and no body.
  `Cache-Control: public, max-age=60`, and `Access-Control-Allow-Origin: *`: the programme
  is public, and a partner's page may read it from the visitor's browser.
- Texts in every language at once (see api.serializers): there is nothing to negotiate, and
  no `?lang=`.
"""

import hashlib
import uuid

from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from api import selectors
from api.serializers import RoomSerializer, SessionSerializer, SpeakerSerializer, TrackSerializer
from fairsite.kept import content_changed_at
from programme.choices import SessionStatus, SessionType, SpokenLanguage

CACHE_CONTROL = "public, max-age=60"
UUID_PATTERN = "[0-9a-fA-F-]{36}"


class ProgrammePagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class SessionFilters(serializers.Serializer):
    """The filters of the list of sessions; all of them must hold."""

    track = serializers.SlugField(required=False, help_text="A track's slug.")
    room = serializers.UUIDField(required=False, help_text="A room's guid.")
    day = serializers.DateField(required=False, help_text="A day of the fair, YYYY-MM-DD.")
    language = serializers.ChoiceField(
        choices=SpokenLanguage.choices, required=False, help_text="The language spoken."
    )
    kind = serializers.ChoiceField(choices=SessionType.choices, required=False)
    status = serializers.ChoiceField(
        choices=[SessionStatus.PUBLISHED, SessionStatus.CANCELLED], required=False
    )
    updated_since = serializers.DateTimeField(
        required=False,
        help_text="Only the sessions changed at or after this moment (ISO 8601, with its "
        "offset). A session taken back from the public is not listed: read the whole list "
        "now and then.",
    )


EDITION = OpenApiParameter(
    "edition",
    OpenApiTypes.STR,
    description='The edition, by its year ("2031") or acronym ("ess2031"); the current one '
    "when left out.",
)
REQUEST_HEADERS = [
    OpenApiParameter(
        "If-None-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="The ETag of a copy kept: 304 if it still holds.",
    ),
    OpenApiParameter(
        "If-Modified-Since",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="The Last-Modified of a copy kept (an HTTP date): 304 if nothing changed "
        "since. If-None-Match wins when both are sent.",
    ),
]
RESPONSE_HEADERS = [
    OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="A digest of the body.",
    ),
    OpenApiParameter(
        "Last-Modified",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="The last change to the published programme or its rooms, tracks, "
        "speakers and venues (an HTTP date).",
    ),
    OpenApiParameter(
        "Cache-Control",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="public, max-age=60",
    ),
    OpenApiParameter(
        "Access-Control-Allow-Origin",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=True,
        description="*: any site may read the programme.",
    ),
]
NOT_MODIFIED = OpenApiResponse(description="Not modified: the copy named by the request holds.")
PROBLEM = inline_serializer("Problem", {"detail": serializers.CharField()})
NOT_FOUND = OpenApiResponse(PROBLEM, description="No such edition, page or item.")
BAD_FILTER = OpenApiResponse(
    inline_serializer(
        "FilterErrors",
        {
            field: serializers.ListField(child=serializers.CharField(), required=False)
            for field in SessionFilters().fields
        },
    ),
    description="A filter's value is not understood: the messages, by filter.",
)


def _schema(serializer, *, listing: bool, parameters=(), errors=None):
    responses = {
        200: OpenApiResponse(
            serializer(many=listing),
            description="A page of the list." if listing else "The item.",
        ),
        304: NOT_MODIFIED,
        404: NOT_FOUND,
        **(errors or {}),
    }
    return extend_schema(
        parameters=[*parameters, *REQUEST_HEADERS, *RESPONSE_HEADERS], responses=responses
    )


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    """What the four parts of the API share: the edition read, the pages, the headers."""

    pagination_class = ProgrammePagination
    edition = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.reads_edition:
            reference = request.query_params.get("edition", "")
            self.edition = selectors.api_edition(reference)
            if self.edition is None:
                raise NotFound(_("There is no such edition."))

    @property
    def reads_edition(self) -> bool:
        return True

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "edition": self.edition,
            "edition_reference": self.request.query_params.get("edition", ""),
        }

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self._conditional(request, response)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        if request.method == "OPTIONS":
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        return response

    def _conditional(self, request, response):
        """The ETag, Last-Modified and Cache-Control of a 200, or a 304 in its place when
        the request's copy still holds."""
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        response["ETag"] = etag
        changed = content_changed_at()
        if changed is not None:
            response["Last-Modified"] = http_date(changed)
        response["Cache-Control"] = CACHE_CONTROL
        return get_conditional_response(
            request, etag=etag, last_modified=changed, response=response
        )


@extend_schema_view(
    list=_schema(
        SessionSerializer,
        listing=True,
        parameters=[EDITION, SessionFilters],
        errors={400: BAD_FILTER},
    ),
    retrieve=_schema(SessionSerializer, listing=False),
)
class SessionViewSet(ProgrammeViewSet):
    """The edition's published sessions, and the cancelled ones marked as such."""

    serializer_class = SessionSerializer
    lookup_field = "uid"
    lookup_value_regex = UUID_PATTERN

    @property
    def reads_edition(self) -> bool:
        return self.action != "retrieve"

    def get_queryset(self):
        filters = SessionFilters(data=self.request.query_params)
        if not filters.is_valid():
            raise ValidationError(filters.errors)
        return selectors.api_sessions(edition=self.edition, **filters.validated_data)

    def paginate_queryset(self, queryset):
        rows = super().paginate_queryset(queryset)
        speakers = selectors.api_session_speakers([row["pk"] for row in rows])
        for row in rows:
            row["speakers"] = speakers.get(row["pk"], [])
        return rows

    def get_object(self):
        session = selectors.api_session(uid=_uuid(self.kwargs["uid"]))
        if session is None:
            raise NotFound(_("There is no such session."))
        return session


@extend_schema_view(
    list=_schema(SpeakerSerializer, listing=True, parameters=[EDITION]),
    retrieve=_schema(SpeakerSerializer, listing=False, parameters=[EDITION]),
)
class SpeakerViewSet(ProgrammeViewSet):
    """The people who speak at the edition's sessions; only what the programme pages show
    of them."""

    serializer_class = SpeakerSerializer
    lookup_field = "guid"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return selectors.api_speakers(edition=self.edition)

    def paginate_queryset(self, queryset):
        return self._with_sessions(super().paginate_queryset(queryset))

    def get_object(self):
        speaker = selectors.api_speaker(edition=self.edition, guid=_uuid(self.kwargs["guid"]))
        if speaker is None:
            raise NotFound(_("There is no such speaker in this edition."))
        return self._with_sessions([speaker])[0]

    def _with_sessions(self, rows: list[dict]) -> list[dict]:
        sessions = selectors.api_speaker_sessions(
            edition=self.edition, speaker_pks=[row["pk"] for row in rows]
        )
        for row in rows:
            row["sessions"] = sessions.get(row["pk"], [])
        return rows


@extend_schema_view(
    list=_schema(RoomSerializer, listing=True, parameters=[EDITION]),
    retrieve=_schema(RoomSerializer, listing=False, parameters=[EDITION]),
)
class RoomViewSet(ProgrammeViewSet):
    """The rooms where the edition's sessions are held."""

    serializer_class = RoomSerializer
    lookup_field = "guid"
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self):
        return selectors.api_rooms(edition=self.edition)

    def get_object(self):
        pk = selectors.api_room_pk(edition=self.edition, guid=_uuid(self.kwargs["guid"]))
        room = self.get_queryset().filter(pk=pk).first() if pk else None
        if room is None:
            raise NotFound(_("There is no such room in this edition."))
        return room


@extend_schema_view(
    list=_schema(TrackSerializer, listing=True, parameters=[EDITION]),
    retrieve=_schema(TrackSerializer, listing=False, parameters=[EDITION]),
)
class TrackViewSet(ProgrammeViewSet):
    """The edition's tracks."""

    serializer_class = TrackSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.api_tracks(edition=self.edition)

    def get_object(self):
        track = self.get_queryset().filter(slug=self.kwargs["slug"]).first()
        if track is None:
            raise NotFound(_("There is no such track in this edition."))
        return track


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(_("There is no such item.")) from None


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema, in English (the words of the API's own descriptions) unless
    `?lang=` asks for another language."""

    def _get_schema_response(self, request):
        with translation.override(request.GET.get("lang") or "en"):
            response = super()._get_schema_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        return response
