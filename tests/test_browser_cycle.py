"""More user journeys of the performance cycle in sao (headless Chromium),
with the helpers and fixtures of test_browser.py:

1. an employee enters two activities for today and submits them; their
   Pejabat Penilai selects both in "Aktivitas untuk Diverifikasi" and
   verifies them with one click of "Verifikasi" (bulk, on the selection);
2. a Pejabat Penilai assesses a submitted evaluation: ratings of results
   and of behaviour, button "Nilai"; the predikat is shown and stored;
3. a newcomer creates their SKP from scratch (period, an RHK intervening in
   their Kasi's, an IKI with its target), submits it, and the Kasi approves
   it with the button.

Data: the activities are those of a staff member with a NIP login outside
kasi.identitas's section (pegawai, rekan and their team are the other test
files'), in two evening hours free of their other activities; the
evaluation is a submitted one of the demo (Disdukcapil, last quarter)
whose appraiser has a login, not one of pegawai or rekan. The newcomer is
made by the admin in a section of Bappeda, an OPD no other test reads
people of (the security tests count kasi.identitas's team).
"""
import datetime as dt
import re

import pytest

from test_browser import (  # noqa: F401 (fixtures)
    TIMEOUT, browser, click_until, current_tab, domain_tab, employee_of,
    expect, name_of, open_menu, rows, screenshot, search, session, stored,
    sync_api, wait_loaded)


def user_of(sql, employee):
    "The login of `employee`, or None."
    found = sql('SELECT login FROM res_user WHERE employee = %d '
        'AND active ORDER BY id' % employee)
    return found[0][0] if found else None


def appraiser_of(rpc, employee):
    "Today's Pejabat Penilai of `employee` (as the server computes it)."
    record, = rpc('admin').call('model.company.employee.read', [employee],
        ['appraiser'], {})
    return record['appraiser']


def appraiser_with_login(rpc, sql, employee, excluded):
    """(appraiser, their login) of `employee` when the appraiser has a
    login and is not `excluded`, else None."""
    appraiser = appraiser_of(rpc, employee)
    login = appraiser and user_of(sql, appraiser)
    if login and appraiser not in excluded:
        return appraiser, login


def others(sql):
    "The employees of the other test files: pegawai, rekan, kasi.identitas."
    return {employee_of(sql, login)
        for login in ['pegawai', 'rekan', 'kasi.identitas']}


# ---------------------------------------------------------------- Activities

def free_hours(sql, employee, date, count):
    "`count` evening hours of `date` free of the employee's activities."
    taken = [(str(s)[:5], str(e)[:5]) for s, e in sql(
            'SELECT start_time, end_time FROM skp_activity '
            "WHERE employee = %d AND date = '%s'" % (employee, date))]
    hours = []
    for hour in range(18, 23):
        start, end = '%02d:00' % hour, '%02d:00' % (hour + 1)
        if all(not (s < end and start < e) for s, e in taken):
            hours.append((start, end))
    if len(hours) < count:
        pytest.skip('no free evening hours today for the activities')
    return hours[-count:]


@pytest.fixture(scope='module')
def worker(sql, rpc):
    """(login, employee, appraiser login, appraiser): a staff member with a
    NIP login, an approved SKP and activities of their own, outside
    kasi.identitas's team, whose Pejabat Penilai has a login."""
    excluded = others(sql)
    kasi = employee_of(sql, 'kasi.identitas')
    for login, employee, supervisor in sql(
            'SELECT u.login, e.id, e.supervisor FROM company_employee e '
            'JOIN res_user u ON u.employee = e.id '
            'WHERE EXISTS (SELECT 1 FROM skp_skp s WHERE s.employee = e.id '
            "AND s.state = 'approved') "
            'AND EXISTS (SELECT 1 FROM skp_activity a '
            'WHERE a.employee = e.id AND a.iki IS NOT NULL) '
            'ORDER BY e.id DESC'):
        if (not login.isdigit() or employee in excluded
                or supervisor == kasi):
            continue
        found = appraiser_with_login(rpc, sql, employee, excluded)
        if found:
            return login, employee, found[1], found[0]
    pytest.skip('no employee with activities and a Pejabat Penilai login')


