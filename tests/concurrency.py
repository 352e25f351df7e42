"""Run one action from many threads released at the same instant, as concurrent requests are."""

import threading

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
    return outcomes
