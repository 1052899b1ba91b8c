# SKP-ASN core module: ASN master data, SKP planning and evaluation.
# Classes are registered in tryton.cfg.
from . import _cursor, _matview  # noqa: F401
