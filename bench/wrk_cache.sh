#!/bin/bash
# The page cache under load (issue #16): wrk against Varnish in front of gunicorn (as
# `make serve-cached`), a gunicorn with the app's own page cache, and one with PAGE_CACHE=off,
# with the static-file rate through Varnish as the ceiling; interleaved, two rounds.
# Needs wrk and varnishd (apt-get install -y wrk varnish) and a database with the demo:
#   DATABASE_URL=postgres://postgres@127.0.0.1/wrkbench bench/wrk_cache.sh
# Ports 8731-8733 and 6931 on 127.0.0.1; everything it starts stops on exit.
set -u
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to a database with the demo loaded}"
export DATABASE_URL
export SECRET_KEY=$(.venv/bin/python -c 'import secrets;print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false
export DJANGO_SETTINGS_MODULE=editorial.settings.production
.venv/bin/python manage.py collectstatic --no-input -v0 2>/dev/null
work=$(mktemp -d); chmod 755 $work
sed 's/\.port = "8000"/.port = "8731"/' deploy/varnish/default.vcl > $work/default.vcl
VARNISH_PURGE_URL=http://127.0.0.1:6931 .venv/bin/gunicorn editorial.wsgi --bind 127.0.0.1:8731 --workers 2 --log-level warning > /tmp/g1.log 2>&1 & g1=$!
.venv/bin/gunicorn editorial.wsgi --bind 127.0.0.1:8732 --workers 2 --log-level warning > /tmp/g2.log 2>&1 & g2=$!
PAGE_CACHE=off .venv/bin/gunicorn editorial.wsgi --bind 127.0.0.1:8733 --workers 2 --log-level warning > /tmp/g3.log 2>&1 & g3=$!
varnishd -F -a 127.0.0.1:6931 -f $work/default.vcl -n $work/varnish -s malloc,128m > /tmp/v.log 2>&1 & v=$!
trap 'kill $g1 $g2 $g3 $v 2>/dev/null; wait 2>/dev/null; rm -rf $work' EXIT
sleep 6
ART=$(.venv/bin/python manage.py shell -c "from coverage.models import ArticlePage; print(ArticlePage.objects.live().order_by('-first_published_at').first().url)" 2>/dev/null | tail -1)
HUB=$(.venv/bin/python manage.py shell -c "from coverage.models import TopicHubPage; print(TopicHubPage.objects.live().first().url)" 2>/dev/null | tail -1)
echo "article $ART hub $HUB"
for u in "6931/static/coverage/site.css" "6931$ART" "6931/" "6931$HUB" "8732$ART" "8733$ART"; do curl -s -o /dev/null -w "warm $u %{http_code}\n" -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$u"; curl -s -o /dev/null -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$u"; done
curl -sI -H 'X-Forwarded-Proto: https' "http://127.0.0.1:6931$ART" | grep -i "x-cache\|age:\|cache-control"
curl -sI -H 'X-Forwarded-Proto: https' "http://127.0.0.1:8732$ART" | grep -i "x-page-cache\|cache-control"
for round in 1 2; do
  for spec in "static-varnish 6931/static/coverage/site.css" "article-varnish 6931$ART" "home-varnish 6931/" "hub-varnish 6931$HUB" "article-appcache 8732$ART" "article-uncached 8733$ART"; do
    set -- $spec
    rps=$(wrk -t2 -c8 -d8s -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$2" | awk '/Requests\/sec/ {print $2}')
    echo "round $round  $1  $rps req/s  load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