def test_activities_bulk_verify(session, sql, worker):
    login, employee, appraiser_login, appraiser = worker
    name = name_of(sql, employee)
    today = dt.date.today().isoformat()
    hours = free_hours(sql, employee, today, 2)
    token = 'ujibulk%d' % employee
    descriptions = ['Rekap layanan %s %s' % (token, start.replace(':', ''))
        for start, _ in hours]

    page = session(login)
    tab = open_menu(page, 'SKP ASN', 'Aktivitas Harian', 'Aktivitas Saya')
    domain_tab(tab, 'Hari Ini')
    wait_loaded(tab)
    editing = tab.locator('.treeview table.tree > tbody > tr:has('
        'input[name=start_time])')
    for (start, end), description in zip(hours, descriptions):
        # sao may still be busy with the previous save: click New until
        # the new row is in edition (not the one saved before)
        for _ in range(TIMEOUT // 5000):
            tab.locator('button#new_').click()
            try:
                expect(editing.locator('input[name=name]:visible')
                    ).to_have_value('', timeout=5000)
                break
            except AssertionError:
                pass
        expect(editing.locator('input[name=name]:visible')).to_have_value('')
        editing.locator('input[name=start_time]:visible').fill(start)
        editing.locator('input[name=end_time]:visible').fill(end)
        editing.locator('input[name=name]:visible').fill(description)
        expect(editing.locator('input[name=iki]')).not_to_have_value('')
        tab.locator('button#save').click()
        expect(rows(tab).filter(has_text=description)).to_have_count(1)
    found = stored(sql, 'SELECT id, state FROM skp_activity '
        "WHERE name LIKE '%%%s%%' ORDER BY start_time" % token,
        lambda r: len(r) == 2)
    assert [s for _, s in found] == ['draft', 'draft']
    activities = [i for i, _ in found]
    # submitted with their row buttons, one after the other; sao takes a
    # click on the row of a record that is not the current one as its
    # selection: click until the button goes
    for description in descriptions:
        row = rows(tab).filter(has_text=description)
        button = row.locator('button', has_text='Ajukan')
        for _ in range(TIMEOUT // 5000):
            try:
                button.first.click(timeout=5000)
                expect(button).to_be_hidden(timeout=5000)
                break
            except (AssertionError, sync_api.TimeoutError):
                pass
        expect(button).to_be_hidden()
    assert stored(sql, 'SELECT state FROM skp_activity WHERE id IN (%s)'
        % ','.join(map(str, activities)),
        lambda r: all(s == 'submitted' for s, in r)) == [
        ('submitted',), ('submitted',)]

    page = session(appraiser_login)
    tab = open_menu(page, 'SKP ASN', 'Aktivitas Harian',
        'Aktivitas untuk Diverifikasi')
    wait_loaded(tab)
    search(tab, token)
    wait_loaded(tab, 2)
    listed = rows(tab)
    expect(listed).to_have_count(2)
    expect(listed.first).to_contain_text(name)
    # both selected with their check boxes, then one click on Verifikasi
    for i in range(2):
        listed.nth(i).locator(
            'input[type=checkbox][name^="tree-selection"]').check()
    expect(tab.locator('.treeview table.tree > tbody '
            'input[type=checkbox][name^="tree-selection"]:checked')
        ).to_have_count(2)
    with page.expect_request(lambda r: '"method":'
            '"model.skp.activity.verify"' in (
                r.post_data or '').replace(' ', '')) as request:
        listed.nth(1).locator('button', has_text='Verifikasi').click()
    verified = stored(sql, 'SELECT state, verified_by FROM skp_activity '
        'WHERE id IN (%s)' % ','.join(map(str, activities)),
        lambda r: all(s != 'submitted' for s, _ in r))
    assert verified == [('verified', appraiser)] * 2, (
        verified, request.value.post_data)
    tab.locator('button#reload').click()
    wait_loaded(tab, 0)
    expect(rows(tab)).to_have_count(0)


# ---------------------------------------------------------------- Evaluation

@pytest.fixture(scope='module')
def submitted_evaluation(sql, rpc):
    """(evaluation, employee, appraiser login, appraiser): a submitted
    evaluation whose Pejabat Penilai has a login."""
    excluded = others(sql)
    for evaluation, employee in sql(
            'SELECT id, employee FROM skp_evaluation '
            "WHERE state = 'submitted' ORDER BY id DESC"):
        if employee in excluded:
            continue
        found = appraiser_with_login(rpc, sql, employee, excluded)
        if found:
            return evaluation, employee, found[1], found[0]
    pytest.skip('no submitted evaluation with a Pejabat Penilai login')


def choose(tab, field, label):
    select = tab.locator('.form select[name=%s]:visible' % field).first
    select.select_option(label=label)


def test_evaluation_assess(session, sql, submitted_evaluation):
    evaluation, employee, login, appraiser = submitted_evaluation
    name = name_of(sql, employee)

    page = session(login)
    tab = open_menu(page, 'SKP ASN', 'Penilaian', 'Penilaian Kinerja')
    domain_tab(tab, 'Untuk Dinilai')
    wait_loaded(tab)
    search(tab, name)
    wait_loaded(tab, text=name)
    row = rows(tab).filter(has_text=name).first
    expect(row).to_contain_text('Diajukan')
    # selected, then shown in the form with the switch button
    check = row.locator('input[type=checkbox][name^="tree-selection"]')
    check.check()
    expect(check).to_be_checked()
    expect(tab.locator('.navbar-text .badge').first).to_have_text(
        re.compile(r'^1/\d+$'))
    tab.locator('button#switch_').click()
    expect(tab.locator('.form input[name=employee]').first).to_have_value(
        re.compile(re.escape(name)))
    state = tab.locator('.form select[name=state]').first
    expect(state).to_have_value('"submitted"')
    tab.locator('.form .nav-tabs a', has_text='Hasil').first.click()
    choose(tab, 'rating_result', 'Di Atas Ekspektasi')
    choose(tab, 'rating_behaviour', 'Sesuai Ekspektasi')
    tab.locator('.form button:visible', has_text=re.compile('^Nilai$')
        ).first.click()
    expect(state).to_have_value('"assessed"')
    predikat = tab.locator('.form select[name=predikat]').first
    expect(predikat).to_have_value('"baik"')
    assert predikat.evaluate(
        'e => e.options[e.selectedIndex].text') == 'Baik'
    screenshot(page, 'penilai-3-evaluasi')

    (state, result, behaviour, predikat, assessed_by), = stored(sql,
        'SELECT state, rating_result, rating_behaviour, predikat, '
        'assessed_by FROM skp_evaluation WHERE id = %d' % evaluation,
        lambda r: r[0][0] == 'assessed')
    assert (state, result, behaviour, predikat, assessed_by) == (
        'assessed', 'above', 'as_expected', 'baik', appraiser)


# ---------------------------------------------------------------- New SKP

NEWCOMER_UNIT = 'Subbagian Umum dan Kepegawaian Bappeda'


@pytest.fixture(scope='module')
def newcomer(rpc, sql, DEMO_PASSWORD):
    """(login, employee, Kasi's login, Kasi's first RHK line): a new staff
    member of NEWCOMER_UNIT under its head, with a user and no SKP yet,
    made by the admin through RPC."""
    admin = rpc('admin')
    (kasi, unit, company, kasi_login), = sql(
        'SELECT e.id, e.unit, e.company, u.login FROM skp_unit s '
        'JOIN company_employee e ON e.id = s.head '
        'JOIN res_user u ON u.employee = e.id '
        "WHERE s.name = '%s'" % NEWCOMER_UNIT)
    (rhk,), = sql('SELECT r.name FROM skp_rhk r '
        'JOIN skp_skp s ON s.id = r.skp '
        "WHERE s.employee = %d AND s.state = 'approved' "
        'ORDER BY r.id LIMIT 1' % kasi)
    (group,), = sql("SELECT db_id FROM ir_model_data WHERE module = "
        "'skp_asn' AND fs_id = 'group_skp_employee'")
    (language,), = sql("SELECT id FROM ir_lang WHERE code = 'id'")
    nip = '199805172025012003'
    party, = admin.call('model.party.party.create', [{
                'name': 'Nurul Fadilah, S.Kom.', 'code': nip}], {})
    employee, = admin.call('model.company.employee.create', [{
                'party': party, 'company': company, 'nip': nip,
                'start_date': dt.date(2025, 1, 1), 'asn_status': 'cpns',
                'rank': 'III/a', 'position': 'Pranata Komputer Ahli Pertama',
                'position_type': 'pelaksana', 'unit': unit,
                'supervisor': kasi}], {})
    admin.call('model.res.user.create', [{
                'login': nip, 'name': 'Nurul Fadilah, S.Kom.',
                'password': DEMO_PASSWORD, 'language': language,
                'companies': [('add', [company])], 'company': company,
                'employees': [('add', [employee])], 'employee': employee,
                'groups': [('add', [group])]}], {})
    return nip, employee, kasi_login, rhk.splitlines()[0]


def pick(page, widget, text):
    """Choose the record showing `text` for the Many2One `widget` through
    its search button and sao's search dialog (typing a name instead races
    sao's completion against its own search dialog)."""
    dialogs = page.locator('.modal-dialog:visible')
    opened = dialogs.count()
    widget.locator('.icon-secondary button').click()
    expect(dialogs).to_have_count(opened + 1)
    found = dialogs.nth(opened).locator(
        '.treeview table.tree > tbody > tr', has_text=text).first
    found.click()
    expect(found).to_have_class(re.compile('selected'))
    dialogs.nth(opened).locator('.modal-footer button.btn-primary').click()
    expect(dialogs).to_have_count(opened)
    expect(widget.locator('input').first).to_have_value(
        re.compile(re.escape(text)))


def many2one(scope, name):
    return scope.locator('.form-many2one:has(input[name=%s])' % name).first


def test_skp_created_from_scratch(session, sql, newcomer):
    """A newcomer creates their SKP in sao: the period, an RHK that
    intervenes in their Pejabat Penilai's, an IKI with its target; submits
    it; the Pejabat Penilai approves it with the button (issue 3)."""
    login, employee, kasi_login, leader_rhk = newcomer
    name = name_of(sql, employee)

    page = session(login)
    tab = open_menu(page, 'SKP ASN', 'SKP')
    wait_loaded(tab, 0)
    tab.locator('button#new_').click()
    expect(tab.locator('.form input[name=employee]').first).to_have_value(
        re.compile(re.escape(name)))
    pick(page, many2one(tab.locator('.form'), 'period'),
        str(dt.date.today().year))
    expect(tab.locator('.form input[name=start_date]').first
        ).not_to_have_value('')

    # an RHK in its dialog, and in it an IKI in a dialog of its own
    tab.locator('.form .tab-pane.active .form-one2many').first.locator(
        'button[aria-label="Baru"]').click()
    dialogs = page.locator('.modal-dialog:visible')
    expect(dialogs).to_have_count(1)
    rhk = dialogs.nth(0)
    rhk.locator('textarea[name=name]').fill(
        'Data kepegawaian pegawai baru termutakhir')
    pick(page, many2one(rhk, 'parent'), leader_rhk)
    rhk.locator('.form-one2many').first.locator(
        'button[aria-label="Baru"]').click()
    expect(dialogs).to_have_count(2)
    iki = dialogs.nth(1)
    for field, value in [
            ('textarea[name=name]', 'Data pegawai yang dimutakhirkan'),
            ('input[name=target]', '240'),
            ('input[name=uom]', 'data')]:
        box = iki.locator(field + ':visible').first
        box.click()
        box.press_sequentially(value)
        box.press('Tab')  # sao takes a value when the field loses focus
    iki.locator('button#save').click()
    expect(dialogs).to_have_count(1)
    rhk.locator('button#save').click()
    expect(dialogs).to_have_count(0)
    tab.locator('button#save').click()
    found = stored(sql, 'SELECT s.id, s.state, COUNT(i.id) FROM skp_skp s '
        'JOIN skp_rhk r ON r.skp = s.id JOIN skp_iki i ON i.rhk = r.id '
        'WHERE s.employee = %d GROUP BY s.id, s.state' % employee)
    (skp, state, ikis), = found
    assert (state, ikis) == ('draft', 1)

    click_until(tab, 'Ajukan', tab.locator('.form select[name=state]').first,
        '"submitted"', 'model.skp.skp.submit')
    assert stored(sql, 'SELECT state FROM skp_skp WHERE id = %d' % skp,
        lambda r: r[0][0] == 'submitted') == [('submitted',)]
    # the decision is not offered to the one who submitted
    expect(tab.locator('.form button:visible', has_text=re.compile(
                'Setujui|Kembalikan'))).to_have_count(0)

    page = session(kasi_login)
    tab = open_menu(page, 'SKP ASN', 'SKP untuk Disetujui')
    wait_loaded(tab)
    row = rows(tab).filter(has_text=name)
    expect(row).to_have_count(1)
    row.dblclick()
    state = tab.locator('.form select[name=state]').first
    expect(state).to_have_value('"submitted"')
    click_until(tab, 'Setujui', state, '"approved"', 'model.skp.skp.approve')
    assert stored(sql, 'SELECT state, version, approved_by FROM skp_skp '
        'WHERE id = %d' % skp, lambda r: r[0][0] == 'approved') == [
        ('approved', 1, employee_of(sql, kasi_login))]
