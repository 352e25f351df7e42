"""The programme's pages outside the CMS page tree, under the language prefix: checking an
attendance certificate, and a room's scanner; and the way in to the programme page's
schedule files."""

from django.urls import path, re_path
from wagtail import views as wagtail_views

from programme import attendance_views

app_name = "attendance"

urlpatterns = [
    path("room/", attendance_views.room_scanner, name="room_scanner"),
    path("verify/", attendance_views.certificate_verify, name="verify_form"),
    path("verify/<str:code>/", attendance_views.certificate_verify, name="verify"),
    path(
        "verify/<str:code>/certificate.pdf",
        attendance_views.certificate_download,
        name="certificate",
    ),
    # Wagtail's page route takes no dot in an address: these file names are handed to the
    # page tree here, which finds the programme page and its routes (programme.page_urls).
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+schedule\.(?:xml|json))$",
        wagtail_views.serve,
        name="schedule_file",
    ),
]
