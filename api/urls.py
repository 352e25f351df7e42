"""The read-only public API, version 1, under /api/v1/, and its OpenAPI schema.

The version is the prefix (config/urls.py mounts this module there): a change that breaks
what clients read makes /api/v2/, and /api/v1/ stays as it is while clients still use it.
"""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from api.views import RoomViewSet, SchemaView, SessionViewSet, SpeakerViewSet, TrackViewSet

app_name = "api_v1"

router = SimpleRouter()
router.register("sessions", SessionViewSet, basename="session")
router.register("speakers", SpeakerViewSet, basename="speaker")
router.register("rooms", RoomViewSet, basename="room")
router.register("tracks", TrackViewSet, basename="track")

# The schema describes this API only (the Wagtail admin's own API is not public), at the
# addresses where config/urls.py mounts it.
SCHEMA_PATTERNS = [path("api/v1/", include((router.urls, app_name)))]
SCHEMA_SETTINGS = {
    # One name for each set of values used in several places.
    "ENUM_NAME_OVERRIDES": {
        "SpokenLanguage": "programme.choices.SpokenLanguage",
        "SessionKind": "programme.choices.SessionType",
        "PublicStatus": ["published", "cancelled"],
    },
    "COMPONENT_SPLIT_REQUEST": False,
}

urlpatterns = [
    path(
        "schema/",
        SchemaView.as_view(patterns=SCHEMA_PATTERNS, custom_settings=SCHEMA_SETTINGS),
        name="schema",
    ),
    *router.urls,
]
