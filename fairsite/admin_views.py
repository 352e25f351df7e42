"""Small pieces shared by the apps' Wagtail admin screens."""

from django.urls import reverse
from wagtail.admin.widgets import HeaderButton


class ExtraHeaderButtonsMixin:
    """For an index view: buttons of its own beside Wagtail's, as (label, URL name, icon)."""

    extra_header_buttons = ()

    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            *(
                HeaderButton(label, url=reverse(url_name), icon_name=icon)
                for label, url_name, icon in self.extra_header_buttons
            ),
        ]
