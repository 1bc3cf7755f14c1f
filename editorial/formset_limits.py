"""Every inline formset in the admin builds a bounded number of forms, whatever a POST claims.

A formset builds as many forms as its ``TOTAL_FORMS`` field says, up to ``absolute_max``,
which Django sets to ``max_num + 1000`` (2,000 when no ``max_num`` is given). One POST
of ``attachments-TOTAL_FORMS=100000`` to the beat log built, validated and re-rendered
2,000 attachment forms (18 s); an annual plan's ``items`` took over 60 s. The fields a
request may carry (``DATA_UPLOAD_MAX_NUMBER_FIELDS``) do not help: the count is one field.

So every child formset modelcluster builds (our InlinePanels, and Wagtail's page
comments and their replies, which name no ``max_num``) gets a subclass of its own
formset class where:

- ``absolute_max`` is the rows already saved plus the most that may be added: the
  panel's ``max_num`` (every InlinePanel of ours names one), or ``MAX_NEW_ROWS`` for a
  formset that names none (then ``max_num`` is that bound too);
- a POST over it is refused with a form error saying how many rows are allowed, and
  nothing is saved (Wagtail saves only a valid form); only the saved rows' forms are
  built for it, so the refusal costs what an ordinary edit does.

``install()`` runs in ``EditorialConfig.ready()``, before any admin form class is built
(Wagtail builds them on first use). ``tests/test_formset_limits.py`` checks every edit
form's formsets, so a modelcluster change that bypasses this fails there.
"""

from __future__ import annotations

from django.forms.formsets import DEFAULT_MAX_NUM, TOTAL_FORM_COUNT
from django.utils.translation import ngettext_lazy

# Rows an editor adds in one save to a formset that names no max_num (comments on a page).
MAX_NEW_ROWS = 50
_BOUNDED_ATTR = "_editorial_bounded"


class BoundedFormSetMixin:
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "At most %(num)d row can be saved here. Remove some and save again.",
            "At most %(num)d rows can be saved here. Remove some and save again.",
            "num",
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Rows already saved keep their forms, so an editor can always delete or edit them.
        self.saved_rows = len(self.get_queryset())
        if self.max_num >= DEFAULT_MAX_NUM:  # Django's "no max_num given"
            self.max_num = self.saved_rows + MAX_NEW_ROWS
            self.absolute_max = self.max_num
        else:
            self.absolute_max = self.saved_rows + self.max_num

    def claims_too_many(self) -> bool:
        management = self.management_form
        claimed = management.cleaned_data.get(TOTAL_FORM_COUNT, 0) if management.is_valid() else 0
        return claimed > self.absolute_max

    def initial_form_count(self) -> int:
        # A POST cannot claim more saved rows than there are.
        count = super().initial_form_count()
        return min(count, self.saved_rows) if self.is_bound else count

    def total_form_count(self) -> int:
        # Django would still build absolute_max forms (100 plan items with their choosers
        # took 4 s) only to refuse them; a POST over the bound gets the saved rows' forms.
        total = super().total_form_count()
        if self.is_bound and self.claims_too_many():
            return min(total, self.saved_rows)
        return total


_bounded_classes: dict[type, type] = {}


def bounded(formset_class: type) -> type:
    """``formset_class`` with the bound; one subclass per base, reused."""
    if getattr(formset_class, _BOUNDED_ATTR, False):
        return formset_class
    if formset_class not in _bounded_classes:
        _bounded_classes[formset_class] = type(
            f"Bounded{formset_class.__name__}",
            (BoundedFormSetMixin, formset_class),
            {_BOUNDED_ATTR: True, "__module__": __name__},
        )
    return _bounded_classes[formset_class]


def bounded_factory(original):
    def childformset_factory(parent_model, model, *args, formset=None, **kwargs):
        from modelcluster.forms import BaseChildFormSet

        return original(
            parent_model, model, *args, formset=bounded(formset or BaseChildFormSet), **kwargs
        )

    setattr(childformset_factory, _BOUNDED_ATTR, True)
    return childformset_factory


def install() -> None:
    """Make modelcluster build every child formset bounded (idempotent)."""
    from modelcluster import forms

    if getattr(forms.childformset_factory, _BOUNDED_ATTR, False):
        return
    forms.childformset_factory = bounded_factory(forms.childformset_factory)
