"""Limits on the ways in: sign-in lockouts, password resets, private-page passwords.

``lockouts`` (django-axes' lockout page and the editor-in-chief's unlock), ``views``
(the admin screen listing lockouts), ``password_reset`` (Wagtail's reset form, throttled)
and ``page_passwords`` (Wagtail's page password view, throttled). Counts of resets and
page passwords live in the cache through django-ratelimit, as the reader search's do,
keyed by the same reader's address (``RATELIMIT_IP_META_KEY``).
"""
