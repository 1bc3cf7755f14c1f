"""Page classes of the public site, one module per kind of page."""

from coverage.models.pages.articles import ArticleByline, ArticlePage
from coverage.models.pages.home import HomePage
from coverage.models.pages.hubs import TopicHubPage
from coverage.models.pages.indexes import AuthorIndexPage, OrganisationIndexPage, TagIndexPage
from coverage.models.pages.issues import (
    IssueSignOff,
    IssueSlot,
    PrintIssueIndexPage,
    PrintIssuePage,
    ProofRound,
)
from coverage.models.pages.notices import ArticleNotice
from coverage.models.pages.programme import ProgrammePage

__all__ = [
    "ArticleByline",
    "ArticleNotice",
    "ArticlePage",
    "AuthorIndexPage",
    "HomePage",
    "IssueSignOff",
    "IssueSlot",
    "OrganisationIndexPage",
    "PrintIssueIndexPage",
    "PrintIssuePage",
    "ProgrammePage",
    "ProofRound",
    "TagIndexPage",
    "TopicHubPage",
]
