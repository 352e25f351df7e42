"""The pages below the programme page's address (see `RoutedSectionPage`)."""

from django.urls import path

from programme import views

urlpatterns = [
    path("", views.programme_index, name="index"),
    path("agenda/", views.agenda_view, name="agenda"),
    path("agenda/reset/", views.agenda_reset_view, name="agenda_reset"),
    path("changes/", views.changes_view, name="changes"),
    path("signups/<int:signup_id>/cancel/", views.signup_cancel_view, name="signup_cancel"),
    path("<uuid:uid>/", views.session_detail, name="session"),
    path("<uuid:uid>/signup/", views.session_signup_view, name="signup"),
    path("<uuid:uid>/star/", views.session_star_view, name="star"),
    path("<uuid:uid>/unstar/", views.session_unstar_view, name="unstar"),
]
