"""The one vocabulary of what participants offer and seek: the exhibitors' product categories
(one list with the directory's and the applications') and the services of the meetings.

A topic is stored by its code; its words come from the choices, in the reader's language.
"""

from b2b.choices import ServiceTopic
from exhibitors.choices import ProductCategory

TOPICS = [
    *((code, label) for code, label in ProductCategory.choices if code != ProductCategory.OTHER),
    *ServiceTopic.choices,
]
TOPIC_LABELS = dict(TOPICS)


def topic_label(code: str) -> str:
    """The topic's name in the active language; an unknown code (a topic since retired) is
    shown as it is stored."""
    return str(TOPIC_LABELS.get(code, code))
