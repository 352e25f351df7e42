"""What a user or a group may do, as one comparable set, and the rule on who may grant it.

Only a superuser makes superusers, grants rights it has not got, or edits or removes an
account that may do more than it may: an organiser managing accounts cannot make anyone,
themselves included, more powerful than themselves.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupCollectionPermission, GroupPagePermission


def rights_of_groups(*, groups) -> set[tuple]:
    """The model, page and collection permissions the groups give, as comparable tuples."""
    group_ids = [group.pk for group in groups]
    rights = {
        ("model", pk)
        for pk in Permission.objects.filter(group__in=group_ids).values_list("pk", flat=True)
    }
    rights |= {
        ("page", page, permission)
        for page, permission in GroupPagePermission.objects.filter(group__in=group_ids).values_list(
            "page", "permission"
        )
    }
    rights |= {
        ("collection", collection, permission)
        for collection, permission in GroupCollectionPermission.objects.filter(
            group__in=group_ids
        ).values_list("collection", "permission")
    }
    return rights


def rights_of_user(*, user) -> set[tuple]:
    """Everything `user` may do through its groups and its own permissions (whether or not the
    account is active: it may be switched on again)."""
    own = {
        ("model", pk) for pk in Permission.objects.filter(Q(user=user)).values_list("pk", flat=True)
    }
    return own | rights_of_groups(groups=user.groups.all())


def user_outranks(*, user, editor) -> bool:
    """Whether `user` may do something `editor` may not (a superuser outranks everyone else)."""
    if editor.is_superuser:
        return False
    if user.is_superuser:
        return True
    return not rights_of_user(user=user) <= rights_of_user(user=editor)


def groups_grantable(*, editor):
    """The groups `editor` may give: all for a superuser, else those within its own rights."""
    groups = Group.objects.order_by("name")
    if editor.is_superuser:
        return groups
    mine = rights_of_user(user=editor)
    return groups.filter(
        pk__in=[group.pk for group in groups if rights_of_groups(groups=[group]) <= mine]
    )


def group_outranks(*, group, editor) -> bool:
    """Whether `group` gives something `editor` may not do."""
    if editor.is_superuser:
        return False
    return not rights_of_groups(groups=[group]) <= rights_of_user(user=editor)
