"""Reader-facing models, re-exported so Django and other apps import from one place."""

from coverage.models.images import CreditedImage, CreditedRendition
from coverage.models.pages import (
    ArticleByline,
    ArticleNotice,
    ArticlePage,
    AuthorIndexPage,
    HomePage,
    IssueSignOff,
    IssueSlot,
    OrganisationIndexPage,
    PrintIssueIndexPage,
    PrintIssuePage,
    ProgrammePage,
    ProofRound,
    TagIndexPage,
    TopicHubPage,
)
from coverage.models.tags import Tag, TaggedArticle

__all__ = [
    "ArticleByline",
    "ArticleNotice",
    "ArticlePage",
    "AuthorIndexPage",
    "CreditedImage",
    "CreditedRendition",
    "HomePage",
    "IssueSignOff",
    "IssueSlot",
    "OrganisationIndexPage",
    "PrintIssueIndexPage",
    "PrintIssuePage",
    "ProgrammePage",
    "ProofRound",
    "Tag",
    "TagIndexPage",
    "TaggedArticle",
    "TopicHubPage",
]
