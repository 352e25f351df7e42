from django.urls import path

from exhibitors import lead_api, lead_views, views

app_name = "exhibitors"

urlpatterns = [
    path("", views.portal_home, name="portal_home"),
    path("cooperatives/new/", views.cooperative_create_view, name="cooperative_create"),
    path("cooperatives/<int:pk>/", views.cooperative_detail, name="cooperative_detail"),
    path("cooperatives/<int:pk>/edit/", views.cooperative_edit, name="cooperative_edit"),
    path("cooperatives/<int:pk>/products/", views.product_add, name="product_add"),
    path(
        "cooperatives/<int:pk>/products/<int:product_pk>/delete/",
        views.product_delete,
        name="product_delete",
    ),
    path(
        "cooperatives/<int:pk>/certifications/", views.certification_add, name="certification_add"
    ),
    path(
        "cooperatives/<int:pk>/certifications/<int:certification_pk>/delete/",
        views.certification_delete,
        name="certification_delete",
    ),
    path("cooperatives/<int:pk>/photos/", views.photo_add, name="photo_add"),
    path(
        "cooperatives/<int:pk>/photos/<int:photo_pk>/delete/",
        views.photo_delete,
        name="photo_delete",
    ),
    path("cooperatives/<int:pk>/invite/", views.cooperative_invite_view, name="cooperative_invite"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path(
        "cooperatives/<int:pk>/apply/", views.application_start_view, name="exhibitor_apply_start"
    ),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/documents/", views.document_upload, name="document_upload"),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="document_download",
    ),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/delete/",
        views.document_delete,
        name="document_delete",
    ),
    path("applications/<int:pk>/submit/", views.application_submit_view, name="application_submit"),
    path(
        "applications/<int:pk>/confirm/", views.application_confirm_view, name="application_confirm"
    ),
    path(
        "applications/<int:pk>/withdraw/",
        views.application_withdraw_view,
        name="application_withdraw",
    ),
    path("applications/<int:pk>/staff/", views.staff_add, name="staff_add"),
    path(
        "applications/<int:pk>/staff/<int:member_pk>/delete/",
        views.staff_remove,
        name="staff_remove",
    ),
    path(
        "applications/<int:pk>/staff/<int:member_pk>/badge.pdf",
        views.staff_badge_pdf,
        name="staff_badge_pdf",
    ),
    path("applications/<int:pk>/leads/", lead_views.lead_list, name="lead_list"),
    path("applications/<int:pk>/leads/<int:visit_pk>/", lead_views.lead_edit, name="lead_edit"),
    path("applications/<int:pk>/leads.csv", lead_views.lead_export_csv, name="lead_export_csv"),
    path("applications/<int:pk>/leads.xlsx", lead_views.lead_export_xlsx, name="lead_export_xlsx"),
    path(
        "visit/badge/<str:token>/stands/<int:visit_pk>/remove/",
        lead_views.stand_visit_remove,
        name="stand_visit_remove",
    ),
    path("applications/<int:pk>/scanners/", lead_views.stand_devices, name="stand_devices"),
    path(
        "applications/<int:pk>/scanners/<int:device_pk>/unpair/",
        lead_views.stand_device_unpair,
        name="stand_device_unpair",
    ),
    path("stand-scanner/", lead_views.stand_scanner, name="stand_scanner"),
    path("stand-scanner/scan", lead_api.scan, name="stand_scanner_scan"),
    path("stand-scanner/sync", lead_api.sync, name="stand_scanner_sync"),
    path("stand-scanner/status", lead_api.status, name="stand_scanner_status"),
    path("stand-scanner/pair", lead_api.pair, name="stand_scanner_pair"),
    path("stand-scanner/leads/<int:pk>", lead_api.lead_note, name="stand_scanner_lead"),
]
