from django.urls import path
from wagtail import hooks

from events.admin import views as admin_views
from events.viewsets import FairViewSetGroup, register_events_log_actions

hooks.register("register_admin_viewset", FairViewSetGroup)
hooks.register("register_log_actions", register_events_log_actions)


@hooks.register("register_admin_urls")
def register_badge_admin_urls():
    return [
        path("badges/<int:pk>/badge.pdf", admin_views.badge_pdf, name="events_badge_pdf"),
        path(
            "badges/<int:pk>/reissue/", admin_views.badge_reissue_view, name="events_badge_reissue"
        ),
        path("badges/<int:pk>/revoke/", admin_views.badge_revoke_view, name="events_badge_revoke"),
        path("gates/<int:pk>/token/", admin_views.gate_token_view, name="events_gate_token"),
        path("attendees/import/", admin_views.attendee_import, name="events_attendee_import"),
        path("checkins/today/", admin_views.checkin_dashboard, name="events_checkin_dashboard"),
        path("badges/print/", admin_views.print_jobs, name="events_print_jobs"),
        path("badges/print/<int:pk>/", admin_views.print_job, name="events_print_job"),
        path(
            "badges/print/<int:pk>/badges.pdf",
            admin_views.print_job_file,
            name="events_print_job_file",
        ),
    ]
