"""B2B screens beyond Wagtail's generic ones: the placing run, and meetings and requests
called off through the rules."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView

from b2b import scheduler
from b2b.admin.forms import PlacementForm
from b2b.choices import RequestStatus
from b2b.errors import B2BError
from b2b.models import B2BBlock, B2BMeeting, MeetingRequest
from b2b.services.meetings import meeting_request_cancel, meeting_video_set, meetings_schedule
from b2b.services.suggestions import suggestions_refresh_later
from events.fair_clock import LTR, POP
from events.models import Edition


def time_span(item) -> str:
    """When a meeting or a block is, on the clocks of the page: "Wed 13 May · 15:20–15:40"."""
    starts = timezone.localtime(item.starts_at)
    ends = timezone.localtime(item.ends_at)
    return f"{date_format(starts, 'D j F')} · {LTR}{starts:%H:%M}–{ends:%H:%M}{POP}"


class B2BMeetingIndexView(IndexView):
    template_name = "b2b/admin/meeting_index.html"

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="b2bmeeting"), *super().columns]

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda meeting: f"b2bmeeting_{meeting.pk}_title"
        )


def b2b_placement(request):
    """Run the scheduler over the current edition's accepted requests and show its report
    beside the most that could be placed."""
    if not request.user.has_perm("b2b.add_b2bmeeting"):
        raise PermissionDenied
    edition = Edition.objects.current()
    form = PlacementForm(request.POST if request.method == "POST" else None)
    report = None
    if edition is not None and request.method == "POST" and form.is_valid():
        report = meetings_schedule(
            edition=edition, reshuffle=form.cleaned_data["reshuffle"], by=request.user
        )
        messages.success(
            request,
            ngettext("%(count)d meeting placed.", "%(count)d meetings placed.", report.placed)
            % {"count": report.placed},
        )
    context = {"edition": edition, "form": form, "report": report}
    if edition is not None:
        slots = scheduler.slots_of(B2BBlock.objects.filter(edition=edition))
        meetings = B2BMeeting.objects.filter(request__edition=edition)
        context.update(
            accepted=MeetingRequest.objects.filter(
                edition=edition, status=RequestStatus.ACCEPTED
            ).count(),
            slots=len(slots),
            seats=sum(slot.tables for slot in slots),
            in_place=meetings.count(),
            confirmed=meetings.filter(confirmed=True).count(),
        )
        if report is not None:
            context["in_schedule"] = report.placed + report.kept
    return TemplateResponse(request, "b2b/admin/placement.html", context)


class B2BMeetingCancelView(DeleteView):
    """ "Delete" calls the meeting off: it stays on record, cancelled, its table freed, and
    both people are told."""

    def delete_action(self):
        meeting_request_cancel(meeting_request=self.object.request, by=self.request.user)


class MeetingRequestDeleteView(DeleteView):
    """A request still open (waiting, or accepted with its meeting) is withdrawn through the
    rules, which tell the people concerned and cancel the meeting's calendar event; one
    already closed is removed."""

    def delete_action(self):
        if self.object.status in (RequestStatus.PENDING, RequestStatus.ACCEPTED):
            meeting_request_cancel(meeting_request=self.object, by=self.request.user)
        else:
            super().delete_action()


class SuggestionsRefreshMixin:
    """A change here changes who is suggested to whom: the edition's suggestions are computed
    again once it is saved."""

    def save_instance(self):
        instance = super().save_instance()
        suggestions_refresh_later(edition_id=instance.edition_id)
        return instance


class B2BParticipantCreateView(SuggestionsRefreshMixin, CreateView):
    pass


class B2BParticipantEditView(SuggestionsRefreshMixin, EditView):
    pass


class RegionPriorityCreateView(SuggestionsRefreshMixin, CreateView):
    pass


class RegionPriorityEditView(SuggestionsRefreshMixin, EditView):
    pass


class RegionPriorityDeleteView(DeleteView):
    def delete_action(self):
        edition_id = self.object.edition_id
        super().delete_action()
        suggestions_refresh_later(edition_id=edition_id)


class B2BMeetingEditView(EditView):
    """A new video link goes through its rule (https only; the calendars get a new revision,
    both sides are told); "confirmed" is saved as the form has it."""

    def form_valid(self, form):
        if "video_url" in form.changed_data:
            try:
                meeting_video_set(
                    meeting=self.object, by=self.request.user, url=form.cleaned_data["video_url"]
                )
            except B2BError as error:
                form.add_error("video_url", str(error))
                return self.form_invalid(form)
            # The revision and link as the rule saved them, not the form's copy.
            form.instance.refresh_from_db(fields=["video_url", "sequence"])
        return super().form_valid(form)
