"""Run as a script: eight threads each do read-modify-write transactions on one SQLite file.

With the site's SQLite options every transaction waits for the write lock instead of failing
with "database is locked", and no update is lost. Prints the final counter and the errors.
"""

import os
import sys
import threading

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
django.setup()

from django.db import connection, transaction  # noqa: E402

THREADS, ROUNDS = 8, 15
errors: list[str] = []


def work():
    try:
        for _round in range(ROUNDS):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                (n,) = cursor.fetchone()
                cursor.execute("UPDATE counter SET n = %s", [n + 1])
    except Exception as error:  # reported to the test, which fails on any
        errors.append(repr(error))
    finally:
        connection.close()


with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE counter (n integer)")
    cursor.execute("INSERT INTO counter VALUES (0)")
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
connection.close()
threads = [threading.Thread(target=work) for _ in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter")
    total = cursor.fetchone()[0]
print(journal_mode, total, THREADS * ROUNDS, len(errors), errors[:1])
sys.exit(0)
