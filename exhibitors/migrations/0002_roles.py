from django.db import migrations

from fairsite.roles import APPLICATION_REVIEWERS, ORGANISERS, permissions_create, roles_grant

MODELS = ["cooperative", "product", "certification", "standtype", "stand", "application", "applicationdocument", "staffmember"]

ROLE_PERMISSIONS = {
    ORGANISERS: [
        f"exhibitors.{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ]
    + ["exhibitors.review_application"],
    APPLICATION_REVIEWERS: [f"exhibitors.view_{model}" for model in MODELS]
    + ["exhibitors.review_application"],
}


def grant(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("exhibitors", "0001_initial"),
        ("fairsite", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
