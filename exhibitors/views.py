"""The exhibitor portal: a cooperative's profile, products and its application to the fair.

Every view looks objects up among those the signed-in user manages, so another
exhibitor's ids answer 404; the rules themselves live in exhibitors.services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Edition
from events.pdf import badges_pdf
from events.selectors import shown_edition
from exhibitors.choices import ApplicationStatus
from exhibitors.errors import ApplicationError, ApplicationIncomplete
from exhibitors.floor_plan import halls as floor_plan_halls
from exhibitors.forms import (
    ApplicationForm,
    CertificationForm,
    CooperativeForm,
    CooperativePhotoForm,
    DirectoryFilterForm,
    DocumentForm,
    InvitationForm,
    ProductForm,
    StaffMemberForm,
    WithdrawForm,
)
from exhibitors.models import (
    Application,
    ApplicationDocument,
    Cooperative,
    CooperativePhoto,
    StaffMember,
    Stand,
)
from exhibitors.selectors import directory_exhibitors, directory_profile
from exhibitors.services.applications import (
    application_confirm,
    application_document_add,
    application_document_delete,
    application_missing,
    application_start,
    application_submit,
    application_update,
    application_withdraw,
    can_become,
    is_editable,
    staff_member_add,
    staff_member_remove,
)
from exhibitors.services.cooperatives import (
    cooperative_create,
    cooperative_invitation_accept,
    cooperative_invite,
    cooperative_photo_add,
    cooperative_photo_remove,
    cooperative_update,
    invitation_for_token,
)
from fairsite.kept import kept_copy
from fairsite.uploads import private_file_response


def _my_cooperative(request, pk) -> Cooperative:
    return get_object_or_404(Cooperative.objects.managed_by(request.user), pk=pk)


def _my_application(request, pk) -> Application:
    return get_object_or_404(
        Application.objects.of_user(request.user).select_related(
            "edition", "cooperative", "stand__stand_type", "stand_type"
        ),
        pk=pk,
    )


def _refused(request, error: ApplicationError) -> None:
    if isinstance(error, ApplicationIncomplete):
        messages.error(request, _("Before you submit:") + " " + " ".join(error.missing))
    else:
        messages.error(request, str(error))


@login_required
def portal_home(request):
    edition = Edition.objects.current()
    applications = (
        Application.objects.filter(edition=edition) if edition else Application.objects.none()
    )
    cooperatives = Cooperative.objects.managed_by(request.user).prefetch_related(
        Prefetch("applications", queryset=applications, to_attr="current_applications")
    )
    return render(
        request,
        "exhibitors/portal_home.html",
        {"cooperatives": cooperatives, "edition": edition},
    )


@login_required
def cooperative_create_view(request):
    form = CooperativeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        cooperative = cooperative_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("The cooperative's profile is saved."))
        return redirect("exhibitors:cooperative_detail", cooperative.pk)
    return render(request, "exhibitors/cooperative_form.html", {"form": form})


@login_required
def cooperative_edit(request, pk):
    cooperative = _my_cooperative(request, pk)
    form = CooperativeForm(request.POST or None, request.FILES or None, instance=cooperative)
    if request.method == "POST" and form.is_valid():
        cooperative_update(cooperative=cooperative, by=request.user, **form.cleaned_data)
        messages.success(request, _("The cooperative's profile is saved."))
        return redirect("exhibitors:cooperative_detail", cooperative.pk)
    return render(
        request, "exhibitors/cooperative_form.html", {"form": form, "cooperative": cooperative}
    )


@login_required
def cooperative_detail(request, pk):
    cooperative = _my_cooperative(request, pk)
    edition = Edition.objects.current()
    application = cooperative.applications.filter(edition=edition).first() if edition else None
    return render(
        request,
        "exhibitors/cooperative_detail.html",
        {
            "cooperative": cooperative,
            "products": cooperative.products.all(),
            "certifications": cooperative.certifications.all(),
            "photos": cooperative.photos.select_related("image"),
            "photo_form": CooperativePhotoForm(),
            "max_photos": CooperativePhoto.MAX_PER_COOPERATIVE,
            "edition": edition,
            "application": application,
            "product_form": ProductForm(),
            "certification_form": CertificationForm(),
            "managers": cooperative.managers.order_by("email"),
            "invitations": cooperative.invitations.filter(accepted_at__isnull=True),
            "invitation_form": InvitationForm(),
        },
    )


@login_required
@require_POST
def cooperative_invite_view(request, pk):
    cooperative = _my_cooperative(request, pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            cooperative_invite(
                cooperative=cooperative,
                email=form.cleaned_data["email"],
                by=request.user,
                language=get_language(),
            )
        except ApplicationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("The invitation is on its way."))
    else:
        messages.error(request, _errors(form))
    return redirect("exhibitors:cooperative_detail", cooperative.pk)


def invitation_accept(request, token):
    """The link of an invitation e-mail: sign in (or up) with the invited address, accept."""
    try:
        invitation = invitation_for_token(token)
    except ApplicationError as error:
        return render(request, "exhibitors/invitation.html", {"error": error}, status=404)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            cooperative = cooperative_invitation_accept(token=token, user=request.user)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("You now manage %(name)s.") % {"name": cooperative.display_name}
            )
            return redirect("exhibitors:cooperative_detail", cooperative.pk)
    return render(request, "exhibitors/invitation.html", {"invitation": invitation})


@login_required
@require_POST
def product_add(request, pk):
    return _item_add(
        request, pk, ProductForm, _("Product added."), _("The product was not added: %(errors)s")
    )


@login_required
@require_POST
def product_delete(request, pk, product_pk):
    return _item_delete(request, pk, "products", product_pk, _("Product removed."))


@login_required
@require_POST
def certification_add(request, pk):
    return _item_add(
        request,
        pk,
        CertificationForm,
        _("Certification added."),
        _("The certification was not added: %(errors)s"),
    )


@login_required
@require_POST
def certification_delete(request, pk, certification_pk):
    return _item_delete(
        request, pk, "certifications", certification_pk, _("Certification removed.")
    )


@login_required
@require_POST
def photo_add(request, pk):
    cooperative = _my_cooperative(request, pk)
    form = CooperativePhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            cooperative_photo_add(
                cooperative=cooperative,
                by=request.user,
                file=form.cleaned_data["image"],
                caption_ar=form.cleaned_data["caption_ar"],
                caption_fr=form.cleaned_data["caption_fr"],
            )
        except ApplicationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Photo added."))
    else:
        messages.error(request, _("The photo was refused: %(reason)s") % {"reason": _errors(form)})
    return redirect("exhibitors:cooperative_detail", cooperative.pk)


@login_required
@require_POST
def photo_delete(request, pk, photo_pk):
    cooperative = _my_cooperative(request, pk)
    photo = get_object_or_404(cooperative.photos.select_related("image"), pk=photo_pk)
    cooperative_photo_remove(photo=photo, by=request.user)
    messages.success(request, _("Photo removed."))
    return redirect("exhibitors:cooperative_detail", cooperative.pk)


def _item_add(request, pk, form_class, added: str, refused: str):
    """Add a product or a certification to one of the user's cooperatives."""
    cooperative = _my_cooperative(request, pk)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        form.instance.cooperative = cooperative
        form.save()
        messages.success(request, added)
    else:
        messages.error(request, refused % {"errors": _errors(form)})
    return redirect("exhibitors:cooperative_detail", cooperative.pk)


