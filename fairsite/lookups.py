"""`in` and `range` on integer columns with numbers no column can hold.

Django already answers `exact`, `gt` and the like sensibly for an out-of-range number, but
hands `in` and `range` to the database as they are, and SQLite refuses them with an
OverflowError: an admin filter given `?group=99999999999999999999` or a usage count of as
much became a server error. Here such a number matches nothing, as it would on PostgreSQL.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In, Range


def _bounds(lookup, connection) -> tuple[int | None, int | None]:
    return connection.ops.integer_field_range(lookup.lhs.output_field.get_internal_type())


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = _bounds(self, connection)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
            if not self.rhs:
                raise EmptyResultSet
        return super().process_rhs(compiler, connection)


@IntegerField.register_lookup
class IntegerFieldRange(Range):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = _bounds(self, connection)
            start, end = self.rhs
            if isinstance(start, int) and high is not None and start > high:
                raise EmptyResultSet
            if isinstance(end, int) and low is not None and end < low:
                raise EmptyResultSet
            # Clamped to what the column holds: the same rows.
            if isinstance(start, int) and low is not None:
                start = max(start, low)
            if isinstance(end, int) and high is not None:
                end = min(end, high)
            self.rhs = (start, end)
        return super().process_rhs(compiler, connection)
