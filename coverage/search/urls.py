from django.urls import path

from coverage.search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("goi-y/", views.autocomplete, name="search_autocomplete"),
]