def _item_delete(request, pk, related: str, item_pk, removed: str):
    cooperative = _my_cooperative(request, pk)
    get_object_or_404(getattr(cooperative, related), pk=item_pk).delete()
    messages.success(request, removed)
    return redirect("exhibitors:cooperative_detail", cooperative.pk)


@login_required
@require_POST
def application_start_view(request, pk):
    cooperative = _my_cooperative(request, pk)
    edition = Edition.objects.current()
    if edition is None:
        raise Http404
    try:
        application = application_start(cooperative=cooperative, edition=edition, by=request.user)
    except ApplicationError as error:
        _refused(request, error)
        return redirect("exhibitors:cooperative_detail", cooperative.pk)
    return redirect("exhibitors:application_edit", application.pk)


@login_required
def application_detail(request, pk):
    application = _my_application(request, pk)
    return render(
        request,
        "exhibitors/application_detail.html",
        {
            "application": application,
            "editable": is_editable(application),
            "missing": application_missing(application),
            "events": application.events.select_related("by"),
            "documents": application.documents.all(),
            "staff": application.staff.all(),
            "document_form": DocumentForm(),
            "staff_form": StaffMemberForm(),
            "withdraw_form": WithdrawForm(),
            "can_submit": can_become(application, ApplicationStatus.SUBMITTED),
            "can_confirm": can_become(application, ApplicationStatus.CONFIRMED),
            "can_withdraw": can_become(application, ApplicationStatus.WITHDRAWN),
            "hall": _my_hall(application),
        },
    )


