"""The cache: Redis, shared by every web process; and when Redis does not answer, a cache
that misses rather than a site that fails.

A failed call opens a short break (`BREAK_SECONDS`) during which this process does not try
Redis at all: pages are then counted or rendered afresh, rate limits let requests through,
and nobody waits on a timeout per cache call. The first call after the break tries again.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)
BREAK_SECONDS = 5.0


class ResilientRedisCache(RedisCache):
    _down_until = 0.0  # per process: when to try Redis again

    def _call(self, fallback, method, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return fallback
        try:
            return method(*args, **kwargs)
        except FAILURES:
            if ResilientRedisCache._down_until == 0.0 or logger.isEnabledFor(logging.DEBUG):
                logger.warning("Redis does not answer: the cache misses for %ss", BREAK_SECONDS)
            ResilientRedisCache._down_until = time.monotonic() + BREAK_SECONDS
            return fallback

    @classmethod
    def reset(cls):
        """Try Redis again at the next call (for tests, and after a known recovery)."""
        cls._down_until = 0.0

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read counts this call only (rate limits let it through).
        return self._call(delta, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)
