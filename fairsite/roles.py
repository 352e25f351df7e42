"""The organisers' roles: Wagtail groups and what each may do.

Groups are made by the migration `fairsite.0002_roles`; each app that adds models grants
their permissions in a migration of its own with `roles_grant`.
"""

ORGANISERS = "Organisers"
APPLICATION_REVIEWERS = "Application reviewers"
PROGRAMME_EDITORS = "Programme editors"
PARTNERSHIPS_OFFICERS = "Partnerships officers"
GATE_STAFF = "Gate staff"
LOGISTICS_UNIT = "Logistics unit"

ROLES = [
    ORGANISERS,
    APPLICATION_REVIEWERS,
    PROGRAMME_EDITORS,
    PARTNERSHIPS_OFFICERS,
    GATE_STAFF,
    LOGISTICS_UNIT,
]


def permissions_create(apps) -> None:
    """Create the permission rows now; Django makes them only after all migrations ran."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def roles_grant(apps, role: str, permissions: list[str]) -> None:
    """Give the group `role` the permissions named "app_label.codename" (made if missing)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=role)
    for name in permissions:
        app_label, codename = name.split(".")
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(permission)


def images_grant(apps, role: str, codenames=("add_image", "choose_image")) -> None:
    """Let the group `role` upload and choose images in every collection (logos, photos)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.get(name=role)
    root = Collection.objects.get(depth=1)
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )
