"""What every address of the admin asks for, as data beside the role matrix.

A requirement is an area of `fairsite.roles.ROLE_MATRIX` followed by the actions that open the
address, any one of them sufficing: ("events.badge", "change"). `ANY_ADMIN` is entry to the
admin and nothing more; `PUBLIC` is anyone, signed in or not. Whatever else an address asks
for, it asks for entry to the admin first (Wagtail wraps every admin view in it).

- `VIEWSET_ACTIONS`: the standard addresses of a model's admin screens (listing, inspect, add,
  edit, delete, copy, history, usage, chooser), by the name of the address, the area being
  the screen's model;
- `ADMIN_URLS`: every other address, by its URL name (or its route, when it has no name): the
  fair's own screens, each of which checks this permission itself, and Wagtail's;
- `BULK_ACTIONS`: the bulk actions, by "app_label.model.action".

`tests/fairsite/test_role_matrix.py` opens every address under /admin/ for every role and
compares the answer with `role_may_open`: an address that is in none of these tables fails it.
"""

from fairsite.roles import DOCUMENTS, IMAGES, PAGES, ROLE_MATRIX

PUBLIC = ("public",)
NOBODY = ("nobody",)
ANY_ADMIN = ("wagtailadmin.admin", "access")

LISTING = ("view", "add", "change", "delete")
# Wagtail's own listings (images, documents, redirects, collections, workflows) have no
# "view" permission: any of add, change or delete opens them.
EDITING = ("add", "change", "delete")
PAGE_ANY = (PAGES, *ROLE_MATRIX["Organisers"][PAGES], "delete")
IMAGE_ANY = (IMAGES, "add", "change", "delete", "choose")
DOCUMENT_ANY = (DOCUMENTS, "add", "change", "delete", "choose")

# Wagtail's rule for a model's screens: a listing opens to any of the listing's permissions;
# an object's history and where it is used to those who may change it.
VIEWSET_ACTIONS: dict[str, tuple[str, ...]] = {
    "index": LISTING,
    "index_results": LISTING,
    "list": LISTING,
    "list_results": LISTING,
    "inspect": LISTING,
    "history": ("change",),
    "history_results": ("change",),
    "usage": ("change",),
    "choose": LISTING,
    "choose_results": LISTING,
    "chosen": LISTING,
    "chosen_multiple": LISTING,
    "create": ("add",),
    "add": ("add",),
    "copy": ("add",),
    "edit": ("change",),
    "delete": ("delete",),
}


def _tree(area: str, prefix: str, names: dict[str, tuple[str, ...]]) -> dict:
    return {f"{prefix}{name}": (area, *actions) for name, actions in names.items()}


