"""A task for the outage tests' worker process to run: it needs no table but its own row."""

from django_tasks import task


@task()
def echo(word: str) -> str:
    return word
