"""Edit forms of the programme's models, as Wagtail panels; the viewsets use them.

Kept apart from the models so the models stay about data, and from the viewsets so a
form's layout can be read in one place.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList

from editorial.programme.forms import AnnualPlanForm, TopicForm

organisation_panels = [
    MultiFieldPanel(
        [FieldPanel("name"), FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")])],
        heading=_("Identity"),
    ),
    FieldPanel("parent"),
    FieldPanel("website"),
    FieldPanel("description"),
    FieldPanel("slug"),
]

programme_panels = [
    FieldPanel("title"),
    FieldRowPanel([FieldPanel("signed_on"), FieldPanel("signed_at")], heading=_("Signing")),
    FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Period")),
    FieldPanel("summary"),
    # Each InlinePanel names max_num, what the paper deal could hold; the admin stops
    # adding rows there and editorial.formset_limits refuses a POST that claims more.
    InlinePanel(
        "parties",
        heading=_("Parties"),
        label=_("party"),
        panels=[FieldPanel("organisation")],
        max_num=10,
    ),
    InlinePanel(
        "people",
        heading=_("Signatories and witnesses"),
        label=_("person"),
        panels=[
            FieldPanel("role"),
            FieldPanel("name"),
            FieldPanel("position"),
            FieldPanel("organisation"),
        ],
        max_num=20,
    ),
    InlinePanel(
        "purposes",
        heading=_("Purposes"),
        label=_("purpose"),
        panels=[FieldPanel("text")],
        max_num=20,
    ),
    InlinePanel(
        "responsibilities",
        heading=_("Coordination mechanism"),
        label=_("responsibility"),
        panels=[FieldPanel("organisation"), FieldPanel("responsibility")],
        max_num=30,
    ),
    FieldPanel("slug"),
]

# The pipeline is the hub page's Wagtail workflow, edited through TopicForm.
topic_edit_handler = ObjectList(
    [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("sort_order")]),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("description"),
        FieldPanel("lead_organisation"),
        # Choosing the pipeline is the editor-in-chief's call (they manage workflows).
        FieldPanel("pipeline", permission="wagtailcore.change_workflow"),
        FieldPanel("slug"),
    ],
    base_form_class=TopicForm,
)

plan_item_panels = [
    FieldPanel("title"),
    FieldPanel("description"),
    FieldRowPanel([FieldPanel("topic"), FieldPanel("lead_organisation")]),
    FieldRowPanel([FieldPanel("kind"), FieldPanel("target"), FieldPanel("due_date")]),
    FieldPanel("notes"),
    FieldPanel("is_example"),
]

# The items are validated against the plan's year by AnnualPlanForm.
annual_plan_edit_handler = ObjectList(
    [
        FieldRowPanel([FieldPanel("programme"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldPanel("notes"),
        # A year's plan runs to a few dozen items (the demo's 2020 plan has nine).
        InlinePanel(
            "items", heading=_("Items"), label=_("item"), panels=plan_item_panels, max_num=100
        ),
    ],
    base_form_class=AnnualPlanForm,
)

event_panels = [
    FieldPanel("title"),
    FieldRowPanel([FieldPanel("kind"), FieldPanel("place")]),
    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    FieldRowPanel([FieldPanel("topic"), FieldPanel("plan_item")]),
    FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
    FieldPanel("description"),
    FieldPanel("cancelled"),
]

staff_profile_panels = [
    FieldPanel("user"),
    FieldRowPanel([FieldPanel("academic_title"), FieldPanel("full_name")]),
    FieldPanel("given_name"),
    FieldRowPanel([FieldPanel("desk"), FieldPanel("position")]),
    FieldPanel("phone"),
]

author_panels = [
    FieldRowPanel([FieldPanel("academic_title"), FieldPanel("full_name")]),
    FieldPanel("given_name"),
    FieldRowPanel([FieldPanel("position"), FieldPanel("organisation")]),
    FieldPanel("bio"),
    FieldPanel("photo"),
    FieldPanel("staff_user"),
    FieldPanel("slug"),
]