ADMIN_URLS: dict[str, tuple[str, ...]] = {
    # The fair's own screens.
    "badges:pdf": ("events.badge", "view"),
    "badges:reissue": ("events.badge", "change"),
    "badges:revoke": ("events.badge", "change"),
    "gates:pair": ("events.gate", "change"),
    "gates:unpair": ("events.gate", "change"),
    "rooms:pair": ("programme.room", "change"),
    "rooms:unpair": ("programme.room", "change"),
    "attendees:import": ("events.attendee", "add"),
    "checkins:today": ("events.checkin", "view"),
    # A print job is a PDF of badges: whoever may see the badges may print them.
    "badges:print_jobs": ("events.badge", "view"),
    "badges:print_job": ("events.badge", "view"),
    "badges:print_job_file": ("events.badge", "view"),
    "applications:decide": ("exhibitors.application", "review"),
    "applications:assign": ("exhibitors.application", "review"),
    "floor_plan:index": ("exhibitors.application", "review"),
    # The observatory's figures are counts of the edition, for every role that sees editions.
    "observatory:index": ("events.edition", "view"),
    "observatory:workbook": ("events.edition", "view"),
    "observatory:csv": ("events.edition", "view"),
    "observatory:xlsx": ("events.edition", "view"),
    "programme_schedule:index": ("programme.session", "view"),
    "sessions:publish": ("programme.session", "change"),
    "sessions:cancel": ("programme.session", "change"),
    "agreements:document": ("partnerships.agreement", "view"),
    "agreements:terminate": ("partnerships.agreement", "change"),
    "agreements:renew": ("partnerships.agreement", "add"),
    "commitments:evidence": ("partnerships.commitment", "view"),
    # The delegation badges of a meeting are part of the meeting's record.
    "partnership_meetings:badges": ("partnerships.partnershipmeeting", "change"),
    "partnership_meetings:decision_commitment": ("partnerships.commitment", "add"),
    "b2b_placement:index": ("b2b.b2bmeeting", "add"),
    "b2b_feedback:commitment": ("b2b.meetingfeedback", "change"),
    "b2b_feedback:agreement": ("b2b.meetingfeedback", "change"),
    "proposals_proposals:review": ("proposals.proposal", "review", "change"),
    "proposals_proposals:decide": ("proposals.proposal", "change"),
    "exportsupport_requests:assign": ("exportsupport.supportrequest", "change"),
    "exportsupport_requests:status": ("exportsupport.supportrequest", "change"),
    "exportsupport_requests:message": ("exportsupport.supportrequest", "change"),
    "exportsupport_requests:outcome": ("exportsupport.supportrequest", "change"),
    "privacy_requests:process": ("privacy.datarequest", "change"),
    "privacy_requests:refuse": ("privacy.datarequest", "change"),
    "wagtailsettings:edit": ("fairsite.sitesettings", "change"),
    "wagtailsettings:preview_on_edit": ("fairsite.sitesettings", "change"),
    # Wagtail's frame: every one who enters the admin sees it.
    "wagtailadmin_home": ANY_ADMIN,
    "admin/test404/": ANY_ADMIN,
    "admin/^.*/$": ANY_ADMIN,
    "wagtailadmin_error_test": ANY_ADMIN,
    "wagtailadmin_account": ANY_ADMIN,
    "wagtailadmin_logout": ANY_ADMIN,
    "wagtailadmin_dismissibles": ANY_ADMIN,
    "wagtailadmin_block_preview": ANY_ADMIN,
    "wagtailadmin_tag_autocomplete": ANY_ADMIN,
    "wagtailadmin_tag_model_autocomplete": ANY_ADMIN,
    # Wagtail's list of snippet kinds shows only those without a menu of their own: every
    # snippet of the fair has one, so it refuses everyone.
    "wagtailsnippets:index": NOBODY,
    "wagtailadmin_choose_page_external_link": ANY_ADMIN,
    "wagtailadmin_choose_page_email_link": ANY_ADMIN,
    "wagtailadmin_choose_page_phone_link": ANY_ADMIN,
    "wagtailadmin_choose_page_anchor_link": ANY_ADMIN,
    "wagtailadmin_editing_sessions:ping": (PAGES, "change"),
    "wagtailadmin_editing_sessions:release": ANY_ADMIN,
    "wagtailadmin_login": PUBLIC,
    "wagtailadmin_sprite": PUBLIC,
    "wagtailadmin_javascript_catalog": PUBLIC,
    # Wagtail's own password reset is switched off (WAGTAIL_PASSWORD_RESET_ENABLED):
    # allauth's is the only one, with its rate limits.
    "wagtailadmin_password_reset": NOBODY,
    "wagtailadmin_password_reset_done": NOBODY,
    "wagtailadmin_password_reset_confirm": NOBODY,
    "wagtailadmin_password_reset_complete": NOBODY,
    # Pages: the explorer, the page chooser and the admin API behind them.
    "wagtailadmin_explore_root": PAGE_ANY,
    "wagtailadmin_explore": PAGE_ANY,
    "wagtailadmin_explore_results": PAGE_ANY,
    "wagtailadmin_choose_page": PAGE_ANY,
    "wagtailadmin_choose_page_child": PAGE_ANY,
    "wagtailadmin_choose_page_search": PAGE_ANY,
    "wagtailadmin_choose_page_chosen_multiple": PAGE_ANY,
    "wagtailadmin_api:pages:listing": PAGE_ANY,
    "wagtailadmin_api:pages:detail": PAGE_ANY,
    "wagtailadmin_api:pages:find": PAGE_ANY,
    "wagtailadmin_api:pages:action": PAGE_ANY,
    "wagtailadmin_api:images:listing": IMAGE_ANY,
    "wagtailadmin_api:images:detail": IMAGE_ANY,
    "wagtailadmin_api:images:find": IMAGE_ANY,
    "wagtailadmin_api:documents:listing": DOCUMENT_ANY,
    "wagtailadmin_api:documents:detail": DOCUMENT_ANY,
    "wagtailadmin_api:documents:find": DOCUMENT_ANY,
    **_tree(
        PAGES,
        "wagtailadmin_pages:",
        {
            "add": ("add",),
            "preview_on_add": ("add",),
            "add_subpage": ("add",),
            "choose_parent": ("add",),
            "copy": ("add",),
            "type_use": PAGE_ANY[1:],
            "type_use_results": PAGE_ANY[1:],
            "search": PAGE_ANY[1:],
            "search_results": PAGE_ANY[1:],
            "usage": ("change",),
            "edit": ("change",),
            "preview_on_edit": ("change",),
            "view_draft": ("change",),
            "convert_alias": ("change",),
            "move": ("change",),
            "move_confirm": ("change",),
            "set_page_position": ("change",),
            "set_privacy": ("change",),
            "delete": ("publish",),
            "unpublish": ("publish",),
            "lock": ("lock",),
            "unlock": ("unlock",),
            "revisions_view": ("change",),
            "revisions_revert": ("change",),
            "revisions_unschedule": ("publish",),
            "revisions_compare": ("change",),
            "history": ("change",),
            "history_results": ("change",),
            "workflow_history": ("change",),
            "workflow_history_detail": ("change",),
            "workflow_action": ("change",),
            "collect_workflow_action_data": ("change",),
            "confirm_workflow_cancellation": ("change",),
            "workflow_preview": ("change",),
        },
    ),
    # The old address of a page's history, which asks for the permission itself.
    "wagtailadmin_pages:revisions_index": ANY_ADMIN,
    "simple_translation:submit_page_translation": (
        "simple_translation.simpletranslation",
        "submit_translation",
    ),
    "simple_translation:submit_snippet_translation": (
        "simple_translation.simpletranslation",
        "submit_translation",
    ),
    # Images and documents: in every collection, for the roles the matrix gives them to.
    **_tree(
        IMAGES,
        "wagtailimages:",
        {
            "index": EDITING,
            "index_results": EDITING,
            "add": ("add",),
            "add_multiple": ("add",),
            "create_multiple_from_uploaded_image": ("add",),
            "delete_upload_multiple": ("add",),
            "edit": ("change",),
            "edit_multiple": ("change",),
            "url_generator": ("change",),
            "url_generator_output": ("change",),
            "preview": ("change",),
            "image_usage": ("change",),
            "delete": ("delete",),
            "delete_multiple": ("delete",),
        },
    ),
    **_tree(
        IMAGES,
        "wagtailimages_chooser:",
        {
            # fairsite.choosers guards the chooser like the API: any image permission.
            "choose": IMAGE_ANY[1:],
            "choose_results": IMAGE_ANY[1:],
            "chosen": IMAGE_ANY[1:],
            "chosen_multiple": IMAGE_ANY[1:],
            "select_format": IMAGE_ANY[1:],
            "create": ("add",),
        },
    ),
    **_tree(
        DOCUMENTS,
        "wagtaildocs:",
        {
            "index": EDITING,
            "index_results": EDITING,
            "add": ("add",),
            "add_multiple": ("add",),
            "create_multiple_from_uploaded_document": ("add",),
            "delete_upload_multiple": ("add",),
            "edit": ("change",),
            "edit_multiple": ("change",),
            "document_usage": ("change",),
            "delete": ("delete",),
            "delete_multiple": ("delete",),
        },
    ),
    **_tree(
        DOCUMENTS,
        "wagtaildocs_chooser:",
        {
            "choose": DOCUMENT_ANY[1:],
            "choose_results": DOCUMENT_ANY[1:],
            "chosen": DOCUMENT_ANY[1:],
            "chosen_multiple": DOCUMENT_ANY[1:],
            "create": ("add",),
        },
    ),
    # Wagtail's settings areas, which the matrix gives to no role but redirects.
    **_tree(
        "wagtailredirects.redirect",
        "wagtailredirects:",
        {
            "index": EDITING,
            "index_results": EDITING,
            "add": ("add",),
            "start_import": ("add",),
            "process_import": ("add",),
            "edit": ("change",),
            "delete": ("delete",),
        },
    ),
    **_tree(
        "wagtailcore.collection",
        "wagtailadmin_collections:",
        {
            "index": EDITING,
            "add": ("add",),
            "edit": ("change",),
            "set_privacy": ("change",),
            "delete": ("delete",),
        },
    ),
    **_tree(
        "wagtailcore.workflow",
        "wagtailadmin_workflows:",
        {
            "index": EDITING,
            "index_results": EDITING,
            "add": ("add",),
            "edit": ("change",),
            "enable": ("change",),
            "disable": ("delete",),
            "usage": ("change",),
            "usage_results": ("change",),
            "remove": ("change",),
        },
    ),
    **_tree(
        "wagtailcore.task",
        "wagtailadmin_workflows:",
        {
            "task_index": EDITING,
            "task_index_results": EDITING,
            "select_task_type": ("add",),
            "add_task": ("add",),
            "edit_task": ("change",),
            "enable_task": ("change",),
            "disable_task": ("delete",),
        },
    ),
    # The task chooser serves the workflow's form (fairsite.choosers guards it).
    **_tree(
        "wagtailcore.workflow",
        "wagtailadmin_workflows:",
        {
            "task_chooser": EDITING,
            "task_chooser_results": EDITING,
            "task_chosen": EDITING,
            "task_chooser_create": EDITING,
        },
    ),
    **_tree(
        PAGES,
        "wagtailadmin_reports:",
        {
            "locked_pages": ("lock", "unlock"),
            "locked_pages_results": ("lock", "unlock"),
            "workflow": ("change",),
            "workflow_results": ("change",),
            "workflow_tasks": ("change",),
            "workflow_tasks_results": ("change",),
            "aging_pages": ("publish",),
            "aging_pages_results": ("publish",),
            "page_types_usage": PAGE_ANY[1:],
            "page_types_usage_results": PAGE_ANY[1:],
        },
    ),
    "wagtailadmin_reports:site_history": ANY_ADMIN,
    "wagtailadmin_reports:site_history_results": ANY_ADMIN,
}

