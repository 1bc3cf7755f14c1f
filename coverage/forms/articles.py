"""The article editor's form."""

from django import forms
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from coverage.publication import body_images, publication_problems
from editorial.pipelines.authorship import not_writers
from editorial.pipelines.reviewers import reviewer_candidates
from editorial.text import person_name


class ArticlePageForm(WagtailAdminPageForm):
    """Requires the sapo to publish or submit for review, not to save a draft; checks
    credits and bylines when the content is about to go live.

    The model allows a blank sapo so a draft can exist before the lead is written
    (e.g. started from an assignment); Wagtail defers non-title required fields on a
    plain draft save and enforces them on every other action.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sapo" in self.fields:
            self.fields["sapo"].required = True
        if "requested_reviewer" in self.fields:
            candidates = reviewer_candidates()
            if self.instance.pk:  # nobody reviews their own article
                candidates = not_writers(candidates, self.instance)
            self.fields["requested_reviewer"].queryset = candidates
            self.fields["requested_reviewer"].label_from_instance = person_name
        # Wagtail renders the editor's panels twice (the HTML, and the data its scripts
        # read), and a model choice list queries again on each render: list them once
        # (through iter(), as list() would first ask the database for a count).
        for name in ("organisations", "plan_item", "requested_reviewer"):
            if name in self.fields:
                self.fields[name].choices = list(iter(self.fields[name].choices))

    def _going_live(self) -> bool:
        """Publish now or on schedule, or approve the pipeline's last step."""
        if self.data.get("action-publish"):
            return True
        if self.data.get("action-workflow-action") and (
            self.data.get("workflow-action-name") == "approve"
        ):
            state = self.instance.current_workflow_state if self.instance.pk else None
            return bool(state and state.is_at_final_task)
        return False

    def _byline_count(self) -> int:
        formset = self.formsets.get("bylines")
        if formset is None or not formset.is_valid():
            return 0
        return sum(
            1
            for form in formset.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        )

    def clean(self):
        cleaned = super().clean()
        self._keep_embargo(cleaned)
        if not self._going_live():
            return cleaned
        problems = publication_problems(
            sapo=cleaned.get("sapo") or ("-" if "sapo" in self.errors else ""),
            byline_count=self._byline_count(),
            images=[cleaned.get("hero_image"), *body_images(cleaned.get("body"))],
        )
        if self.data.get("action-publish"):
            problems += self._embargo_problems(cleaned)
        if problems:
            # Plain-text items, one per problem: Wagtail lists a form's errors in its
            # message as text (HTML in them would show as tags).
            raise forms.ValidationError(
                [forms.ValidationError(_("This article cannot be published yet:"))]
                + [forms.ValidationError(problem.message) for problem in problems]
            )
        return cleaned

    def _embargo_problems(self, cleaned) -> list:
        """Publish (not a pipeline approval, which schedules for the embargo) before the
        embargo time: say so here, where the times can be changed."""
        from types import SimpleNamespace

        from coverage.embargo import embargo_message, going_live_at, under_embargo
        from coverage.publication import Problem

        times = SimpleNamespace(
            embargo_until=cleaned.get("embargo_until"), go_live_at=cleaned.get("go_live_at")
        )
        if under_embargo(times, at=going_live_at(times)):
            return [Problem(embargo_message(times))]
        return []

    def _keep_embargo(self, cleaned) -> None:
        """Lifting or bringing forward an embargo that holds is the editor-in-chief's
        call (``coverage.embargo``): anyone else keeps it or moves it later."""
        from coverage.embargo import BREAK_EMBARGO, under_embargo

        if "embargo_until" not in self.fields or not self.instance.pk:
            return
        before = self.instance.embargo_until
        after = cleaned.get("embargo_until")
        if not under_embargo(self.instance) or (after is not None and after >= before):
            return
        user = getattr(self, "for_user", None)
        if user is None or not user.has_perm(BREAK_EMBARGO):
            self.add_error(
                "embargo_until",
                _("Only the editor-in-chief can lift an embargo or bring it forward."),
            )
