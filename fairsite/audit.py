"""The admin log ("History" in Wagtail) written by the services: each write service that a
person triggers takes `by` and records its action once, here, in the same transaction as the
change. Views never write to it. `by` None is the site itself (a task, a command, the sample
data), shown as "system".
"""

from wagtail.log_actions import log


def audit_log(
    *, instance, action: str, by, content_changed: bool = False, data: dict | None = None
) -> None:
    """Record that `by` did `action` (a registered log action, e.g. "wagtail.edit" or
    "programme.session.published") to `instance`."""
    user = by if getattr(by, "is_authenticated", False) else None
    log(
        instance=instance,
        action=action,
        user=user,
        content_changed=content_changed,
        data=data or None,
    )
