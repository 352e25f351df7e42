"""Wagtail's users and groups screens, held to the rule of fairsite.user_rights: a manager who is
not a superuser never sees the Administrator box, chooses only groups within its own rights,
and is refused the accounts and groups that may do more than it may, in every view (edit,
copy, delete, bulk actions) and whatever the form posted."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups, users
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction, RoleForm
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from fairsite.phones import PhoneField
from fairsite.user_rights import (
    group_outranks,
    groups_grantable,
    rights_of_groups,
    rights_of_user,
    user_outranks,
)
from fairsite.widgets import LanguageSelect

OUTRANKING_GROUPS = _(
    "Only an administrator may give these groups: they grant rights you do not have."
)


class RightsLimitedUserForm:
    """The user form for `editor`: no Administrator box and only the groups it may give,
    unless it is a superuser."""

    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        if editor is not None and not editor.is_superuser:
            self.fields.pop("is_superuser", None)
            self.fields["groups"].queryset = groups_grantable(editor=editor)

    def clean_groups(self):
        chosen = self.cleaned_data["groups"]
        editor = self.editor
        if editor is None or editor.is_superuser:
            return chosen
        if not rights_of_groups(groups=chosen) <= rights_of_user(user=editor):
            raise forms.ValidationError(OUTRANKING_GROUPS)
        return chosen


class ContactsUserForm(forms.ModelForm):
    """An account is reached by e-mail, by mobile number, or both: the admin form asks for
    at least one, and for the language the person is written to in."""

    phone = PhoneField(
        label=_("Mobile number"),
        required=False,
        help_text=_("For people who use a phone rather than e-mail: codes and links by SMS."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        self.fields["language"].widget = LanguageSelect(choices=self.fields["language"].choices)
        self.fields["language"].help_text = _("E-mails and text messages go out in this language.")
        self.fields["language"].required = False  # kept as it is when not sent

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["phone"] = cleaned_data.get("phone") or None
        given = cleaned_data.get("email") or cleaned_data.get("phone")
        if not given and "email" not in self.errors and "phone" not in self.errors:
            self.add_error("email", _("Enter an e-mail address or a mobile number."))
        cleaned_data["email"] = cleaned_data.get("email") or None
        cleaned_data["language"] = (
            cleaned_data.get("language") or self.instance.language or settings.LANGUAGE_CODE
        )
        return cleaned_data


class FairUserCreationForm(RightsLimitedUserForm, ContactsUserForm, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"phone", "language"}


class FairUserEditForm(RightsLimitedUserForm, ContactsUserForm, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"phone", "language"}


class EditorFormKwargsMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}


class OutrankedRefusedMixin:
    """Refuses an account that may do more than the one signed in."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if user_outranks(user=obj, editor=self.request.user):
            raise PermissionDenied
        return obj


class UserCreateView(EditorFormKwargsMixin, users.CreateView):
    pass


class UserEditView(OutrankedRefusedMixin, EditorFormKwargsMixin, users.EditView):
    pass


class UserCopyView(OutrankedRefusedMixin, EditorFormKwargsMixin, users.generic.CopyView):
    pass


class UserDeleteView(OutrankedRefusedMixin, users.DeleteView):
    pass


class UserViewSet(users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    copy_view_class = UserCopyView
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update=False):
        return FairUserEditForm if for_update else FairUserCreationForm


class GroupRightsCheckedMixin:
    """A group is saved only if it gives nothing beyond the rights of the one saving it; the
    group's permissions, page and collection permissions are saved together, so they are
    checked together, after saving, and undone if they go too far."""

    def process_form(self):
        try:
            with transaction.atomic():
                response = super().process_form()
                saved = getattr(self, "object", None)
                if (
                    saved is not None
                    and saved.pk
                    and group_outranks(group=saved, editor=self.request.user)
                ):
                    raise PermissionDenied
        except PermissionDenied:
            # The success message of the undone save is dropped.
            list(messages.get_messages(self.request))
            form = self.get_form()
            form.is_valid()
            form.add_error(None, OUTRANKING_GROUPS)
            return self.form_invalid(form)
        return response


class GroupCreateView(GroupRightsCheckedMixin, groups.CreateView):
    pass


class GroupEditView(GroupRightsCheckedMixin, groups.EditView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if group_outranks(group=obj, editor=self.request.user):
            raise PermissionDenied
        return obj


class GroupDeleteView(groups.DeleteView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if group_outranks(group=obj, editor=self.request.user):
            raise PermissionDenied
        return obj


class GroupViewSet(groups.GroupViewSet):
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
    delete_view_class = GroupDeleteView


class OutrankedSkippedMixin:
    """A bulk action on accounts leaves out those that may do more than the one acting."""

    def check_perm(self, obj):
        return super().check_perm(obj) and not user_outranks(user=obj, editor=self.request.user)


class GrantableRoleForm(RoleForm):
    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        if editor is not None:
            self.fields["role"].queryset = groups_grantable(editor=editor)


class FairAssignRoleBulkAction(OutrankedSkippedMixin, AssignRoleBulkAction):
    form_class = GrantableRoleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}


class FairDeleteBulkAction(OutrankedSkippedMixin, DeleteBulkAction):
    pass


class FairSetActiveStateBulkAction(OutrankedSkippedMixin, SetActiveStateBulkAction):
    pass


BULK_ACTIONS = (FairAssignRoleBulkAction, FairDeleteBulkAction, FairSetActiveStateBulkAction)
