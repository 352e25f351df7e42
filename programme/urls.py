"""The programme's pages outside the CMS page tree, under the language prefix: checking an
attendance certificate, a room's scanner, signing up from a badge's page, the programme
widget for partners' sites and the screens of the venue; and the way in to the programme page's
schedule files."""

from django.urls import path, re_path
from wagtail import views as wagtail_views

from programme import attendance_views, badge_views, signage_views, widget_views

app_name = "attendance"

urlpatterns = [
    path("programme-widget/", widget_views.programme_widget, name="programme_widget"),
    path("signage/", signage_views.signage_venue, name="signage"),
    path("signage/room/<int:room_id>/", signage_views.signage_room, name="signage_room"),
    path("signage/now.json", signage_views.signage_data, name="signage_data"),
    path("room/", attendance_views.room_scanner, name="room_scanner"),
    path("visit/badge/<str:token>/sessions/", badge_views.badge_signup_view, name="badge_signup"),
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
