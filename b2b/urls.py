from django.urls import path

from b2b import views

app_name = "b2b"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("join/", views.join, name="join"),
    path("leave/", views.leave, name="leave"),
    path("participants/<int:pk>/request/", views.meeting_request, name="request_make"),
    path("requests/", views.requests_page, name="requests"),
    path("requests/<int:pk>/answer/", views.request_answer_view, name="request_answer"),
    path("requests/<int:pk>/call-off/", views.request_cancel_view, name="request_cancel"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/meetings.pdf", views.agenda_pdf_view, name="agenda_pdf"),
    path("agenda/calendar/reset/", views.feed_reset, name="feed_reset"),
]
