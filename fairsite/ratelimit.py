"""A fixed-window counter in the cache, for forms that anyone may post (Redis in production,
so that every web process counts together)."""

import hashlib
import time

from allauth.account.adapter import get_adapter
from django.core.cache import cache


def allow(key: str, *, limit: int, period: int) -> bool:
    """Count one more use of `key`; False once `limit` uses were counted in this `period` (s)."""
    window = int(time.time() // period)
    # Keys name addresses and numbers ("visit-email:…"): the cache keeps only their digest.
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    name = f"ratelimit:{digest}:{window}"
    cache.add(name, 0, timeout=period + 1)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=period + 1)
        count = 1
    return count <= limit


def client_ip(request) -> str:
    """The visitor's address, as allauth's rate limits see it: behind nginx (and perhaps a load
    balancer), from X-Forwarded-For, trusting as many hops as TRUSTED_PROXY_COUNT says."""
    return get_adapter(request).get_client_ip(request)
