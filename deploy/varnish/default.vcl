# Varnish in front of the app servers: anonymous readers from the cache, everyone else
# straight through. `make serve-cached` runs it locally (README, "Page cache").
#
# - The app says what may be cached: anonymous reader pages, feeds and the sitemap come
#   with `Cache-Control: public, max-age=120` (coverage.caching); everything else is
#   private, and Varnish's built-in rules never store a private response or one that
#   sets a cookie.
# - Never from the cache: the admin, documents, Wagtail's password forms, the health
#   check, and any request with a session cookie (`sessionid` in development,
#   `__Host-sessionid` in production: editorial/settings/production.py). An editor, a
#   logged-in reader or a reader who unlocked a page always gets a fresh page.
# - Other cookies (the CSRF token a form left, analytics) play no part in a reader
#   page and are dropped, so every anonymous reader shares one copy.
# - PURGE from this machine only (wagtail.contrib.frontend_cache's HTTPBackend, with
#   VARNISH_PURGE_URL): it bans the path with every query string (?trang=2, ?p=2), on
#   any host name.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purge not allowed"));
        }
        ban("obj.http.X-Url-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents|_util)(/|$)" || req.url ~ "^/healthz") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;)\s*(__Host-)?sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What a PURGE bans on: the path without its query string.
    set beresp.http.X-Url-Path = regsub(bereq.url, "\?.*$", "");
    # Varnish's built-in rules follow: no storing of private, no-store, Set-Cookie.
}

sub vcl_deliver {
    unset resp.http.X-Url-Path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
