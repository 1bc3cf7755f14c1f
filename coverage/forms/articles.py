"""The article editor's form."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """Requires the sapo to publish or submit for review, not to save a draft.

    The model allows a blank sapo so a draft can exist before the lead is written
    (e.g. started from an assignment); Wagtail defers non-title required fields on a
    plain draft save and enforces them on every other action.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sapo" in self.fields:
            self.fields["sapo"].required = True
