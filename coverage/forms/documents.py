"""The document upload and edit form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): one message.

Wagtail's ``Document.clean()`` checks ``WAGTAILDOCS_EXTENSIONS`` against the file the
document holds. When the upload field has already refused the file (too big), the new
document holds none, and an oversize upload also said "File extension “” is not
allowed", as if the name were wrong. The model's word on the file is dropped whenever
the form's own field already explains what is wrong with it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def _update_errors(self, errors: ValidationError) -> None:
        if self.has_error("file") and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
        super()._update_errors(errors)
