from django.db import migrations

from fairsite.roles import LOGISTICS_UNIT, ORGANISERS, permissions_create, roles_grant

MODELS = ("supportrequest", "supportmessage", "supportattachment")

ROLE_PERMISSIONS = {
    LOGISTICS_UNIT: [
        "wagtailadmin.access_admin",
        *(f"exportsupport.{action}_{model}" for model in MODELS for action in ("add", "change", "view")),
        "exhibitors.view_cooperative",
        "exhibitors.view_product",
    ],
    ORGANISERS: [f"exportsupport.view_{model}" for model in MODELS],
}


def grant(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)


def ungrant(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=LOGISTICS_UNIT).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("exportsupport", "0001_initial"),
        ("exhibitors", "0001_initial"),
        ("fairsite", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, ungrant)]
