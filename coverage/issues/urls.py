"""Admin URLs of the print desk, under /admin/so-tap-chi/."""

from django.urls import path

from coverage.issues import views

app_name = "print_issues"
urlpatterns = [
    path("", views.IssueListView.as_view(), name="index"),
    path("<int:page_id>/", views.PlannerView.as_view(), name="planner"),
    path("<int:page_id>/ky-duyet/", views.SignOffView.as_view(), name="sign_off"),
]
