from django.urls import path

from events import api

app_name = "checkin"

urlpatterns = [
    path("scan", api.scan, name="scan"),
    path("sync", api.sync, name="sync"),
    path("keys", api.keys, name="keys"),
    path("revocations", api.revocations, name="revocations"),
    path("pair", api.pair, name="pair"),
]
