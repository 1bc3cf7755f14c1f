"""Factories for both apps: ``tests.factories.editorial`` and ``tests.factories.coverage``.

The suite builds data one way: these factories (and the fixtures built on them in
``tests/support/``), or the shared demo state through the ``demo`` fixture.
"""

from tests.factories.coverage import (
    HANOI,
    CreditedImageFactory,
    image_file,
    local,
    make_article,
    programme_facts,
    publish,
    site_tree,
)
from tests.factories.editorial import (
    AssignmentFactory,
    AuthorFactory,
    BeatAssignmentFactory,
    BeatFactory,
    BeatLogEntryFactory,
    OrganisationFactory,
    PlanFactory,
    PlanItemFactory,
    ProgrammeFactory,
    TopicFactory,
)

__all__ = [
    "HANOI",
    "AssignmentFactory",
    "AuthorFactory",
    "BeatAssignmentFactory",
    "BeatFactory",
    "BeatLogEntryFactory",
    "CreditedImageFactory",
    "OrganisationFactory",
    "PlanFactory",
    "PlanItemFactory",
    "ProgrammeFactory",
    "TopicFactory",
    "image_file",
    "local",
    "make_article",
    "programme_facts",
    "publish",
    "site_tree",
]
