"""Custom admin views (beyond the viewsets' generic ones)."""
