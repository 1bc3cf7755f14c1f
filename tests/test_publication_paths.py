"""Every path to live runs the publication checks (issue 14): the article itself refuses
to go live with problems, so bulk Publish, a pipeline's last step, scheduled go-live,
revert-and-publish and copy-and-publish all meet the same refusal."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset

from coverage.models import ArticlePage, CreditedImage
from editorial.pipelines.checks import PublicationRefused
from editorial.pipelines.go_live import WITHHELD
from editorial.pipelines.scheduler import tick
from tests.support.pipelines import (
    client_for,
    credited_image,
    current_state,
    draft_article,
    edit_post_data,
    edit_url,
    user,
)

pytestmark = pytest.mark.django_db


def uncredit(image) -> None:
    CreditedImage.objects.filter(pk=image.pk).update(source_agency="", photographer="")


def test_an_article_with_problems_refuses_every_publish_call(demo):
    article = draft_article(1, sapo="")
    with pytest.raises(PublicationRefused) as refused:
        article.save_revision(user=user("tongbientap")).publish(user=user("tongbientap"))
    assert gettext("The sapo (lead paragraph) is empty.") in refused.value.messages[0]
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_bulk_publish_refuses_an_uncredited_hero_and_publishes_nothing(demo, demo_password):
    good = draft_article(1)
    bad = draft_article(1, hero_image=credited_image(title="Ảnh chưa ghi nguồn"))
    uncredit(bad.hero_image)
    chief = client_for("tongbientap", demo_password)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = f"?id={good.pk}&id={bad.pk}&next=/admin/pages/{bad.get_parent().pk}/"

    response = chief.post(url + query, {"include_descendants": ""}, follow=True)

    assert not ArticlePage.objects.get(pk=bad.pk).live
    assert not ArticlePage.objects.get(pk=good.pk).live  # all or nothing
    content = response.content.decode()
    assert "Ảnh chưa ghi nguồn" in content
    assert reverse("wagtailimages:edit", args=[bad.hero_image.pk]) in content

    # Credited, the same bulk action publishes both.
    CreditedImage.objects.filter(pk=bad.hero_image.pk).update(source_agency="VGP")
    chief.post(url + query, {"include_descendants": ""})
    assert ArticlePage.objects.get(pk=bad.pk).live
    assert ArticlePage.objects.get(pk=good.pk).live


def test_scheduled_go_live_is_withheld_when_a_credit_was_removed_after_sign_off(
    demo, django_capture_on_commit_callbacks
):
    start = timezone.now()
    article = draft_article(5)
    article.go_live_at = start + dt.timedelta(hours=2)
    revision = article.save_revision(user=user("phongvien"))
    article.get_workflow().start(article, user("phongvien"))
    state = current_state(article)
    state.task.specific.on_action(state, state.specific.reviewer, "approve")
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None  # signed off, waiting for its time

    uncredit(article.hero_image)  # the photo desk loses the credit after approval
    mail.outbox.clear()
    later = time_machine.travel(start + dt.timedelta(hours=3), tick=False)
    with later, django_capture_on_commit_callbacks(execute=True):
        result = tick()

    assert result["withheld"] == 1
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    entry = PageLogEntry.objects.get(page=article, action=WITHHELD)
    assert entry.revision_id == revision.pk
    assert "Ảnh chính" in " ".join(entry.data["problems"])
    told = [m for m in mail.outbox if "Chưa đăng theo lịch" in m.subject]
    assert told, "nobody was told the article did not go live"
    assert all("Ảnh chính" in message.body for message in told)
    recipients = {address for message in told for address in message.to}
    assert user("phongvien").email in recipients


def test_last_step_approval_refuses_and_records_nothing(demo):
    article = draft_article(5, sapo="")
    article.get_workflow().start(article, user("phongvien"))
    state = current_state(article)
    with pytest.raises(PublicationRefused):
        state.task.specific.on_action(state, state.specific.reviewer, "approve")
    state.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS  # the step was not approved
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_revert_and_publish_runs_the_checks(demo, demo_password):
    article = draft_article(1)
    old = article.get_latest_revision()
    article.save_revision(user=user("phongvien")).publish(user=user("tongbientap"))
    uncredit(article.hero_image)
    chief = client_for("tongbientap", demo_password)
    data = edit_post_data(article)
    data["revision"] = str(old.pk)
    data["action-publish"] = "Publish"
    response = chief.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, old.pk]), data
    )
    assert response.status_code == 200  # the editor again, with the problems listed
    assert "Ảnh chính" in response.content.decode()
    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live_revision_id != old.pk  # the reverted version did not go live


def test_copy_kept_live_is_refused_when_the_copy_would_go_live_with_problems(demo):
    article = draft_article(1)
    article.save_revision(user=user("tongbientap")).publish(user=user("tongbientap"))
    uncredit(article.hero_image)
    live = ArticlePage.objects.get(pk=article.pk)
    before = ArticlePage.objects.count()
    with pytest.raises(PublicationRefused):
        CopyPageAction(
            live,
            to=live.get_parent(),
            update_attrs={"title": "Bản sao", "slug": "ban-sao"},
            keep_live=True,
            user=user("tongbientap"),
        ).execute()
    assert not ArticlePage.objects.filter(slug="ban-sao").exists()
    assert ArticlePage.objects.count() == before  # the copy was rolled back whole


def test_the_editor_lists_the_problems_as_text_a_person_reads(demo, demo_password):
    article = draft_article(1)
    uncredit(article.hero_image)
    data = edit_post_data(article)
    data["action-publish"] = "Publish"
    response = client_for("tongbientap", demo_password).post(edit_url(article), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert gettext("This article cannot be published yet:") in content
    assert "&lt;ul&gt;" not in content and "&lt;li&gt;" not in content  # no raw markup
    assert "Ảnh &quot;Ảnh chính&quot;" in content or 'Ảnh "Ảnh chính"' in content


def test_publishing_without_a_byline_says_so_once_in_vietnamese_and_keeps_the_draft(
    demo, demo_password
):
    """One rule for bylines, the article's own check: no formset minimum beside it
    ("Please submit at least 1 form." in English), and a draft may be saved without one."""
    from django.utils import translation

    article = draft_article(1)
    bylines = [{"id": b.pk, "author": b.author_id, "DELETE": "1"} for b in article.bylines.all()]
    assert bylines
    data = edit_post_data(article, bylines=inline_formset(bylines, initial=len(bylines)))
    chief = client_for("tongbientap", demo_password)

    response = chief.post(
        edit_url(article), data | {"action-publish": "action-publish"}, follow=True
    )

    content = response.content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).live
    with translation.override("vi"):
        assert gettext("The article has no byline.") in content
    assert "Please submit at least" not in content
    assert "&lt;ul&gt;" not in content  # the problems are a list, not escaped markup
    # The form comes back as typed (the byline still removed), and it saves as a draft.
    assert response.status_code == 200
    assert response.context["form"].formsets["bylines"].forms[0].cleaned_data["DELETE"]
    assert chief.post(edit_url(article), data).status_code == 302
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert not latest.bylines.exists()
