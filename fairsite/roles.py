"""The organisers' roles: Wagtail groups and what each may do, written once as a matrix.

`ROLE_MATRIX` says, for each role, which actions it may take in each admin area. An area is a
model ("app_label.model"); an action is "view", "add", "change", "delete" or a permission of
the model's own ("review" gives "review_application"); an action holding an underscore is the
permission's whole codename ("scan_badges"). Three areas are given at the top of a tree rather
than as model permissions: pages ("wagtailcore.page", from the root page down) and images and
documents ("wagtailimages.image", "wagtaildocs.document", in every collection).

`roles_apply` makes the groups exactly what the matrix says: the migration
`fairsite.0005_role_matrix` runs it, and a later migration that adds a model, or changes the
matrix, runs it again (see docs/roles.md). The older migrations that granted permissions app by
app with `roles_grant` and `images_grant` keep them for their own history.
"""

from django.contrib.auth.management import create_permissions

ORGANISERS = "Organisers"
APPLICATION_REVIEWERS = "Application reviewers"
PROGRAMME_EDITORS = "Programme editors"
PARTNERSHIPS_OFFICERS = "Partnerships officers"
GATE_STAFF = "Gate staff"
LOGISTICS_UNIT = "Logistics unit"
PROPOSAL_REVIEWERS = "Proposal reviewers"

ROLES = [
    ORGANISERS,
    APPLICATION_REVIEWERS,
    PROGRAMME_EDITORS,
    PARTNERSHIPS_OFFICERS,
    GATE_STAFF,
    LOGISTICS_UNIT,
    PROPOSAL_REVIEWERS,
]

VIEW = ("view",)
FULL = ("view", "add", "change", "delete")

PAGES = "wagtailcore.page"
IMAGES = "wagtailimages.image"
DOCUMENTS = "wagtaildocs.document"
TREE_AREAS = (PAGES, IMAGES, DOCUMENTS)

ADMIN = {"wagtailadmin.admin": ("access",)}

EXHIBITORS = (
    "exhibitors.cooperative",
    "exhibitors.product",
    "exhibitors.certification",
    "exhibitors.standtype",
    "exhibitors.stand",
    "exhibitors.application",
    "exhibitors.applicationdocument",
    "exhibitors.staffmember",
)
PROGRAMME = {
    "programme.room": FULL,
    "programme.track": FULL,
    "programme.speaker": FULL,
    "programme.session": FULL,
    "programme.sessionsignup": VIEW,
    "programme.sessionchange": VIEW,
}
PARTNERSHIPS = {
    **{
        f"partnerships.{model}": FULL
        for model in ("partnerregion", "agreement", "commitment", "partnershipmeeting")
    },
    **{
        f"b2b.{model}": FULL
        for model in (
            "b2bparticipant",
            "meetingrequest",
            "b2bblock",
            "b2bmeeting",
            "b2bregionpriority",
        )
    },
    "b2b.b2bunavailability": VIEW,
}
# The call for proposals: calls and decisions, and the reviews.
PROPOSALS = {
    "proposals.callforproposals": FULL,
    "proposals.proposal": ("view", "change", "review"),
}
EXPORT_SUPPORT = (
    "exportsupport.supportrequest",
    "exportsupport.supportmessage",
    "exportsupport.supportattachment",
)

