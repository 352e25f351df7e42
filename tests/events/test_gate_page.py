import json
import re

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_the_service_worker_keeps_every_file_the_gate_page_loads(client, fair_today):
    UserFactory(email="gate@fair.example", groups=["Gate staff"])
    client.login(email="gate@fair.example", password=PASSWORD)
    page = client.get("/ar/gate/").content.decode()
    loaded = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', page))

    script = client.get("/ar/gate/sw.js").content.decode()
    kept = set(json.loads(re.search(r"const ASSETS = (\[.*?\]);", script).group(1)))

    assert loaded and loaded <= kept
    assert any(url.endswith(".woff2") for url in kept)
    for url in kept:
        assert client.get(url).status_code == 200, url
