"""Django's permissions, kept per process until the site's rights change (`fairsite.kept`).

Every signed-in page asks for the user's permissions (the header's link to the admin, the
portal's actions), and Django's ModelBackend reads them from the database at each request:
two queries, a tenth of a signed-in page's time. The rights change when a user's groups or
own permissions, or a group's permissions, change: those signals replace the content version
(`fairsite.apps`), and with it every kept copy.
"""

from django.contrib.auth.backends import ModelBackend

from fairsite.kept import kept


class KeptPermissionsBackend(ModelBackend):
    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cache_name = f"_{from_name}_perm_cache"
        if not hasattr(user_obj, cache_name):
            # A set shared by every request of the process: Django only reads it.
            permissions = kept(
                ("permissions", from_name, user_obj.pk, user_obj.is_superuser),
                lambda: super(KeptPermissionsBackend, self)._get_permissions(
                    user_obj, obj, from_name
                ),
            )
            setattr(user_obj, cache_name, permissions)
        return getattr(user_obj, cache_name)
