from django.urls import path

from exportsupport import views

app_name = "exportsupport"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("cooperatives/<int:pk>/new/", views.request_create, name="request_create"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
    path("<int:pk>/reply/", views.request_reply, name="request_reply"),
    path("<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
]
