"""Run one action from many threads released at the same instant, as concurrent requests are."""

import threading

from celery._state import _set_task_join_will_block
from django.db import connection


def at_once(action, arguments: list) -> list:
    """Call `action(argument)` in one thread per argument, all started together, each with a
    database connection of its own. Returns, in the order of `arguments`, what each call
    returned or the exception it raised."""
    start = threading.Barrier(len(arguments))
    outcomes: list = [None] * len(arguments)

    def run(index, argument):
        try:
            start.wait()
            outcomes[index] = action(argument)
        except Exception as error:  # handed back to the test, which judges it
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Tasks run in-process (eager) mark the whole process as "inside a task" while they run,
    # and threads finishing in another order than they began can leave that mark behind.
    _set_task_join_will_block(False)
    return outcomes
