"""The schedule grid: a day of the edition laid out room by room, time down, for the
organisers' schedule page. Objects in, layout out: no queries."""

import dataclasses
import datetime
import math
import zoneinfo

from programme.models import Room, Session
from programme.services.sessions import Clash

# The schedule: a day of the edition as a grid, rooms across and time down, in slots of
# SLOT minutes from DAY_FROM to DAY_UNTIL at least (further when sessions start earlier or
# end later).
SLOT = 15
DAY_FROM = 8 * 60
DAY_UNTIL = 20 * 60


@dataclasses.dataclass
class ScheduleBlock:
    session: Session
    column: int
    row_start: int
    row_end: int
    starts: datetime.datetime
    ends: datetime.datetime
    hard: bool
    soft: bool
    lane: int = 0
    lanes: int = 1

    @property
    def time_label(self) -> str:
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"


def _minutes(moment: datetime.datetime, day: datetime.date) -> int:
    """Minutes since the day's midnight on the fair's clocks, within the day."""
    if moment.date() < day:
        return 0
    if moment.date() > day:
        return 24 * 60
    return moment.hour * 60 + moment.minute


def schedule_grid(
    *,
    sessions: list[Session],
    rooms: list[Room],
    day: datetime.date,
    zone: zoneinfo.ZoneInfo,
    clashes: dict[int, list[Clash]],
) -> dict:
    """Place one day's sessions: a column per room (and one for sessions with no room
    yet), a row per slot. Sessions that overlap in a column share it side by side."""
    columns = [{"room": room, "column": index + 2} for index, room in enumerate(rooms)]
    by_room = {room.pk: column["column"] for room, column in zip(rooms, columns, strict=True)}
    if any(session.room_id is None for session in sessions):
        columns.append({"room": None, "column": len(columns) + 2})
    spans = []
    for session in sessions:
        starts = session.starts_at.astimezone(zone)
        ends = session.ends_at.astimezone(zone)
        spans.append((session, starts, ends, _minutes(starts, day), _minutes(ends, day)))
    first = min([DAY_FROM, *(start for *_rest, start, _end in spans)])
    last = max([DAY_UNTIL, *(end for *_rest, end in spans)])
    first = first // 60 * 60
    last = min(24 * 60, math.ceil(last / 60) * 60)
    blocks = []
    for session, starts, ends, start, end in spans:
        own = clashes.get(session.pk, [])
        row_start = 2 + (start - first) // SLOT
        row_end = max(row_start + 1, 2 + math.ceil((end - first) / SLOT))
        blocks.append(
            ScheduleBlock(
                session=session,
                column=by_room.get(session.room_id, columns[-1]["column"]),
                row_start=row_start,
                row_end=row_end,
                starts=starts,
                ends=ends,
                hard=any(clash.hard for clash in own),
                soft=any(not clash.hard for clash in own),
            )
        )
    _share_columns(blocks)
    return _layout(columns, blocks, first, last)


def _layout(columns: list[dict], blocks: list[ScheduleBlock], first: int, last: int) -> dict:
    """The grid's columns (a room where sessions overlap is as many lanes wide), rows and
    hour labels, from `first` to `last` minutes of the day."""
    for column in columns:
        column["lanes"] = max(
            (block.lanes for block in blocks if block.column == column["column"]), default=1
        )
    return {
        "columns": columns,
        # A room where sessions overlap is as many rooms wide, so each stays readable.
        "template_columns": " ".join(
            [
                "var(--schedule-time)",
                *(
                    f"minmax(calc(var(--schedule-room) * {c['lanes']}), {c['lanes']}fr)"
                    for c in columns
                ),
            ]
        ),
        "lanes": sum(column["lanes"] for column in columns),
        "rows": (last - first) // SLOT,
        "hours": [
            {"label": f"{minute // 60:02d}:00", "row": 2 + (minute - first) // SLOT}
            for minute in range(first, last, 60)
        ],
        "blocks": blocks,
    }


def _share_columns(blocks: list[ScheduleBlock]) -> None:
    """Blocks that overlap in a column share it side by side: each takes the first free
    lane, and every block of an overlapping group knows how many lanes the group has."""
    by_column: dict[int, list[ScheduleBlock]] = {}
    for block in blocks:
        by_column.setdefault(block.column, []).append(block)
    for column_blocks in by_column.values():
        column_blocks.sort(key=lambda block: (block.row_start, block.row_end))
        group, lane_ends, group_end = [], [], 0
        for block in column_blocks:
            if block.row_start >= group_end:
                for member in group:
                    member.lanes = len(lane_ends)
                group, lane_ends = [], []
            free = [i for i, end in enumerate(lane_ends) if end <= block.row_start]
            block.lane = free[0] if free else len(lane_ends)
            if free:
                lane_ends[block.lane] = block.row_end
            else:
                lane_ends.append(block.row_end)
            group.append(block)
            group_end = max(group_end, block.row_end)
        for member in group:
            member.lanes = len(lane_ends)