ROLE_MATRIX: dict[str, dict[str, tuple[str, ...]]] = {
    ORGANISERS: {
        **ADMIN,
        "fairsite.user": ("view", "add", "change"),
        "fairsite.sitesettings": ("change",),
        "events.edition": (*FULL, "scan_badges", "register_walk_ins"),
        "events.venue": FULL,
        "events.openinghours": FULL,
        "events.attendee": FULL,
        "events.badge": FULL,
        "events.gate": FULL,
        "events.checkin": VIEW,
        **PROGRAMME,
        **PROPOSALS,
        "feedback.sessionrating": VIEW,
        "feedback.visitorsurvey": VIEW,
        "feedback.exhibitorsurvey": VIEW,
        **{model: FULL for model in EXHIBITORS},
        "exhibitors.application": (*FULL, "review"),
        **PARTNERSHIPS,
        **{model: VIEW for model in EXPORT_SUPPORT},
        "observatory.publishedfigures": ("change",),
        "privacy.datarequest": ("view", "change"),
        "privacy.retentionsweep": VIEW,
        "privacy.retentionsettings": ("change",),
        "wagtailredirects.redirect": ("add", "change", "delete"),
        "simple_translation.simpletranslation": ("submit_translation",),
        PAGES: ("add", "change", "publish", "bulk_delete_page", "lock", "unlock"),
        IMAGES: ("add", "change", "delete", "choose"),
        DOCUMENTS: ("add", "change", "delete", "choose"),
    },
    APPLICATION_REVIEWERS: {
        **ADMIN,
        "events.edition": VIEW,
        **{model: VIEW for model in EXHIBITORS},
        "exhibitors.application": ("view", "review"),
    },
    PROGRAMME_EDITORS: {
        **ADMIN,
        "events.edition": VIEW,
        "events.venue": VIEW,
        "events.openinghours": VIEW,
        **PROGRAMME,
        **PROPOSALS,
        "feedback.sessionrating": VIEW,
        IMAGES: ("add", "choose"),
    },
    PARTNERSHIPS_OFFICERS: {
        **ADMIN,
        "events.edition": VIEW,
        **PARTNERSHIPS,
        # What came of each meeting is private to its two sides and to this role: an
        # officer turns an outcome into a commitment or the start of an agreement.
        "b2b.meetingfeedback": ("view", "change"),
        # B2B participants are linked to their cooperative, chosen from the list.
        "exhibitors.cooperative": VIEW,
        IMAGES: ("add", "choose"),
    },
    # The volunteers at the gates and at the registration desk: no admin, two pages.
    GATE_STAFF: {"events.edition": ("scan_badges", "register_walk_ins")},
    # Those who score the proposals to a call (members of the council, partners' experts).
    PROPOSAL_REVIEWERS: {
        **ADMIN,
        "proposals.callforproposals": VIEW,
        "proposals.proposal": ("view", "review"),
    },
    LOGISTICS_UNIT: {
        **ADMIN,
        **{model: ("view", "add", "change") for model in EXPORT_SUPPORT},
        "exhibitors.cooperative": VIEW,
        "exhibitors.product": VIEW,
    },
}


def codename(area: str, action: str) -> str:
    """The permission's codename for `action` in `area` ("exhibitors.application", "review")."""
    if "_" in action:
        return action
    return f"{action}_{area.split('.')[1]}"


def role_allows(role: str, area: str, action: str) -> bool:
    """Whether the matrix lets `role` take `action` in `area`."""
    return action in ROLE_MATRIX.get(role, {}).get(area, ())


def role_permission_names(role: str) -> set[str]:
    """The model permissions of `role` as "app_label.codename" (the tree areas left out)."""
    return {
        f"{area.split('.')[0]}.{codename(area, action)}"
        for area, actions in ROLE_MATRIX[role].items()
        if area not in TREE_AREAS
        for action in actions
    }


def permissions_create(apps) -> None:
    """Create the permission rows now; Django makes them only after all migrations ran. The
    models are those of the migration's state (`apps`), not of today's code, in which some
    have moved to another app since."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def roles_apply(apps) -> None:
    """Bring every role's group in line with `ROLE_MATRIX`: what it grants is added, anything
    else is taken away. Areas whose model (or a model's own permission) does not exist yet at
    this point of the migrations are left for the migration that makes it."""
    permissions_create(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    # None in a database emptied of its content (a test's flush): no tree to grant rights on.
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    ContentType = apps.get_model("contenttypes", "ContentType")

    def permission(area, action):
        app_label, model = area.split(".")
        found = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename(area, action)
        ).first()
        # A model's own permission (not view, add, change or delete) may come later than the
        # model: it is left for the migration that adds it, which applies the roles again.
        own = action not in ("view", "add", "change", "delete")
        exists = ContentType.objects.filter(app_label=app_label, model=model).exists
        if found is None and not own and exists():
            raise LookupError(f"{area} has no permission {codename(area, action)!r}")
        return found

    for role, areas in ROLE_MATRIX.items():
        group, _created = Group.objects.get_or_create(name=role)
        model_permissions, page_permissions, collection_permissions = [], [], []
        for area, actions in areas.items():
            found = [p for p in (permission(area, action) for action in actions) if p]
            if area == PAGES:
                page_permissions += found
            elif area in (IMAGES, DOCUMENTS):
                collection_permissions += found
            else:
                model_permissions += found
        group.permissions.set(model_permissions)

        if root_page is not None:
            GroupPagePermission.objects.filter(group=group).exclude(
                page=root_page, permission__in=page_permissions
            ).delete()
            for found in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=found
                )
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group).exclude(
                collection=root_collection, permission__in=collection_permissions
            ).delete()
            for found in collection_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=found
                )


def roles_grant(apps, role: str, permissions: list[str]) -> None:
    """Give the group `role` the permissions named "app_label.codename" (made if missing).
    Used by the migrations written before `roles_apply`."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=role)
    for name in permissions:
        app_label, codename_ = name.split(".")
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename_)
        group.permissions.add(permission)


def images_grant(apps, role: str, codenames=("add_image", "choose_image")) -> None:
    """Let the group `role` upload and choose images in every collection (logos, photos).
    Used by the migrations written before `roles_apply`."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.get(name=role)
    root = Collection.objects.get(depth=1)
    for codename_ in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename_
            ),
        )