BULK_ACTIONS: dict[str, tuple[str, ...]] = {
    "programme.session.publish_sessions": ("programme.session", "change"),
    "programme.session.cancel_sessions": ("programme.session", "change"),
    "exhibitors.application.accept_applications": ("exhibitors.application", "review"),
    "exhibitors.application.waitlist_applications": ("exhibitors.application", "review"),
    "exhibitors.application.reject_applications": ("exhibitors.application", "review"),
    "partnerships.partnerregion.delete": ("partnerships.partnerregion", "delete"),
    "b2b.b2bmeeting.confirm_b2b_meetings": ("b2b.b2bmeeting", "change"),
    "fairsite.user.assign_role": ("fairsite.user", "change"),
    "fairsite.user.set_active_state": ("fairsite.user", "change"),
    "fairsite.user.delete": ("fairsite.user", "delete"),
    "wagtailimages.image.add_tags": (IMAGES, "change"),
    "wagtailimages.image.add_to_collection": (IMAGES, "change"),
    "wagtailimages.image.delete": (IMAGES, "delete"),
    "wagtaildocs.document.add_tags": (DOCUMENTS, "change"),
    "wagtaildocs.document.add_to_collection": (DOCUMENTS, "change"),
    "wagtaildocs.document.delete": (DOCUMENTS, "delete"),
    "wagtailcore.page.delete": (PAGES, "publish"),
    "wagtailcore.page.move": (PAGES, "change"),
    "wagtailcore.page.publish": (PAGES, "publish"),
    "wagtailcore.page.unpublish": (PAGES, "publish"),
}


def role_may_open(role: str | None, requirement: tuple[str, ...]) -> bool:
    """Whether `role` (None: a signed-in person with no role) meets `requirement`."""
    if requirement == PUBLIC:
        return True
    areas = ROLE_MATRIX.get(role, {}) if role else {}
    if "access" not in areas.get("wagtailadmin.admin", ()):
        return False
    area, *actions = requirement
    return any(action in areas.get(area, ()) for action in actions)
