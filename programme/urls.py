"""The programme's pages outside the CMS page tree, under the language prefix: checking an
attendance certificate, and a room's scanner."""

from django.urls import path

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
]
