"""A minimal JSON-RPC client for trytond 8.0, standard library only.

    client = Client('http://127.0.0.1:8000', 'skp')
    client.login('pegawai', 'demo-SKP-2026')
    ids = client.call('model.company.employee.search', [], 0, None, None, {})

`call` sends the parameters as given: `model.*` methods take the context as
their last parameter (`{}` gives the server's default language).  Errors
come back as `RPCError`.  One client keeps one HTTP connection alive: use one
client per thread.
"""
import base64
import datetime as dt
import gzip
import http.client
import itertools
import json
import urllib.parse
from decimal import Decimal

__all__ = ['Client', 'RPCError', 'HTTPError']


class RPCError(Exception):
    """An error returned by trytond.

    `fault` is the exception's name ('UserError' for every user error,
    `AccessError` and `ValidationError` included; 'UserWarning',
    'LoginException', 'ConcurrencyException'; the message itself for an
    unexpected server error) and `detail` its arguments: for a UserError
    [message, description, domain], for a server error the traceback."""

    def __init__(self, fault, detail=None):
        super().__init__(fault, detail)
        self.fault = fault
        self.detail = detail

    @property
    def message(self):
        "The human-readable message."
        if self.fault == 'UserError':
            return self.detail[0]
        if self.fault in {'UserWarning', 'LoginException'}:
            return self.detail[1]
        if self.fault == 'ConcurrencyException':
            return self.detail
        return self.fault

    def __str__(self):
        return '%s: %s' % (self.fault, self.message)


class HTTPError(RPCError):
    """The server refused the request with an HTTP status: 401 for a
    failed login or an expired session, 403 for a method that is not
    callable through RPC, 429 when logins are rate-limited."""

    def __init__(self, status, reason):
        super().__init__('HTTP %s' % status, reason)
        self.status = status

    @property
    def message(self):
        return self.detail


def _encode(obj):
    "Values JSON lacks, the way trytond's JSONEncoder writes them."
    if isinstance(obj, dt.datetime):
        return {'__class__': 'datetime', 'year': obj.year,
            'month': obj.month, 'day': obj.day, 'hour': obj.hour,
            'minute': obj.minute, 'second': obj.second,
            'microsecond': obj.microsecond}
    if isinstance(obj, dt.date):
        return {'__class__': 'date', 'year': obj.year, 'month': obj.month,
            'day': obj.day}
    if isinstance(obj, dt.time):
        return {'__class__': 'time', 'hour': obj.hour, 'minute': obj.minute,
            'second': obj.second, 'microsecond': obj.microsecond}
    if isinstance(obj, dt.timedelta):
        return {'__class__': 'timedelta', 'seconds': obj.total_seconds()}
    if isinstance(obj, Decimal):
        return {'__class__': 'Decimal', 'decimal': str(obj)}
    if isinstance(obj, (bytes, bytearray)):
        return {'__class__': 'bytes',
            'base64': base64.encodebytes(obj).decode('ascii')}
    if isinstance(obj, (set, frozenset)):
        return list(obj)
    raise TypeError('%r is not JSON serializable' % obj)


_DECODERS = {
    'datetime': lambda d: dt.datetime(d['year'], d['month'], d['day'],
        d['hour'], d['minute'], d['second'], d['microsecond']),
    'date': lambda d: dt.date(d['year'], d['month'], d['day']),
    'time': lambda d: dt.time(d['hour'], d['minute'], d['second'],
        d['microsecond']),
    'timedelta': lambda d: dt.timedelta(seconds=d['seconds']),
    'Decimal': lambda d: Decimal(d['decimal']),
    'bytes': lambda d: base64.decodebytes(d['base64'].encode('ascii')),
    }


def _decode(obj):
    decoder = _DECODERS.get(obj.get('__class__'))
    return decoder(obj) if decoder else obj


class Client:
    """A JSON-RPC connection to one database of a trytond server; without a
    database, to the server itself (common.server.version, common.db.list).
    """

    def __init__(self, base_url, database, timeout=60):
        url = urllib.parse.urlsplit(base_url)
        self._connection_class = (http.client.HTTPSConnection
            if url.scheme == 'https' else http.client.HTTPConnection)
        self._netloc = url.netloc
        self._path = url.path.rstrip('/') + (
            '/%s/rpc/' % urllib.parse.quote(database) if database else '/rpc/')
        self._timeout = timeout
        self._connection = None
        self._ids = itertools.count(1)
        self.database = database
        self.login_name = self.user_id = self.session = None

    def login(self, login, password, language='en'):
        "Open a session; return the user id."
        self.login_name = self.user_id = self.session = None
        self.user_id, self.session, _ = self.call(
            'common.db.login', login, {'password': password}, language)
        self.login_name = login
        return self.user_id

    def logout(self):
        if self.session:
            self.call('common.db.logout')
        self.login_name = self.user_id = self.session = None

    def call(self, method, *params):
        "Call `method` with `params`; return its result or raise RPCError."
        body = json.dumps(
            {'id': next(self._ids), 'method': method, 'params': params},
            default=_encode).encode('utf-8')
        headers = {
            'Content-Type': 'application/json',
            'Accept-Encoding': 'gzip',
            }
        if self.session:
            token = '%s:%s:%s' % (self.login_name, self.user_id, self.session)
            headers['Authorization'] = 'Session ' + base64.b64encode(
                token.encode('utf-8')).decode('ascii')
        status, reason, data = self._post(body, headers)
        if status != 200:
            raise HTTPError(status, reason)
        response = json.loads(data, object_hook=_decode)
        if response.get('error') is not None:
            fault, *detail = response['error']
            raise RPCError(fault, detail[0] if len(detail) == 1 else detail)
        return response['result']

    def close(self):
        if self._connection:
            self._connection.close()
            self._connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _post(self, body, headers):
        # A kept-alive connection the server has closed since the last call
        # fails before any response: send again once on a new connection.
        for attempt in range(2):
            if self._connection is None:
                self._connection = self._connection_class(
                    self._netloc, timeout=self._timeout)
            try:
                self._connection.request('POST', self._path, body, headers)
                response = self._connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError,
                    BrokenPipeError):
                self.close()
                if attempt:
                    raise
                continue
            if response.getheader('Content-Encoding') == 'gzip':
                data = gzip.decompress(data)
            if response.will_close:
                self.close()
            return response.status, response.reason, data
