"""Admin forms that validate a parent together with its inline rows."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm

from editorial.models.plans import PlanItem


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
