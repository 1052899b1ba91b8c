# Public pages served by trytond without login: document verification and
# the transparency figures (HTML and JSON). They show no personal data.
import datetime as dt
import html
import json

from trytond.i18n import gettext
from trytond.protocols.wrappers import (
    Response, allow_null_origin, with_pool, with_transaction)
from trytond.transaction import Transaction
from trytond.wsgi import app

from . import transparency

PAGE = ('<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    '<title>{title}</title><style>body{{font-family:sans-serif;margin:2em;'
    'max-width:70em}}table{{border-collapse:collapse}}td,th{{border:1px '
    'solid #999;padding:.3em .6em}}td.n{{text-align:right}}</style></head>'
    '<body>{body}</body></html>')


def _language(request):
    return 'en' if request.args.get('lang') == 'en' else 'id'


def _page(request, title, body, status=200):
    return Response(PAGE.format(lang=_language(request),
            title=html.escape(title), body=body), status=status,
        content_type='text/html; charset=utf-8')


def _json(data, status=200):
    return Response(json.dumps(data, ensure_ascii=False), status=status,
        content_type='application/json; charset=utf-8')


def _t(msg_id, **kwargs):
    return gettext('skp_reports.' + msg_id, **kwargs)


@app.route('/<database_name>/skp/verify/<code>', methods=['GET'])
@allow_null_origin
@with_pool
@with_transaction(readonly=True)
def verify(request, pool, code):
    Document = pool.get('skp.document')
    with Transaction().set_context(language=_language(request)):
        data = Document.public_data(code)
        if request.args.get('format') == 'json':
            return _json({'genuine': bool(data), 'document': data})
        if not data:
            return _page(request, _t('msg_public_verify_title'),
                '<h1>%s</h1><p>%s</p>' % (
                    html.escape(_t('msg_public_verify_title')),
                    html.escape(_t('msg_public_not_genuine',
                            code=code))), status=404)
        rows = ''.join('<tr><th>%s</th><td>%s</td></tr>' % (
                html.escape(_t(label)), html.escape(data[key]))
            for label, key in [
                ('msg_public_code', 'code'),
                ('msg_public_document', 'title'),
                ('msg_public_issued', 'issued_at'),
                ('msg_public_sha256', 'sha256')])
        return _page(request, _t('msg_public_verify_title'),
            '<h1>%s</h1><p>%s</p><table>%s</table>' % (
                html.escape(_t('msg_public_verify_title')),
                html.escape(_t('msg_public_genuine')), rows))


@app.route('/<database_name>/skp/transparency', methods=['GET'])
@app.route('/<database_name>/skp/transparency.json', methods=['GET'],
    defaults={'as_json': True})
@allow_null_origin
@with_pool
@with_transaction(readonly=True)
def public_transparency(request, pool, as_json=False):
    today = dt.date.today()
    as_json = as_json or request.args.get('format') == 'json'
    with Transaction().set_context(language=_language(request)):
        try:
            year = int(request.args.get('year', today.year))
            month = int(request.args.get('month', today.month))
            dt.date(year, month, 1)
        except ValueError:
            error = _t('msg_public_bad_month')
            if as_json:
                return _json({'error': error}, status=400)
            return _page(request, _t('msg_public_transparency_title'),
                '<p>%s</p>' % html.escape(error), status=400)
        data = transparency.figures(year, month)
        if as_json:
            return _json(data)
        return _page(request, _t('msg_public_transparency_title'),
            _transparency_body(data))


def _cell(value, suffix=''):
    if value is None:
        return '<td class="n">%s</td>' % html.escape(
            _t('msg_public_suppressed'))
    return '<td class="n">%s%s</td>' % (value, suffix)


def _transparency_body(data):
    headers = [_t(m) for m in [
            'msg_public_opd', 'msg_public_activities',
            'msg_public_verified_on_time', 'msg_public_requests',
            'msg_public_service_on_time', 'msg_public_absorption',
            'msg_public_predikat']]
    rows = []
    for row in data['opd']:
        predikat = ', '.join('%s: %s' % (k, v if v is not None
                else _t('msg_public_suppressed'))
            for k, v in row['predikat'].items())
        rows.append('<tr><td>%s</td>%s%s%s%s%s<td>%s</td></tr>' % (
                html.escape(row['opd']),
                _cell(row['activities_verified']),
                _cell(row['verified_on_time_pct'], ' %'),
                _cell(row['service_requests']),
                _cell(row['service_on_time_pct'], ' %'),
                _cell(row['budget_absorption_pct'], ' %'),
                html.escape(predikat)))
    return '<h1>%s</h1><p>%s</p><table><tr>%s</tr>%s</table>' % (
        html.escape(_t('msg_public_transparency_title')),
        html.escape(_t('msg_public_transparency_intro',
                year=data['year'], month='%02d' % data['month'],
                minimum=data['minimum_group'])),
        ''.join('<th>%s</th>' % html.escape(h) for h in headers),
        ''.join(rows))
