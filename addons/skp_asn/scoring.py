# The arithmetic of the regulations, as pure functions: capaian and nilai of
# an IKI (PermenPANRB 8/2021), nilai kinerja (PP 30/2019), the distribution
# curve (SE MenPANRB 3/2023) and angka kredit (PermenPANRB 1/2023).
# The tables the regulations may change are data records (see
# evaluation.xml); the defaults below seed them and document the sources.
import math
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)

RATINGS = [
    ('above', "Di Atas Ekspektasi"),
    ('as_expected', "Sesuai Ekspektasi"),
    ('below', "Di Bawah Ekspektasi"),
    ]
PREDIKATS = [
    ('sangat_baik', "Sangat Baik"),
    ('baik', "Baik"),
    ('butuh_perbaikan', "Butuh Perbaikan"),
    ('kurang', "Kurang / Misconduct"),
    ('sangat_kurang', "Sangat Kurang"),
    ]
ORG_PREDIKATS = [
    ('istimewa', "Istimewa"),
    ('baik', "Baik"),
    ('butuh_perbaikan', "Butuh Perbaikan"),
    ('kurang', "Kurang"),
    ('sangat_kurang', "Sangat Kurang"),
    ]

# DOMAIN §1.6, majority reading: (rating hasil kerja, rating perilaku)
DEFAULT_MATRIX = {
    ('above', 'below'): 'kurang',
    ('above', 'as_expected'): 'baik',
    ('above', 'above'): 'sangat_baik',
    ('as_expected', 'below'): 'kurang',
    ('as_expected', 'as_expected'): 'baik',
    ('as_expected', 'above'): 'baik',
    ('below', 'below'): 'sangat_kurang',
    ('below', 'as_expected'): 'butuh_perbaikan',
    ('below', 'above'): 'butuh_perbaikan',
    }

# DOMAIN §1.8: per organisation predikat, (predikats, bound, value) where
# bound is 'max_pct', 'min_pct' or 'min_count'.
DEFAULT_CURVE = {
    'istimewa': [
        (('sangat_baik',), 'max_pct', 70),
        ],
    'baik': [
        (('baik',), 'max_pct', 70),
        (('butuh_perbaikan', 'kurang'), 'min_count', 1),
        ],
    'butuh_perbaikan': [
        (('butuh_perbaikan',), 'min_pct', 60),
        (('sangat_baik',), 'max_pct', 10),
        ],
    'kurang': [
        (('kurang',), 'min_pct', 60),
        (('butuh_perbaikan',), 'min_pct', 10),
        (('sangat_baik',), 'max_pct', 10),
        ],
    'sangat_kurang': [
        (('sangat_kurang',), 'min_pct', 60),
        (('kurang', 'butuh_perbaikan'), 'min_pct', 10),
        (('sangat_baik',), 'max_pct', 0),
        ],
    }

# DOMAIN §3: % of the yearly coefficient per predikat, coefficient per jenjang
CREDIT_PERCENT = {
    'sangat_baik': 150, 'baik': 100, 'butuh_perbaikan': 75,
    'kurang': 50, 'sangat_kurang': 25,
    }
CREDIT_COEFFICIENT = {
    'ahli_utama': Decimal('50'), 'ahli_madya': Decimal('37.5'),
    'ahli_muda': Decimal('25'), 'ahli_pertama': Decimal('12.5'),
    'penyelia': Decimal('25'), 'mahir': Decimal('12.5'),
    'terampil': Decimal('5'), 'pemula': Decimal('3.75'),
    }


