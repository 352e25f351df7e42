import json

import pytest
from django.test import Client
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.validation import validate_schema

from programme.frab import room_guid, speaker_guid

pytestmark = pytest.mark.django_db

OPENAPI_JSON = "application/vnd.oai.openapi+json"


@pytest.fixture
def schema(db):
    GENERATOR_STATS.reset()
    response = Client().get("/api/v1/schema/", headers={"accept": OPENAPI_JSON})
    assert response.status_code == 200
    yield json.loads(response.content)
    GENERATOR_STATS.reset()


def test_schema_is_valid_openapi_without_warnings(schema):
    validate_schema(schema)
    assert not GENERATOR_STATS, "drf-spectacular warned while describing the API"
    assert schema["info"]["version"] == "1"


def test_schema_describes_the_api_only(schema):
    assert sorted(schema["paths"]) == [
        "/api/v1/rooms/",
        "/api/v1/rooms/{guid}/",
        "/api/v1/sessions/",
        "/api/v1/sessions/{uid}/",
        "/api/v1/speakers/",
        "/api/v1/speakers/{guid}/",
        "/api/v1/tracks/",
        "/api/v1/tracks/{slug}/",
    ]


def test_schema_gives_the_conditional_answers_and_parameters(schema):
    operation = schema["paths"]["/api/v1/sessions/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}

    assert {"200", "304", "400", "404"} <= set(operation["responses"])
    headers = set(operation["responses"]["304"]["headers"])
    assert {"ETag", "Last-Modified", "Cache-Control"} <= headers
    assert {"edition", "track", "room", "day", "language", "kind", "updated_since"} <= names
    assert {"page", "page_size", "If-None-Match", "If-Modified-Since"} <= names


def test_schema_components_describe_every_field(schema, programme):
    """Each field of each answer is in its component, and the component holds no field the
    answers do not have."""
    components = schema["components"]["schemas"]
    session = programme["published"]
    answers = {
        "Session": Client().get(f"/api/v1/sessions/{session.uid}/").json(),
        "Speaker": Client()
        .get(f"/api/v1/speakers/{speaker_guid(programme['speakers'][0])}/")
        .json(),
        "Room": Client().get(f"/api/v1/rooms/{room_guid(programme['rooms'][0])}/").json(),
        "Track": Client().get(f"/api/v1/tracks/{programme['tracks'][0].slug}/").json(),
    }
    for name, answer in answers.items():
        assert set(components[name]["properties"]) == set(answer), name
    assert set(components["LocalizedText"]["properties"]) == {"ar", "fr", "en"}
    assert set(components["PaginatedSessionList"]["properties"]) == {
        "count",
        "next",
        "previous",
        "results",
    }


def test_every_documented_path_answers_200(schema, programme):
    examples = {
        "{uid}": str(programme["published"].uid),
        "{slug}": programme["tracks"][0].slug,
    }
    for path in schema["paths"]:
        url = path.replace("{uid}", examples["{uid}"]).replace("{slug}", examples["{slug}"])
        if "{guid}" in path:
            guid = room_guid(programme["rooms"][0]) if "rooms" in path else None
            guid = guid or speaker_guid(programme["speakers"][0])
            url = path.replace("{guid}", str(guid))
        response = Client().get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json"
