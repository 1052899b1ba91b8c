"The pure-arithmetic acceptance cases of DOMAIN (AC1-AC14, AC16-AC27)."
from decimal import Decimal as D

import pytest

from trytond.modules.skp_asn.scoring import (
    DEFAULT_CURVE, DEFAULT_MATRIX, capaian, capaian_category, credit,
    curve_violations, nilai_capaian, nilai_category, nilai_kinerja,
    suggest_result_rating)


@pytest.mark.parametrize('case,result,behaviour,predikat', [
        ('AC1', 'above', 'above', 'sangat_baik'),
        ('AC2', 'above', 'as_expected', 'baik'),
        ('AC3', 'above', 'below', 'kurang'),
        ('AC4', 'as_expected', 'above', 'baik'),
        ('AC5', 'as_expected', 'as_expected', 'baik'),
        ('AC6', 'as_expected', 'below', 'kurang'),
        ('AC7', 'below', 'above', 'butuh_perbaikan'),
        ('AC8', 'below', 'as_expected', 'butuh_perbaikan'),
        ('AC9', 'below', 'below', 'sangat_kurang'),
        ])
def test_predikat_matrix(case, result, behaviour, predikat):
    "DOMAIN §1.6 majority reading"
    assert DEFAULT_MATRIX[(result, behaviour)] == predikat


def counts(**kw):
    return kw


def test_ac10_istimewa_at_most_70_percent_sangat_baik():
    rules = DEFAULT_CURVE['istimewa']
    assert curve_violations(rules, counts(sangat_baik=28, baik=12)) == []
    (violation,) = curve_violations(rules, counts(sangat_baik=29, baik=11))
    assert violation[3:] == (29, 0, 28)


def test_ac11_baik_needs_one_butuh_perbaikan_or_kurang():
    rules = DEFAULT_CURVE['baik']
    (violation,) = curve_violations(rules, counts(baik=28, sangat_baik=12))
    assert violation[0] == ('butuh_perbaikan', 'kurang')
    assert violation[3:] == (0, 1, 40)
    assert curve_violations(
        rules, counts(baik=28, sangat_baik=11, kurang=1)) == []
    (violation,) = curve_violations(
        rules, counts(baik=29, sangat_baik=10, butuh_perbaikan=1))
    assert violation[3:] == (29, 0, 28)


def test_ac12_butuh_perbaikan():
    rules = DEFAULT_CURVE['butuh_perbaikan']
    assert curve_violations(
        rules, counts(butuh_perbaikan=24, sangat_baik=4, baik=12)) == []
    violations = curve_violations(
        rules, counts(butuh_perbaikan=23, sangat_baik=5, baik=12))
    assert [v[3:] for v in violations] == [(23, 24, 40), (5, 0, 4)]


def test_ac13_kurang():
    rules = DEFAULT_CURVE['kurang']
    assert curve_violations(rules, counts(
            kurang=24, butuh_perbaikan=4, sangat_baik=4, baik=8)) == []
    violations = curve_violations(rules, counts(
            kurang=23, butuh_perbaikan=3, sangat_baik=5, baik=9))
    assert [v[3:] for v in violations] == [
        (23, 24, 40), (3, 4, 40), (5, 0, 4)]


def test_ac14_sangat_kurang_allows_no_sangat_baik():
    rules = DEFAULT_CURVE['sangat_kurang']
    ok = counts(sangat_kurang=24, kurang=2, butuh_perbaikan=2, baik=12)
    assert curve_violations(rules, ok) == []
    (violation,) = curve_violations(rules, counts(
            sangat_kurang=24, kurang=2, butuh_perbaikan=2, baik=11,
            sangat_baik=1))
    assert violation[0] == ('sangat_baik',) and violation[3:] == (1, 0, 0)


@pytest.mark.parametrize('total,sb_max,bp_min', [
        (1, 0, 1), (3, 0, 2), (7, 0, 5), (9, 0, 6), (10, 1, 6), (11, 1, 7),
        ])
def test_curve_rounding_small_units(total, sb_max, bp_min):
    "DOMAIN §8: floor for maxima, ceil for minima, in units under 10"
    rules = DEFAULT_CURVE['butuh_perbaikan']
    assert curve_violations(rules, counts(
            butuh_perbaikan=bp_min, sangat_baik=sb_max,
            baik=total - bp_min - sb_max)) == []
    assert curve_violations(rules, counts(
            butuh_perbaikan=bp_min - 1, sangat_baik=sb_max,
            baik=total - bp_min - sb_max + 1))
    if sb_max + bp_min < total:
        assert curve_violations(rules, counts(
                butuh_perbaikan=bp_min, sangat_baik=sb_max + 1,
                baik=total - bp_min - sb_max - 1))


@pytest.mark.parametrize('case,predikat,level,months,expected', [
        ('AC16', 'baik', 'ahli_muda', 12, D('25.000')),
        ('AC17', 'sangat_baik', 'ahli_pertama', 12, D('18.750')),
        ('AC18', 'baik', 'ahli_pertama', 2, D('2.083')),
        ('AC19', 'butuh_perbaikan', 'ahli_madya', 12, D('28.125')),
        ])
def test_angka_kredit(case, predikat, level, months, expected):
    "DOMAIN §3"
    assert credit(predikat, level, months) == expected


def q(value):
    return value.quantize(D('0.01'))


def test_ac20_range_above_upper_bound():
    value = capaian(92, 90, target_min=80)
    assert q(value) == D('102.22')
    assert capaian_category(value) == 'sangat_baik'
    assert q(nilai_capaian(value)) == D('111.36')


def test_ac21_range_below_lower_bound():
    value = capaian(70, 90, target_min=80)
    assert value == D('87.5')
    assert capaian_category(value) == 'cukup'
    assert nilai_capaian(value) == D('77.5')


def test_ac22_rounding_policy():
    value = capaian(93, 95)
    assert q(value) == D('97.89')
    assert nilai_capaian(value, whole_percent=True) == D('88')
    assert q(nilai_capaian(value)) == D('87.89')


def test_ac23_target_met():
    value = capaian(85, 85)
    assert value == 100 and capaian_category(value) == 'baik'
    assert nilai_capaian(value) == D('109')


def test_ac24_maximum_possible_target():
    assert nilai_capaian(capaian(100, 100), target_is_maximum=True) == 120


def test_ac25_lower_is_better_range():
    value = capaian(D('6.5'), 8, target_min=7, direction='lower')
    assert q(value) == D('107.14')
    assert q(nilai_capaian(value)) == D('116.83')
    assert capaian(9, 8, target_min=7, direction='lower') == D('87.5')


@pytest.mark.parametrize('value,expected', [
        (65, D('55')), (50, D('41.53')), (115, D('120')), (D('99.5'),
            D('89.5'))])
def test_ac26_bands(value, expected):
    assert q(nilai_capaian(value)) == expected


def test_ac27_nilai_kinerja():
    value = nilai_kinerja(D('102.8'), 90)
    assert value == D('98.96')
    assert nilai_category(value) == 'baik'
    assert nilai_category(112) == 'baik'
    assert nilai_category(112, innovation=True) == 'sangat_baik'
    assert nilai_kinerja(100, 80, with_360=True) == D('92.0')


def test_result_rating_suggestion():
    "DOMAIN §1.5"
    assert suggest_result_rating([D(105), D(110)]) == 'above'
    assert suggest_result_rating([D(105), D(110), D(99)]) == 'as_expected'
    assert suggest_result_rating([D(90), D(80), D(101)]) == 'below'
    assert suggest_result_rating([]) is None