@login_required
def application_edit(request, pk):
    application = _my_application(request, pk)
    if not is_editable(application):
        return redirect("exhibitors:application_detail", application.pk)
    form = ApplicationForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            application_update(application=application, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Your application is saved as a draft."))
        return redirect("exhibitors:application_detail", application.pk)
    return render(
        request, "exhibitors/application_form.html", {"form": form, "application": application}
    )


@login_required
@require_POST
def document_upload(request, pk):
    application = _my_application(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            application_document_add(
                application=application,
                kind=form.cleaned_data["kind"],
                file=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(
                request,
                _("The document was refused: %(reason)s") % {"reason": " ".join(error.messages)},
            )
        except ApplicationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Document added."))
    else:
        messages.error(
            request, _("The document was refused: %(reason)s") % {"reason": _errors(form)}
        )
    return redirect("exhibitors:application_detail", application.pk)


@login_required
@require_POST
def document_delete(request, pk, document_pk):
    application = _my_application(request, pk)
    document = get_object_or_404(application.documents, pk=document_pk)
    try:
        application_document_delete(document=document, by=request.user)
    except ApplicationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Document removed."))
    return redirect("exhibitors:application_detail", application.pk)


@login_required
def document_download(request, pk, document_pk):
    """A private document, for the cooperative's managers and the application reviewers."""
    applications = (
        Application.objects.all()
        if request.user.has_perm("exhibitors.review_application")
        else Application.objects.of_user(request.user)
    )
    document = get_object_or_404(
        ApplicationDocument.objects.filter(application__in=applications),
        pk=document_pk,
        application_id=pk,
    )
    return private_file_response(document.file, filename=document.original_name)


@login_required
@require_POST
def application_submit_view(request, pk):
    return _act(
        request,
        pk,
        application_submit,
        _("Your application has been sent to the organisers."),
    )


@login_required
@require_POST
def application_confirm_view(request, pk):
    return _act(request, pk, application_confirm, _("Your participation is confirmed."))


@login_required
@require_POST
def application_withdraw_view(request, pk):
    form = WithdrawForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _act(request, pk, application_withdraw, _("Your application is withdrawn."), note=note)


@login_required
@require_POST
def staff_add(request, pk):
    application = _my_application(request, pk)
    form = StaffMemberForm(request.POST)
    if form.is_valid():
        try:
            staff_member_add(application=application, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Staff member added."))
    else:
        messages.error(
            request, _("The staff member was not added: %(errors)s") % {"errors": _errors(form)}
        )
    return redirect("exhibitors:application_detail", application.pk)


@login_required
@require_POST
def staff_remove(request, pk, member_pk):
    application = _my_application(request, pk)
    member = get_object_or_404(StaffMember, application=application, pk=member_pk)
    staff_member_remove(member=member, by=request.user)
    messages.success(request, _("Staff member removed."))
    return redirect("exhibitors:application_detail", application.pk)


@login_required
def staff_badge_pdf(request, pk, member_pk):
    """A staff member's badge, for the cooperative's managers to print or forward."""
    application = _my_application(request, pk)
    member = get_object_or_404(
        StaffMember.objects.select_related("attendee"), application=application, pk=member_pk
    )
    badge = (
        member.attendee.badges.active().select_related("edition", "attendee").first()
        if member.attendee
        else None
    )
    if badge is None:
        raise Http404
    response = HttpResponse(
        badges_pdf([badge], language=get_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="badge-{member.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _my_hall(application: Application) -> dict | None:
    """The hall of the application's stand, drawn with that stand marked (no one else's name)."""
    if application.stand is None:
        return None
    stands = Stand.objects.filter(edition=application.edition_id, hall=application.stand.hall)
    return floor_plan_halls(stands)[0]


def _act(request, pk, action, success: str, **kwargs):
    application = _my_application(request, pk)
    try:
        action(application=application, by=request.user, **kwargs)
    except ApplicationError as error:
        _refused(request, error)
    else:
        messages.success(request, success)
    return redirect("exhibitors:application_detail", application.pk)


def _errors(form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def directory_index(request, page):
    """The directory page: this edition's confirmed exhibitors, filtered and by pages."""
    edition = shown_edition()
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    exhibitors = (
        directory_exhibitors(edition=edition, **{k: v for k, v in filters.items() if v})
        if edition
        else Application.objects.none()
    )
    # Read only where the list is not kept (the template's `kept_fragment`).
    page_obj = SimpleLazyObject(
        lambda: Paginator(exhibitors, page.per_page).get_page(request.GET.get("page"))
    )
    query = request.GET.copy()
    query.pop("page", None)
    return page.render(
        request,
        context_overrides={
            "edition": edition,
            "form": form,
            "page_obj": page_obj,
            "query_string": query.urlencode(),
            "filtered": any(filters.values()),
        },
    )


def directory_profile_view(request, page, cooperative_id):
    """An exhibitor's public profile, with its stand (kept per process until the content
    changes: read, never changed here)."""
    edition = shown_edition()
    application = (
        kept_copy(
            ("directory profile", edition.pk, cooperative_id),
            lambda: directory_profile(edition=edition, cooperative_id=cooperative_id),
        )
        if edition
        else None
    )
    if application is None:
        raise Http404
    return page.render(
        request,
        template="exhibitors/exhibitor_directory_profile.html",
        context_overrides={"application": application, "cooperative": application.cooperative},
    )
