"""How one object of each kind reads in the API, as plain dicts.

Each function reads only what the endpoint's queryset prefetched (see
``coverage.api.endpoints``), so a list page costs the same queries whatever its length.
Only public fields: an author's account, an image's uploader or collection, an
article's plan item, reviewer, revisions and workflow never appear.
"""

from __future__ import annotations

from wagtail.api.utils import get_full_url

from coverage.models import ArticlePage, CreditedImage, TopicHubPage
from editorial.models import Author, Organisation


def print_issue(article: ArticlePage, request=None) -> dict | None:
    """The print issue the article also ran in (its slot in a live issue's lineup), or
    None: the one place the API reads it (the schema's ``PrintIssue``)."""
    slot = article.print_slot
    if slot is None:
        return None
    issue = slot.issue
    return {
        "number": issue.number,
        "label": issue.dated_label,
        "kind": issue.kind,
        "print_date": issue.print_date.isoformat(),
        "html_url": issue.get_full_url(request),
        "start_page": slot.start_page,
        "end_page": slot.end_page,
    }


# An image's public fields; credit and caption are on every image the API shows.
IMAGE_FIELDS = {
    "title": lambda picture: picture.title,
    "caption": lambda picture: picture.caption,
    "alt": lambda picture: picture.default_alt_text,
    "credit": lambda picture: picture.credit,
    "credit_line": lambda picture: picture.credit_line,
    "source_agency": lambda picture: picture.source_agency,
    "photographer": lambda picture: picture.photographer,
    "licence": lambda picture: picture.licence,
    "width": lambda picture: picture.width,
    "height": lambda picture: picture.height,
    "url": lambda picture: picture.file.url,  # made absolute by ``image``
}


def image(picture: CreditedImage | None, request=None) -> dict | None:
    """A photo with its credit and caption: every image the API shows goes through here."""
    if picture is None:
        return None
    data = {"id": picture.pk, **{name: read(picture) for name, read in IMAGE_FIELDS.items()}}
    data["url"] = absolute_url(request, data["url"])
    return data


def absolute_url(request, path: str) -> str:
    """The original file's address with the site's scheme and host (Wagtail API's rule)."""
    return get_full_url(request, path) if request is not None else path


def author(person: Author) -> dict:
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "academic_title": person.academic_title,
        "display_name": person.display_name,
        "position": person.position,
        "slug": person.slug,
    }


def organisation(body: Organisation) -> dict:
    return {
        "id": body.pk,
        "name": body.name,
        "short_name": body.short_name,
        "slug": body.slug,
    }


def topic(hub: TopicHubPage | None) -> dict | None:
    """The article's topic as its hub page (the id the topics endpoint and filter use)."""
    if hub is None:
        return None
    return {
        "id": hub.pk,
        "title": hub.title,
        "number": hub.topic.number,
        "name": hub.topic.name,
        "name_en": hub.topic.name_en,
    }


def body_image_ids(article: ArticlePage) -> list[int]:
    """The ids the body's image blocks point at, read from the stored JSON (no query)."""
    return [
        raw["value"].get("image")
        for raw in article.body.raw_data
        if raw.get("type") == "image" and isinstance(raw.get("value"), dict)
    ]


def body_blocks(article: ArticlePage, images: dict[int, CreditedImage], request=None) -> list:
    """The body as StreamField JSON (Wagtail's API form), each image block with its photo.

    Rich text stays HTML with internal links resolved; an image block's ``image`` is the
    full photo (credit and the photo desk's caption) from ``images`` (fetched once for the
    whole page of articles) instead of a bare id, and its ``caption`` is the one printed
    under it: the block's own, else the photo's.
    """
    blocks = []
    for index, raw in enumerate(article.body.raw_data):
        if raw.get("type") == "image":
            stored = raw.get("value") or {}
            picture = images.get(stored.get("image"))
            value = {
                "image": image(picture, request),
                "caption": stored.get("caption") or (picture.caption if picture else ""),
            }
        else:
            child = article.body[index]
            value = child.block.get_api_representation(child.value)
        blocks.append({"type": raw.get("type"), "value": value, "id": raw.get("id")})
    return blocks
