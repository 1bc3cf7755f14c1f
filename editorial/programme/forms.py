"""Admin forms: a parent validated together with its inline rows; the topic's pipeline."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Workflow

from editorial.desk.articles import hub_page_for
from editorial.models.plans import PlanItem
from editorial.pipelines.routing import assign_pipeline


class AnnualPlanForm(WagtailAdminModelForm):
    """An annual plan with its items: every item must fall due within the plan's year.

    ``PlanItem.clean()`` can only see the year of a plan that already exists, and a new
    item has no plan yet; the year being saved is known only here. So the check runs once
    the plan and every item form have been cleaned, and puts the error on the item's own
    ``due_date`` field. Wagtail saves nothing unless the whole form is valid.
    """

    def is_valid(self) -> bool:
        valid = super().is_valid()
        year = self.cleaned_data.get("year") if hasattr(self, "cleaned_data") else None
        items = self.formsets.get("items")
        if not year or items is None:
            return valid
        for form in items.forms:
            cleaned = getattr(form, "cleaned_data", {})
            due_date = cleaned.get("due_date")
            if cleaned.get("DELETE") or due_date is None or "due_date" in form.errors:
                continue
            error = PlanItem(due_date=due_date).due_date_error(year)
            if error:
                form.add_error("due_date", error)
                valid = False
        return valid


class TopicForm(WagtailAdminModelForm):
    """A topic with its publication pipeline, which is stored only where Wagtail reads
    it: the workflow assigned to the topic's hub page (``editorial.pipelines.routing``).
    Wagtail's Workflows screen edits the same assignment."""

    pipeline = forms.ModelChoiceField(
        queryset=Workflow.objects.filter(active=True).order_by("name"),
        required=False,
        label=_("publication pipeline"),
        help_text=_(
            "The approval workflow every article filed under this topic passes through. "
            "Changing it applies to the next submission. Left empty, articles take the "
            "pipeline assigned to the programme page (the standard one)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("pipeline")  # only for those who manage workflows
        self.hub = hub_page_for(self.instance) if self.instance.pk else None
        if field is None:
            return
        if self.hub is None:
            field.disabled = True
            field.help_text = _(
                "The topic has no hub page yet: create its hub under the programme page, "
                "then choose the pipeline here."
            )
        else:
            field.initial = self.instance.pipeline

    def save(self, commit=True):
        topic = super().save(commit=commit)
        field = self.fields.get("pipeline")
        if field is not None and not field.disabled and self.hub is not None:
            assign_pipeline(self.hub, self.cleaned_data.get("pipeline"))
        return topic
