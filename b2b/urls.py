from django.urls import path

from b2b import availability_views, outcome_views, suggestion_views, views

app_name = "b2b"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("suggestions/", suggestion_views.suggestions, name="suggestions"),
    path("join/", views.join, name="join"),
    path("leave/", views.leave, name="leave"),
    path("participants/<int:pk>/request/", views.meeting_request, name="request_make"),
    path("requests/", views.requests_page, name="requests"),
    path("requests/<int:pk>/answer/", views.request_answer_view, name="request_answer"),
    path("requests/<int:pk>/call-off/", views.request_cancel_view, name="request_cancel"),
    path("availability/", availability_views.availability, name="availability"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/meetings.pdf", views.agenda_pdf_view, name="agenda_pdf"),
    path("agenda/calendar/reset/", views.feed_reset, name="feed_reset"),
    path("meetings/<int:pk>/video/", availability_views.meeting_video, name="meeting_video"),
    path("meetings/<int:pk>/outcome/", outcome_views.meeting_outcome, name="meeting_outcome"),
]
