# SKP-ASN reports: PDF documents with verification codes, XLSX exports,
# scheduled reports and the public pages. Classes are registered in
# tryton.cfg; importing routes registers the public HTTP endpoints.
from . import routes  # noqa: F401
