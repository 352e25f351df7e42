from .mail import OutboundEmail
from .pages import HomePage, NewsArticlePage, NewsIndexPage, PrivacyPage, StandardPage
from .site_settings import SiteSettings
from .sms import OutboundSms
from .users import User

__all__ = [
    "HomePage",
    "NewsArticlePage",
    "NewsIndexPage",
    "OutboundEmail",
    "OutboundSms",
    "PrivacyPage",
    "SiteSettings",
    "StandardPage",
    "User",
]
