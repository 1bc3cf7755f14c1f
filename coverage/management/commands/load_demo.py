"""`manage.py load_demo`: the demo newsroom. Idempotent; refused on production settings.

It lives in coverage because it builds the whole site: coverage may know editorial,
never the other way round (editorial's own demo builders are in editorial/demo/).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from coverage.demo import load_coverage
from coverage.demo.issues import load_issues
from coverage.demo.pipeline import load_pipeline_articles
from coverage.demo.site import load_site
from coverage.demo.workflows import load_pipelines
from editorial.demo.desk import load_desk
from editorial.demo.exchange import load_exchange, load_meetings
from editorial.demo.organisations import load_organisations
from editorial.demo.people import demo_logins, load_people
from editorial.demo.plans import load_events, load_plans
from editorial.demo.programme import load_programme, load_topics
from editorial.demo.users import load_users
from editorial.indexing import deferred_indexing
from editorial.roles import sync_roles


class Command(BaseCommand):
    help = "Load the demo programme, newsroom and coverage. Safe to run twice."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Demo content is disabled in these settings (DEMO_CONTENT_ALLOWED is off): "
                "demo users have a published password and must never exist in production."
            )
        password = settings.DEMO_PASSWORD
        if not password:
            raise CommandError("Set DEMO_PASSWORD to the password the demo users should get.")
        # One transaction, and the search and reference indexes written once at the end
        # (editorial.indexing): complete when the command returns, whatever task backend.
        with transaction.atomic(), deferred_indexing():
            home = load_site()
            groups = sync_roles(home)
            load_users(password, groups)
            organisations = load_organisations()
            load_people(organisations)
            programme = load_programme(organisations)
            topics = load_topics(programme, organisations)
            plans = load_plans(programme, topics, organisations)
            load_events(plans, topics, organisations)
            load_coverage(home, log=self.stdout.write)
            load_desk()  # after the programme and coverage demo: it links to both
            load_exchange()  # on the desk's beats
            load_meetings()
            load_pipelines(groups)
            load_pipeline_articles()
            load_issues(home, log_line=self.stdout.write)  # lineups name the desk's assignments
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(f"Demo logins (password: {password}):")
        for username, position in demo_logins():
            self.stdout.write(f"  {username:<16} {position}")
