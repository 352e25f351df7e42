"""The pages below the programme page's address (see `RoutedSectionPage`)."""

from django.urls import path, re_path

from programme import schedule_views, views

urlpatterns = [
    path("", views.programme_index, name="index"),
    path("agenda/", views.agenda_view, name="agenda"),
    path("agenda/reset/", views.agenda_reset_view, name="agenda_reset"),
    path("changes/", views.changes_view, name="changes"),
    # Files, not pages: no trailing slash in their address (see programme.urls), while
    # Wagtail's routing hands them over with one.
    re_path(r"^schedule\.xml/?$", schedule_views.schedule_xml_view, name="schedule_xml"),
    re_path(r"^schedule\.json/?$", schedule_views.schedule_json_view, name="schedule_json"),
    path("signups/<int:signup_id>/cancel/", views.signup_cancel_view, name="signup_cancel"),
    path("<uuid:uid>/", views.session_detail, name="session"),
    path("<uuid:uid>/signup/", views.session_signup_view, name="signup"),
    path("<uuid:uid>/star/", views.session_star_view, name="star"),
    path("<uuid:uid>/unstar/", views.session_unstar_view, name="unstar"),
]
