from django.urls import path

from programme import attendance_api

app_name = "room_api"

urlpatterns = [
    path("scan", attendance_api.scan, name="scan"),
    path("sync", attendance_api.sync, name="sync"),
    path("status", attendance_api.status, name="status"),
    path("pair", attendance_api.pair, name="pair"),
]
