"""Limits on the ways in: sign-in lockouts, password resets, private-page passwords,
admin sessions that end after 8 idle hours.

``lockouts`` (django-axes' lockout page and the editor-in-chief's unlock), ``views``
(the admin screen listing lockouts), ``password_reset`` (Wagtail's reset form, throttled)
``page_passwords`` (Wagtail's page password view, throttled) and ``sessions`` (the
sliding 8 h idle expiry). Counts of resets and
page passwords live in the cache through django-ratelimit, as the reader search's do,
keyed by the same reader's address (``RATELIMIT_IP_META_KEY``).
"""
