# gunicorn configuration of the SKP-ASN web processes (JSON-RPC and sao).
#
#   PYTHONOPTIMIZE=1 TRYTOND_CONFIG=/etc/skp/trytond.conf \
#   TRYTOND_DATABASE_NAMES=skp gunicorn -c config/gunicorn.conf.py
#
# It serves trytond's WSGI application, trytond.application:app; the
# database, caches, sessions... are configured by the trytond configuration
# (TRYTOND_CONFIG, config/production.conf). Each worker is a separate process
# with its own pool and caches; they share only PostgreSQL (and the file
# store), so any number of them, on any number of hosts, can serve the same
# database behind a load balancer. A change made through one worker
# (configuration, groups, record rules) reaches the others at once through
# PostgreSQL LISTEN/NOTIFY when [cache] clean_timeout = 0
# (tests/test_deployment.py checks it).
#
# Every value below can be overridden on the command line (gunicorn's
# options win over this file) or by the SKP_* environment variables read
# here, which is what the systemd units and the tests use.
#
# PYTHONOPTIMIZE=1 must be in the environment of the gunicorn command itself
# (it cannot be switched on from here): trytond's asserts make big create()
# calls quadratic.
import multiprocessing
import os

# trytond reads its configuration file from the environment when it is
# imported, in each worker; a default for a standard installation.
os.environ.setdefault('TRYTOND_CONFIG', '/etc/skp/trytond.conf')

wsgi_app = 'trytond.application:app'

# Behind nginx on the same host; nginx terminates TLS and serves sao.
bind = os.environ.get('SKP_BIND', '127.0.0.1:8000')

# Synchronous workers: one request at a time per process, no shared state.
# A request is mostly CPU in Python (about 8 ms fixed cost, TRYTON.md §6),
# so about one or two workers per core; measured on 2 cores, 4 workers gave
# no more throughput than 2.
workers = int(os.environ.get('SKP_WORKERS',
        max(2, multiprocessing.cpu_count() * 2)))
worker_class = 'sync'

# Do not preload: trytond.application refuses to start when threads exist
# after the pool is built, and each worker must open its own connections.
# TRYTOND_DATABASE_NAMES=skp makes each worker load the module pool when it
# starts instead of on its first request.
preload_app = False

# A report of a whole unit or an import may take long; the request itself
# is bounded by [request] timeout of trytond (60 s by default).
timeout = int(os.environ.get('SKP_TIMEOUT', 120))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then (memory of caches, leaks in libraries); the
# jitter keeps them from restarting all at once.
max_requests = int(os.environ.get('SKP_MAX_REQUESTS', 5000))
max_requests_jitter = max_requests // 10

# The address of the client is taken from X-Forwarded-For by trytond
# itself ([web] num_proxies = 1 in production.conf), used for the login
# rate limits; gunicorn only trusts the local proxy.
forwarded_allow_ips = '127.0.0.1'

# Access and error logs to stdout/stderr: journald (systemd) keeps them.
accesslog = os.environ.get('SKP_ACCESS_LOG', '-')
errorlog = '-'
loglevel = os.environ.get('SKP_LOG_LEVEL', 'info')
proc_name = 'skp-web'
