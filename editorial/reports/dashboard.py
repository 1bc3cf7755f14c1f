"""The "Plan items at risk" dashboard panel for editors: this year's items the pace
forecast (``queries.forecast``) says will not be met, soonest due date first."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from editorial.models import AnnualPlan
from editorial.reports import links
from editorial.reports.queries import forecast
from editorial.reports.queries.common import default_year
from editorial.reports.views.progress import in_flight_link

MAX_ROWS = 10


class AtRiskPanel(Component):
    name = "plan_items_at_risk"
    template_name = "editorial/reports/at_risk_panel.html"
    order = 60

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        year = default_year(list(AnnualPlan.objects.values_list("year", flat=True)), today)
        risky = forecast.at_risk(year, today)
        rows = [
            {
                "item": item,
                "forecast": found,
                "plan_url": links.plan(item.plan_id),
                "delivered_url": links.articles(live="true", plan_item=item.pk),
                "in_flight_url": in_flight_link(item.pk, found),
            }
            for item, found in risky[:MAX_ROWS]
        ]
        return {
            "rows": rows,
            "more": max(len(risky) - MAX_ROWS, 0),
            "year": year,
            "report_url": f"{reverse('report_progress:index')}?year={year}",
        }
