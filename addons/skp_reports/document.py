# Issued documents: every PDF gets a verification code, printed with a QR
# code, and its SHA-256; anyone can check a code on the public page.
import base64
import datetime as dt
import hashlib
import io
import secrets
import threading

from trytond.config import config
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.rpc import RPC
from trytond.transaction import Transaction, without_check_access

from trytond.modules.company.company import CompanyReport


class Document(ModelSQL, ModelView):
    __name__ = 'skp.document'
    __string__ = "Issued Document"

    code = fields.Char("Verification Code", required=True, readonly=True)
    title = fields.Char("Title", required=True, readonly=True)
    report = fields.Char("Report", readonly=True)
    resource = fields.Reference("Resource", selection='get_resources',
        readonly=True)
    sha256 = fields.Char("SHA-256", readonly=True)
    issued_at = fields.DateTime("Issued At", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'skp_reports.msg_document_code_unique'),
            ]
        cls._sql_indexes.add(Index(t, (t.code, Index.Equality())))
        cls._order = [('issued_at', 'DESC'), ('id', 'DESC')]

    @classmethod
    def get_resources(cls):
        pool = Pool()
        Model = pool.get('ir.model')
        return [(None, '')] + [(m, Model.get_name(m)) for m in [
                'skp.skp', 'skp.evaluation', 'skp.unit', 'company.employee',
                'skp.activity.month']]

    @staticmethod
    def new_code():
        "12 characters, easy to type from paper."
        alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
        return ''.join(secrets.choice(alphabet) for _ in range(12))

    @staticmethod
    def verification_url(code):
        database = Transaction().database.name
        base = config.get('skp', 'public_url', default='').rstrip('/')
        return '%s/%s/skp/verify/%s' % (base, database, code)

    @classmethod
    def public_data(cls, code):
        "What the public page may show of a document: no personal data."
        documents = cls.search([('code', '=', (code or '').upper())],
            limit=1)
        if not documents:
            return None
        document, = documents
        return {
            'code': document.code,
            'title': document.title,
            'issued_at': document.issued_at.isoformat(timespec='seconds'),
            'sha256': document.sha256,
            }


class DocumentReportMixin:
    """Reports that issue a verifiable document: a code and its QR code are
    added to the template context, the PDF is fingerprinted and
    registered in skp.document."""
    __slots__ = ()

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Issuing a document writes its registration.
        cls.__rpc__['execute'] = RPC(readonly=False)

    @classmethod
    def _execute(cls, records, header, data, action):
        pool = Pool()
        Document = pool.get('skp.document')
        code = Document.new_code()
        data = dict(data or {}, verification_code=code)
        oext, content = super()._execute(records, header, data, action)
        if isinstance(content, str):
            content = content.encode('utf-8')
        with without_check_access():
            cls._register(Document, code, records, data, content)
        return oext, content

    @classmethod
    def _register(cls, Document, code, records, data, content):
        Document.create([{
                    'code': code,
                    'title': cls.document_title(records, data),
                    'report': cls.__name__,
                    'resource': str(records[0]) if len(records) == 1 else None,
                    'sha256': hashlib.sha256(content).hexdigest(),
                    'issued_at': dt.datetime.now(),
                    }])

    @classmethod
    def document_title(cls, records, data):
        return ', '.join(r.rec_name for r in records[:3])[:200]

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Document = pool.get('skp.document')
        context = super().get_context(records, header, data)
        code = data['verification_code']
        url = Document.verification_url(code)
        context['verification_code'] = code
        context['verification_url'] = url
        context['qr_data_uri'] = qr_data_uri(url)
        return context

    @classmethod
    def convert(cls, report, data, **kwargs):
        """HTML to PDF as trytond does, with the font configuration kept
        from one document to the next (per thread) instead of set up again
        for each."""
        if (report.template_extension == 'html'
                and report.extension == 'pdf'):
            import weasyprint
            return 'pdf', weasyprint.HTML(string=data,
                url_fetcher=weasyprint.URLFetcher(
                    allowed_protocols={'http', 'https', 'data'}),
                ).write_pdf(font_config=_font_config())
        return super().convert(report, data, **kwargs)


_local = threading.local()


def _font_config():
    if getattr(_local, 'font_config', None) is None:
        from weasyprint.text.fonts import FontConfiguration
        _local.font_config = FontConfiguration()
    return _local.font_config


def qr_data_uri(url):
    """The QR code of `url` as one SVG path: a few kB, where trytond's
    generate_svg writes a rectangle per module (about 40 kB) that weasyprint
    parses again on every page."""
    import qrcode
    from qrcode.image.svg import SvgPathImage
    output = io.BytesIO()
    qr = qrcode.QRCode(image_factory=SvgPathImage, border=1,
        error_correction=qrcode.ERROR_CORRECT_M)
    qr.add_data(url)
    qr.make_image().save(output)
    return 'data:image/svg+xml;base64,' + base64.b64encode(
        output.getvalue()).decode()


class DocumentReport(DocumentReportMixin, CompanyReport):
    pass
