"""The newsroom desk's behaviour: assignment actions, notifications, calendar, dashboard.

Views and viewsets call into here; nothing here knows about HTTP.
"""
