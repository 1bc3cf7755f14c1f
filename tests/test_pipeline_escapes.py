"""Nobody leaves a pipeline (issue 14): not by moving the article to a hub with a lighter
pipeline, not by reviewing their own article. Through the real admin views."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from coverage.demo.workflows import POLITICAL_REVIEW
from coverage.models import ArticlePage, TopicHubPage
from editorial.models.pipelines import WRITER_OVERRIDE
from tests.support.pipelines import (
    act,
    client_for,
    current_state,
    draft_article,
    edit_post_data,
    edit_url,
    user,
)

pytestmark = pytest.mark.django_db

STANDARD_TOPIC, OTHER_STANDARD_TOPIC, EVENTS_TOPIC = 1, 3, 5


def hub(number: int) -> TopicHubPage:
    return TopicHubPage.objects.get(topic__number=number)


def move(client, article, destination):
    url = reverse("wagtailadmin_pages:move_confirm", args=[article.pk, destination.pk])
    return client.post(url)


def parent_of(article) -> TopicHubPage:
    return ArticlePage.objects.get(pk=article.pk).get_parent().specific


@pytest.mark.parametrize("mover", ["phongvien", "bientap"])
def test_an_article_cannot_move_to_a_hub_with_a_lighter_pipeline(demo, demo_password, mover):
    article = draft_article(STANDARD_TOPIC)
    client = client_for(mover, demo_password)

    response = move(client, article, hub(EVENTS_TOPIC))

    assert response.status_code in (302, 403)
    assert parent_of(article).pk == hub(STANDARD_TOPIC).pk


def test_an_article_in_review_cannot_move_even_to_its_old_pipeline_elsewhere(demo, demo_password):
    article = draft_article(EVENTS_TOPIC)
    article.get_workflow().start(article, user("phongvien"))
    # Standard hubs share a pipeline with each other, not with the review in progress.
    move(client_for("bientap", demo_password), article, hub(STANDARD_TOPIC))
    assert parent_of(article).pk == hub(EVENTS_TOPIC).pk


def test_moves_that_keep_the_pipeline_are_allowed(demo, demo_password):
    article = draft_article(STANDARD_TOPIC)
    response = move(client_for("bientap", demo_password), article, hub(OTHER_STANDARD_TOPIC))
    assert response.status_code == 302
    assert parent_of(article).pk == hub(OTHER_STANDARD_TOPIC).pk


def test_the_editor_in_chief_may_move_an_article_to_another_pipeline(demo, demo_password):
    article = draft_article(STANDARD_TOPIC)
    move(client_for("tongbientap", demo_password), article, hub(EVENTS_TOPIC))
    assert parent_of(article).pk == hub(EVENTS_TOPIC).pk
    assert PageLogEntry.objects.filter(page=article, action="wagtail.move").exists()


@pytest.mark.parametrize(
    ("username", "destination", "shown"),
    [
        ("tongbientap", EVENTS_TOPIC, True),
        ("bientap", OTHER_STANDARD_TOPIC, True),
        ("bientap", EVENTS_TOPIC, False),
        ("phongvien2", OTHER_STANDARD_TOPIC, False),
        ("bananh", OTHER_STANDARD_TOPIC, False),
    ],
)
def test_the_move_confirmation_is_shown_only_for_a_move_the_user_may_make(
    demo, demo_password, username, destination, shown
):
    article = draft_article(STANDARD_TOPIC)
    url = reverse("wagtailadmin_pages:move_confirm", args=[article.pk, hub(destination).pk])
    response = client_for(username, demo_password).get(url)
    if shown:
        assert response.status_code == 200
        assert article.title in response.content.decode()
    else:
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_an_editor_cannot_review_his_own_article(demo, demo_password):
    editor = user("bientap")
    article = draft_article(EVENTS_TOPIC, owner="bientap", requested_reviewer=editor)
    client = client_for("bientap", demo_password)

    # The article form does not offer him as its reviewer.
    data = edit_post_data(article, requested_reviewer=editor.pk)
    data["action-submit"] = "Submit"
    response = client.post(edit_url(article), data)
    assert response.status_code == 200  # the form again
    assert "requested_reviewer" in response.context["form"].errors
    assert current_state(article) is None

    # Named on the draft anyway (saved before this rule), he is passed over when he submits.
    article.get_workflow().start(ArticlePage.objects.get(pk=article.pk), editor)
    state = current_state(article)
    assert state is not None, "the article was not submitted"
    assert state.specific.reviewer_id != editor.pk  # passed over for the next in line
    assert state.task.specific.get_actions(ArticlePage.objects.get(pk=article.pk), editor) == []
    response = act(client, article, "approve")
    assert response.status_code == 403
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert current_state(article).status == "in_progress"


def test_a_group_step_is_not_offered_to_the_article_s_writer(demo):
    # The board member who wrote a sensitive article does not take its political review.
    article = draft_article(2, owner="bientap2")  # bientap2 sits on the editorial board
    article.get_workflow().start(article, user("phongvien"))
    state = current_state(article)
    # Move the review on to the group step the writer belongs to.
    reviewer = state.specific.reviewer or user("tongbientap")
    state.task.specific.on_action(state, reviewer, "approve")
    state = current_state(article)
    assert state.task.specific.name == POLITICAL_REVIEW
    article = ArticlePage.objects.get(pk=article.pk)
    assert state.task.specific.get_actions(article, user("photongbientap"))  # the other member
    assert state.task.specific.get_actions(article, user("bientap2")) == []


def test_the_editor_in_chief_acting_on_his_own_article_is_recorded(demo):
    article = draft_article(EVENTS_TOPIC, owner="tongbientap")
    article.get_workflow().start(article, user("tongbientap"))
    state = current_state(article)
    chief = user("tongbientap")
    state.task.specific.on_action(state, chief, "approve")
    assert ArticlePage.objects.get(pk=article.pk).live
    entry = PageLogEntry.objects.get(page=article, action=WRITER_OVERRIDE)
    assert entry.user_id == chief.pk