def _d(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def capaian(realisation, target, target_min=None, direction='higher'):
    """Capaian IKI in percent (DOMAIN §2.2).

    Higher is better: R / T; lower is better (kondisi khusus):
    1 + (1 - R / T). For a range, the upper bound is used when the
    realisation is above it, the lower bound when below, and a realisation
    within the range meets the target."""
    if realisation is None or target is None:
        return None
    realisation, target = _d(realisation), _d(target)
    if target_min is not None:
        target_min = _d(target_min)
        if target_min <= realisation <= target:
            return HUNDRED
        target = target if realisation > target else target_min
    if not target:
        return None
    ratio = realisation / target
    if direction == 'lower':
        ratio = 1 + (1 - ratio)
    return ratio * HUNDRED


def capaian_category(value):
    "Kategori of a capaian, bands of DOMAIN §2.2 as decided in §8."
    if value > 100:
        return 'sangat_baik'
    if value == 100:
        return 'baik'
    if value >= 80:
        return 'cukup'
    if value >= 60:
        return 'kurang'
    return 'sangat_kurang'


def nilai_capaian(value, target_is_maximum=False, whole_percent=False):
    """Nilai capaian IKI, 0-120 (DOMAIN §2.2).

    Bands are closed on the lower band's upper side (§8): 99.5 is Cukup.
    `whole_percent` rounds the capaian first, as the regulation's sample
    does (AC22)."""
    value = _d(value)
    if whole_percent:
        value = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if value == 100 and target_is_maximum:
        return Decimal(120)
    if value > 110:
        return Decimal(120)
    if value > 100:
        return Decimal(110) + Decimal(10) / Decimal(9) * (value - 101)
    if value == 100:
        return Decimal(109)
    if value >= 80:
        return Decimal(70) + (value - 80)
    if value >= 60:
        return Decimal(50) + (value - 60)
    return value / Decimal(59) * Decimal(49)


def nilai_kinerja(nilai_skp, nilai_perilaku, with_360=False):
    "PP 30/2019 Pasal 41: 70/30, or 60/40 with peer and subordinate input."
    weight = Decimal('0.6') if with_360 else Decimal('0.7')
    return weight * _d(nilai_skp) + (1 - weight) * _d(nilai_perilaku)


def nilai_category(value, innovation=False):
    "PP 30/2019 bands (DOMAIN §2.1); Sangat Baik needs an innovation."
    value = _d(value)
    if value >= 110 and innovation:
        return 'sangat_baik'
    if value >= 90:
        return 'baik'
    if value >= 70:
        return 'cukup'
    if value >= 50:
        return 'kurang'
    return 'sangat_kurang'


def curve_bound(total, bound, value):
    "(minimum, maximum) count a curve rule allows (DOMAIN §1.8, §8)."
    if bound == 'max_pct':
        return 0, math.floor(total * value / 100)
    if bound == 'min_pct':
        return math.ceil(total * value / 100), total
    if bound == 'min_count':
        return value, total
    raise ValueError(bound)


def curve_violations(rules, counts):
    """Check counts {predikat: n} against rules [(predikats, bound, value)].

    Return a list of (predikats, bound, value, actual, minimum, maximum) for
    each rule broken; `minimum - actual` or `actual - maximum` people would
    have to change predikat for it to hold."""
    total = sum(counts.values())
    violations = []
    for predikats, bound, value in rules:
        actual = sum(counts.get(p, 0) for p in predikats)
        minimum, maximum = curve_bound(total, bound, value)
        if not minimum <= actual <= maximum:
            violations.append(
                (predikats, bound, value, actual, minimum, maximum))
    return violations


def credit(predikat, level, months=12, percent=None, coefficient=None):
    """Angka kredit from the annual predikat (DOMAIN §3): months / 12 x
    percent of the predikat x the jenjang's yearly coefficient, 3 decimals."""
    percent = CREDIT_PERCENT[predikat] if percent is None else percent
    coefficient = (CREDIT_COEFFICIENT[level]
        if coefficient is None else coefficient)
    value = (Decimal(months) / 12 * _d(percent) / HUNDRED * _d(coefficient))
    return value.quantize(Decimal('0.001'), rounding=ROUND_HALF_UP)


def suggest_result_rating(capaians):
    """Suggest the Rating Hasil Kerja from the capaian of the utama RHK
    (DOMAIN §1.5): above when most exceed and none is below 100; below when
    most are below; as expected otherwise. The appraiser decides."""
    values = [c for c in capaians if c is not None]
    if not values:
        return None
    below = sum(1 for c in values if c < 100)
    above = sum(1 for c in values if c > 100)
    if below * 2 > len(values):
        return 'below'
    if not below and above * 2 > len(values):
        return 'above'
    return 'as_expected'
