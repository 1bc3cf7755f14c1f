"""The public read API at /api/v2/: live coverage for partners and aggregators.

Built on Wagtail API v2 (its viewsets, router, pagination and field selection). Every
endpoint starts from what anonymous readers may see on the site (``coverage.api.sources``),
so drafts, pages in a pipeline, scheduled, restricted or embargoed pages, and everything
editorial (briefs, beat logs, comments, revisions) are never reachable through it.
"""
