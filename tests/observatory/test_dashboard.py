import csv
import io
import xml.etree.ElementTree as ET

import pytest

from observatory.charts import bar_chart, line_chart
from tests.factories import ApplicationFactory, EditionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_bars_grow_with_the_values_and_mirror_right_to_left():
    ltr = ET.fromstring(bar_chart([("A", 2), ("B", 4)], title="T"))
    rtl = ET.fromstring(bar_chart([("A", 2), ("B", 4)], title="T", rtl=True))

    widths = [int(rect.get("width")) for rect in ltr.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[1] == 2 * widths[0]
    ltr_x = [int(r.get("x")) for r in ltr.iter("{http://www.w3.org/2000/svg}rect")]
    rtl_x = [int(r.get("x")) for r in rtl.iter("{http://www.w3.org/2000/svg}rect")]
    assert ltr_x[0] == ltr_x[1]  # bars start together on the left
    assert rtl_x[1] < rtl_x[0]  # and grow leftwards from the right
    assert rtl.get("direction") == "rtl" and rtl.get("role") == "img"


def test_a_line_runs_through_the_values_left_to_right_in_every_language():
    svg = ET.fromstring(line_chart([("09:00", 2), ("10:00", 6), ("11:00", 0)], title="T"))

    line = svg.find("{http://www.w3.org/2000/svg}polyline").get("points").split()
    points = [tuple(float(n) for n in point.split(",")) for point in line]
    assert [x for x, _y in points] == sorted(x for x, _y in points)  # time runs left to right
    assert points[1][1] < points[0][1] < points[2][1]  # 6 highest, 0 on the axis
    assert svg.get("direction") == "ltr"
    labels = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "10:00" in labels and "6" in labels


def test_a_chart_escapes_its_labels():
    svg = bar_chart([("<script>", 1)], title="x")
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_organisers_see_the_dashboard_and_download_an_indicator(client, homes):
    older = EditionFactory(year=2031)
    edition = EditionFactory(year=2032, is_current=True)
    ApplicationFactory(edition=older, status="confirmed")
    ApplicationFactory(edition=edition, status="confirmed")
    ApplicationFactory(edition=edition, status="submitted")
    client.force_login(UserFactory(groups=["Organisers"]))

    page = client.get("/admin/observatory/")
    download = client.get(f"/admin/observatory/applications.csv?edition={edition.pk}")

    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('role="img"') >= 3
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0][1:] == ["2032", "2031"]
    counts = sorted((row[1], row[2]) for row in rows[1:] if row[1:] != ["0", "0"])
    assert counts == [("1", "0"), ("1", "1")]  # submitted: 1 and 0; confirmed: 1 and 1


def test_the_dashboard_is_for_staff_with_access(client, homes):
    EditionFactory(is_current=True)
    client.force_login(UserFactory(groups=["Gate staff"]))

    assert client.get("/admin/observatory/").status_code in (302, 403)
    assert client.get("/admin/observatory/applications.csv").status_code in (302, 403)


def test_the_figures_are_kept_and_counted_again_on_request(client, homes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from observatory.tasks import task_refresh_figures

    edition = EditionFactory(is_current=True)
    ApplicationFactory(edition=edition, status="submitted")
    client.force_login(UserFactory(groups=["Organisers"], language="en"))
    assert task_refresh_figures.delay().get() == 1

    with CaptureQueriesContext(connection) as queries:
        page = client.get("/admin/observatory/")
    assert not any("exhibitors_application" in q["sql"] for q in queries.captured_queries)
    ApplicationFactory(edition=edition, status="submitted")
    assert _submitted(client.get("/admin/observatory/")) == "1"  # kept, not counted again

    client.post("/admin/observatory/")

    assert _submitted(client.get("/admin/observatory/")) == "2"
    assert page.status_code == 200


def _submitted(response) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    section = soup.select_one("#ind-applications").find_parent("section")
    row = section.select("tbody tr")[1]  # the statuses in their order: draft, submitted...
    return row.td.get_text(strip=True)
