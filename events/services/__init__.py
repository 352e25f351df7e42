from .editions import edition_make_current

__all__ = ["edition_make_current"]
