"""The reader search form: query plus topic, year and tag filters, all optional."""

from django import forms
from django.utils import timezone

from coverage.search.text import MAX_QUERY_LENGTH, clean_query


class SearchForm(forms.Form):
    # No max_length: a pasted 1,000-character query is cut, not refused (clean_query).
    q = forms.CharField(required=False, strip=False, label="Từ khóa")
    topic = forms.ModelChoiceField(
        queryset=None, required=False, label="Chủ đề", empty_label="Mọi chủ đề"
    )
    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="Năm")
    tag = forms.SlugField(required=False, label="Thẻ", max_length=100)

    def __init__(self, *args, **kwargs):
        from editorial.models import ProgrammeTopic

        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = ProgrammeTopic.objects.filter(hub_page__isnull=False)
        self.fields["year"].choices = [("", "Mọi năm")] + [
            (year, str(year)) for year in range(timezone.localdate().year, 2019, -1)
        ]

    def clean_q(self) -> str:
        return clean_query(self.cleaned_data.get("q"))[:MAX_QUERY_LENGTH]

    def values(self) -> dict:
        """The fields that are valid; a bad filter is dropped, not fatal, so the words still search."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return self.cleaned_data
