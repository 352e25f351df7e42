from django.urls import path

from programme import feeds

app_name = "ical"

urlpatterns = [
    path("programme.ics", feeds.programme_feed, name="programme"),
    path("tracks/<slug:slug>.ics", feeds.track_feed, name="track"),
    path("sessions/<uuid:uid>.ics", feeds.session_feed, name="session"),
    path("agenda/<slug:secret>.ics", feeds.agenda_feed, name="agenda"),
]
