"""Reader-facing models, re-exported so Django and other apps import from one place."""

from coverage.models.home import HomePage
from coverage.models.images import CreditedImage, CreditedRendition

__all__ = ["CreditedImage", "CreditedRendition", "HomePage"]
