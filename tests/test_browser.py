"""User journeys in the sao web client, in headless Chromium.

Each test logs in through sao's login dialog, clicks through the menu,
lists, forms and buttons the way a user does, asserts what the page shows,
and checks what was stored with `sql` (straight from the database):

1. pegawai lists the employees: herself and her superiors only; a wrong
   password is refused (sao asks for the password again);
2. an employee creates a new version of their SKP with the button Revisi,
   changes it, submits it; their Pejabat Penilai approves it from "SKP
   untuk Disetujui";
3. pegawai enters and submits a daily activity, kasi.identitas verifies it
   from "Aktivitas untuk Diverifikasi";
4. pegawai prints her SKP from its form: the download is a PDF.

Data: the SKP journey uses the last staff member of kasi.identitas's
section with a NIP login (not pegawai or rekan, whom the other test files
read): the revision of their approved SKP is made, submitted and approved
in sao, which supersedes version 1. The activity is
pegawai's, today, in an hour free of her other activities.

With SKP_SCREENSHOTS=<folder> the journeys save 1280x800 PNG screenshots
there under stable names (scripts/screenshots.sh makes those of the user
guides, docs/panduan/img).

Needs the playwright package, Chromium (/usr/bin/chromium or
SKP_CHROMIUM) and sao (var/sao/package): the module is skipped without
them.
"""
import datetime as dt
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import SAO_ROOT

sync_api = pytest.importorskip('playwright.sync_api')
expect = sync_api.expect

CHROMIUM = (os.environ.get('SKP_CHROMIUM') or shutil.which('chromium')
    or '/usr/bin/chromium')
if not Path(CHROMIUM).exists():
    pytest.skip('Chromium is not installed', allow_module_level=True)
if not (SAO_ROOT / 'index.html').exists():
    pytest.skip('sao is not installed (bash scripts/setup.sh)',
        allow_module_level=True)

TIMEOUT = 30_000  # ms
VIEWPORT = {'width': 1280, 'height': 800}
SCREENSHOTS = os.environ.get('SKP_SCREENSHOTS')

expect.set_options(timeout=TIMEOUT)


@pytest.fixture(scope='module')
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
            args=['--no-sandbox', '--disable-dev-shm-usage'])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def session(browser, server_url, database_name, DEMO_PASSWORD, tmp_path):
    """session(login, password=None) -> a page of sao logged in as `login`
    in a browser context of its own; closed at the end of the test, after
    a screenshot of its last state in the test's temporary folder."""
    contexts = []

    def open_(login, password=None):
        context = browser.new_context(viewport=VIEWPORT,
            accept_downloads=True)
        context.set_default_timeout(TIMEOUT)
        contexts.append(context)
        page = context.new_page()
        page.goto('%s#%s' % (server_url, database_name))
        enter_login(page, login)
        enter_password(page, password or DEMO_PASSWORD)
        page.locator('#menu .column-char[title="SKP ASN"]').wait_for()
        return page
    yield open_
    for i, context in enumerate(contexts):
        for page in context.pages:
            try:
                page.screenshot(path=str(tmp_path / ('last-%d.png' % i)))
            except sync_api.Error:
                pass
        context.close()


def enter_login(page, login):
    """Fill sao's login dialog (the database comes from the URL) and wait
    for the password prompt. The dialog shows before sao has finished
    starting, when a click may be lost: click again then."""
    page.wait_for_load_state('networkidle')
    page.locator('.login-dialog input#login').fill(login)
    prompt = page.locator('.ask-dialog input[type=password]')
    for _ in range(TIMEOUT // 5000):
        button = page.locator('.login-dialog button[type=submit]')
        if button.is_enabled():
            button.click()
        try:
            prompt.wait_for(timeout=5000)
            return
        except sync_api.TimeoutError:
            pass
    prompt.wait_for()


def enter_password(page, password):
    "Answer sao's password prompt."
    field = page.locator('.ask-dialog input[type=password]')
    field.fill(password)
    field.press('Enter')


def screenshot(page, name):
    "Save a screenshot named `name` when SKP_SCREENSHOTS is set."
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / ('%s.png' % name)))


def open_menu(page, *path):
    """Click through the menu: expand each folder of `path` but the last,
    then open the last entry; return the new tab."""
    *folders, entry = path
    for title in folders:
        row = menu_row(page, title)
        expander = row.locator('.expander img')
        child = menu_row(page, path[path.index(title) + 1])
        if not child.is_visible():
            expander.click()
        child.wait_for()
    menu_row(page, entry).click()
    tab = current_tab(page)
    expect(tab.locator('.title-long')).to_have_text(
        re.compile(re.escape(entry) + '$'))
    return tab


def menu_row(page, title):
    return page.locator('#menu tr', has=page.locator(
            '.column-char[title="%s"]' % title)).first


def current_tab(page):
    return page.locator('#tabcontent > .tab-pane.active')


def rows(tab):
    "The records of the list view of `tab` (not the sum row)."
    return tab.locator('.treeview table.tree > tbody > tr:has('
        'input[type=checkbox][name^="tree-selection"])')


def wait_loaded(tab, count=None, text=None):
    """Wait until the list of `tab` counts `count` records (or some) and
    shows them: sao updates the counter before it draws the rows. With
    `text`, also until each row shows it: just after a search, the counter
    and the rows may still be those of the list before it."""
    badge = tab.locator('.navbar-text .badge').first
    pattern = re.compile(r'/(%s)$' % (r'\d+' if count is None else count))
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        found = pattern.search(badge.inner_text())
        shown = rows(tab).count()
        # sao draws 20 rows at first (Sao.config.display_size)
        if (found and shown == min(int(found.group(1)), 20)
                and (text is None or (shown and not rows(tab).filter(
                            has_not_text=text).count()))):
            return
        assert time.monotonic() < deadline, (
            'list counts %r, shows %d rows' % (badge.inner_text(), shown))
        time.sleep(0.1)


def domain_tab(tab, name):
    """Select the tab `name` of the action's domains (Draf, Diajukan...),
    once the first tab's list is loaded: a search answered after the
    chosen tab's would draw the first tab's records again."""
    wait_loaded(tab)
    link = tab.locator('.tab-domain .nav-tabs a[role=tab]', has_text=name)
    link.first.click()
    expect(tab.locator('.tab-domain .nav-tabs li.active')).to_contain_text(
        name)


def open_record(tab, row, employee):
    """Open the record of list `row` in its form; wait until the form shows
    the record of `employee` (its name) and return the form's state."""
    # A double click on a row sao is redrawing is lost, or opens the form
    # on no record ("_/1"): then back to the list and again.
    badge = tab.locator('.navbar-text .badge').first
    opened = re.compile(r'^\d+/\d+$')
    deadline = time.monotonic() + TIMEOUT / 1000
    row.dblclick()
    while not opened.match(badge.inner_text()):
        assert time.monotonic() < deadline, 'the form did not open'
        time.sleep(1)
        if opened.match(badge.inner_text()):
            break
        if not row.is_visible():
            tab.locator('button#switch_').click()
        row.dblclick()
    expect(tab.locator('.form input[name=employee]').first).to_have_value(
        re.compile(re.escape(employee)))
    return tab.locator('.form select[name=state]').first


def search(tab, text):
    "Search `text` with the search box of the list of `tab`."
    box = tab.locator('input.form-control[autocomplete=off][list]').first
    box.fill(text)
    box.press('Enter')


def state_label(tab):
    "The text of the selected state in the form of `tab`."
    select = tab.locator('.form select[name=state]').first
    return select.evaluate('e => e.options[e.selectedIndex].text')


def click_button(tab, text):
    tab.locator('.form button:visible', has_text=text).first.click()


def click_until(tab, text, state, value, method):
    """Click the button `text` until sao sends its call `method`, then wait
    for the form's `state` to show `value`: a click while sao still reloads
    the record after a save is lost; a second click once the call is sent
    would call the button on a record already past it."""
    button = tab.locator('.form button:visible', has_text=text).first
    sent = None
    for _ in range(TIMEOUT // 5000):
        # not while sao still saves or reloads the record: the button would
        # be refused as concurrent with the save
        tab.page.wait_for_function('() => jQuery.active === 0',
            timeout=TIMEOUT)
        try:
            with tab.page.expect_response(lambda r: '"method":"%s"' % method
                    in (r.request.post_data or '').replace(' ', ''),
                    timeout=5000) as response:
                button.click(timeout=5000)
            sent = response.value
            break
        except sync_api.TimeoutError:
            pass
    assert sent, '%s did not call %s' % (text, method)
    error = sent.json().get('error')
    assert not error, '%s: %s answered %s' % (text, method, error)
    expect(state).to_have_value(value)


def stored(sql, query, predicate=bool):
    """The rows of `query` once `predicate` holds for them: the client
    shows a change a moment before its request has been committed."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        result = sql(query)
        if predicate(result) or time.monotonic() > deadline:
            return result
        time.sleep(0.2)


def click_row_button(page, row, text, method):
    """Click the button `text` of the list `row`, which calls `method`.
    sao takes the first click on a row that is not selected yet as its
    selection (editable lists), so click until the call is sent."""
    button = row.locator('button', has_text=text).first
    for _ in range(TIMEOUT // 5000):
        try:
            with page.expect_request(lambda r: '"method":"%s"' % method
                    in (r.post_data or '').replace(' ', ''), timeout=5000):
                button.click()
            return
        except sync_api.TimeoutError:
            pass
    raise AssertionError('%s did not call %s' % (text, method))


def employee_of(sql, login):
    return sql("SELECT employee FROM res_user WHERE login = '%s'"
        % login)[0][0]


def name_of(sql, employee):
    return sql('SELECT p.name FROM company_employee e '
        'JOIN party_party p ON p.id = e.party WHERE e.id = %d'
        % employee)[0][0]


# ---------------------------------------------------------------- 1. Login

def test_login_and_employee_list(session, browser, server_url,
        database_name, sql):
    "pegawai sees herself and her superiors, not her colleague rekan."
    # A wrong password: sao gets a 401 and asks for the password again
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto('%s#%s' % (server_url, database_name))
        page.locator('.login-dialog input#login').wait_for()
        screenshot(page, 'pegawai-0-login')
        enter_login(page, 'pegawai')
        with page.expect_response(
                lambda r: r.url.endswith('/session/login')
                and r.status == 401, timeout=TIMEOUT):
            enter_password(page, 'not-the-password')
        prompt = page.locator('.ask-dialog input[type=password]')
        expect(prompt).to_be_visible()
        expect(prompt).to_have_value('')
        expect(page.locator('.ask-dialog label')).to_have_text(
            re.compile('pegawai'))
        expect(page.locator('#menu .column-char[title="SKP ASN"]')
            ).to_have_count(0)
    finally:
        context.close()

    page = session('pegawai')
    me = employee_of(sql, 'pegawai')
    expect(page.locator('#user-preferences, .navbar').first).to_contain_text(
        name_of(sql, me))
    tab = open_menu(page, 'SKP ASN', 'Pegawai (ASN)')
    # herself and the chain of her superiors
    expected = [name for name, in sql(
            'WITH RECURSIVE chain(id) AS (SELECT %d UNION '
            'SELECT e.supervisor FROM company_employee e '
            'JOIN chain ON e.id = chain.id WHERE e.supervisor IS NOT NULL) '
            'SELECT p.name FROM chain JOIN company_employee e '
            'ON e.id = chain.id JOIN party_party p ON p.id = e.party'
            % me)]
    assert len(expected) >= 3
    wait_loaded(tab, len(expected))
    expect(rows(tab)).to_have_count(len(expected))
    shown = tab.locator('.treeview table.tree > tbody').inner_text()
    for name in expected:
        assert name in shown
    rekan = name_of(sql, employee_of(sql, 'rekan'))
    assert rekan not in shown
    screenshot(page, 'pegawai-1-menu')


# ---------------------------------------------------------------- 2. SKP

@pytest.fixture(scope='module')
def approved(sql):
    """(login, employee, skp): a staff member of kasi.identitas with a NIP
    login and an approved SKP never revised."""
    appraiser = employee_of(sql, 'kasi.identitas')
    return next((l, e, s) for l, e, s in sql(
            'SELECT u.login, e.id, s.id FROM company_employee e '
            'JOIN res_user u ON u.employee = e.id '
            'JOIN skp_skp s ON s.employee = e.id '
            "WHERE e.supervisor = %d AND s.state = 'approved' "
            'AND NOT EXISTS (SELECT 1 FROM skp_skp r '
            'WHERE r.previous = s.id) ORDER BY e.id DESC' % appraiser)
        if l.isdigit())


def open_approved_skp(page, name):
    """Open the approved SKP of `name` from the list "SKP" (tab Disetujui)
    in its form; return the tab."""
    tab = open_menu(page, 'SKP ASN', 'SKP')
    domain_tab(tab, 'Disetujui')
    wait_loaded(tab)
    row = rows(tab).filter(has_text=name).filter(has_text='Disetujui')
    state = open_record(tab, row.first, name)
    expect(state).to_have_value('"approved"')
    return tab


def approve_as_kasi(session, name, screenshot_name=None):
    """kasi.identitas opens the submitted SKP of `name` from "SKP untuk
    Disetujui" and approves it with the button."""
    page = session('kasi.identitas')
    tab = open_menu(page, 'SKP ASN', 'SKP untuk Disetujui')
    wait_loaded(tab)
    row = rows(tab).filter(has_text=name)
    expect(row).to_have_count(1)
    state = open_record(tab, row, name)
    expect(state).to_have_value('"submitted"')
    if screenshot_name:
        screenshot(page, screenshot_name)
    click_button(tab, re.compile('Setujui|Tetapkan'))
    expect(state).to_have_value('"approved"')
    assert state_label(tab) == 'Disetujui'


def test_skp_revise_submit_and_approve(session, sql, approved):
    """The employee creates version 2 of their SKP with the button Revisi,
    changes it and submits it; the Pejabat Penilai approves it."""
    login, employee, previous = approved
    name = name_of(sql, employee)
    consequence = 'Konsekuensi versi 2 (uji peramban)'

    page = session(login)
    tab = open_approved_skp(page, name)
    click_button(tab, 'Revisi')
    # the new version opens in a tab of its own, as a draft
    (skp, version), = stored(sql, 'SELECT id, version FROM skp_skp '
        'WHERE previous = %d' % previous)
    assert version == 2
    tab = current_tab(page)
    expect(tab.locator('.form input[name=version]').first).to_have_value('2')
    # titled as the revision of the version it started from
    expect(tab.locator('.title-long')).to_have_text(
        re.compile(r'^Revisi \(.* v1\)$'))
    state = tab.locator('.form select[name=state]').first
    expect(state).to_have_value('"draft"')
    tab.locator('.form .nav-tabs a', has_text='Lampiran').first.click()
    text = tab.locator('.form textarea[name=consequences]:visible')
    text.fill(consequence)
    text.press('Tab')  # sao takes a value when the field loses focus
    tab.locator('button#save').click()
    assert stored(sql, 'SELECT consequences FROM skp_skp WHERE id = %d'
        % skp, lambda r: r[0][0] == consequence) == [(consequence,)]
    click_until(tab, 'Ajukan', state, '"submitted"', 'model.skp.skp.submit')
    assert state_label(tab) == 'Diajukan'
    screenshot(page, 'pegawai-3-skp')
    assert stored(sql, 'SELECT state FROM skp_skp WHERE id = %d' % skp,
        lambda r: r[0][0] == 'submitted') == [('submitted',)]

    approve_as_kasi(session, name, screenshot_name='penilai-2-skp')

    appraiser = employee_of(sql, 'kasi.identitas')
    (state, approved_by, approved_date, version), = sql(
        'SELECT state, approved_by, approved_date, version FROM skp_skp '
        'WHERE id = %d' % skp)
    assert (state, approved_by, version) == ('approved', appraiser, 2)
    assert str(approved_date)[:10] == dt.date.today().isoformat()
    assert sql('SELECT state FROM skp_skp WHERE id = %d' % previous) == [
        ('superseded',)]
    signatories = {r for r, in sql('SELECT role FROM skp_signatory '
            'WHERE skp = %d' % skp)}
    assert {'employee', 'appraiser'} <= signatories


# ---------------------------------------------------------------- 3. Activity

def free_hour(sql, employee, date):
    "An hour of `date` (after office hours) free of the employee's activities."
    taken = [(str(s)[:5], str(e)[:5]) for s, e in sql(
            'SELECT start_time, end_time FROM skp_activity '
            "WHERE employee = %d AND date = '%s'" % (employee, date))]
    for hour in range(17, 23):
        start, end = '%02d:00' % hour, '%02d:00' % (hour + 1)
        if all(not (s < end and start < e) for s, e in taken):
            return start, end
    pytest.skip('no free hour today for the activity')


def test_activity_submit_and_verify(session, sql):
    me = employee_of(sql, 'pegawai')
    today = dt.date.today().isoformat()
    start, end = free_hour(sql, me, today)
    # a word found by sao's search box (its words are searched in the
    # record name, here the description)
    token = 'ujisao%s' % start.replace(':', '')
    description = 'Verifikasi berkas KTP-el %s' % token

    page = session('pegawai')
    tab = open_menu(page, 'SKP ASN', 'Aktivitas Harian', 'Aktivitas Saya')
    domain_tab(tab, 'Hari Ini')
    wait_loaded(tab)
    tab.locator('button#new_').click()
    editing = tab.locator('.treeview table.tree > tbody > tr:has('
        'input[name=start_time])')
    editing.locator('input[name=start_time]:visible').fill(start)
    editing.locator('input[name=end_time]:visible').fill(end)
    editing.locator('input[name=name]:visible').fill(description)
    # the IKI she used last is filled in
    expect(editing.locator('input[name=iki]')).not_to_have_value('')
    tab.locator('button#save').click()
    row = rows(tab).filter(has_text=description)
    expect(row).to_have_count(1)
    (activity, state, minutes), = stored(sql, 'SELECT id, state, minutes '
        "FROM skp_activity WHERE name = '%s'" % description)
    assert (state, minutes) == ('draft', 60)
    # the tab "Hari Ini" lists all of today's activities of hers
    (today_count,), = sql('SELECT COUNT(*) FROM skp_activity '
        "WHERE employee = %d AND date = '%s'" % (me, today))
    expect(rows(tab)).to_have_count(today_count)
    click_row_button(page, row, 'Ajukan', 'model.skp.activity.submit')
    assert stored(sql, 'SELECT state FROM skp_activity WHERE id = %d'
        % activity, lambda r: r != [('draft',)]) == [('submitted',)]
    # the button goes once submitted
    expect(row.locator('button', has_text='Ajukan')).to_be_hidden()
    expect(row.locator('td:has(select[name=state]), td:has-text("Diajukan")'
        ).first).to_contain_text('Diajukan')
    screenshot(page, 'pegawai-2-aktivitas')

    page = session('kasi.identitas')
    tab = open_menu(page, 'SKP ASN', 'Aktivitas Harian',
        'Aktivitas untuk Diverifikasi')
    wait_loaded(tab)
    screenshot(page, 'penilai-1-verifikasi')
    # the list shows its first rows only: search for the activity
    search(tab, token)
    wait_loaded(tab, 1)
    row = rows(tab).filter(has_text=description)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(name_of(sql, me))
    click_row_button(page, row, 'Verifikasi', 'model.skp.activity.verify')
    (state, verified_by), = stored(sql, 'SELECT state, verified_by '
        'FROM skp_activity WHERE id = %d' % activity,
        lambda r: r[0][0] != 'submitted')
    assert (state, verified_by) == (
        'verified', employee_of(sql, 'kasi.identitas'))
    expect(row.locator('button', has_text='Verifikasi')).to_be_hidden()
    # reloaded, the list of activities to verify has it no more
    tab.locator('button#reload').click()
    expect(rows(tab).filter(has_text=description)).to_have_count(0)


# ---------------------------------------------------------------- 4. Print

def test_print_skp(session, sql):
    me = employee_of(sql, 'pegawai')
    name = name_of(sql, me)
    documents = sql('SELECT COUNT(*) FROM skp_document')[0][0]

    page = session('pegawai')
    tab = open_approved_skp(page, name)
    tab.locator('button#print').click()
    with page.expect_download(timeout=TIMEOUT) as download:
        tab.locator('ul[aria-labelledby=print] a',
            has_text='SKP').first.click()
    path = download.value.path()
    content = Path(path).read_bytes()
    assert content.startswith(b'%PDF'), content[:40]
    assert download.value.suggested_filename.endswith('.pdf')
    assert sql('SELECT COUNT(*) FROM skp_document')[0][0] == documents + 1


# ---------------------------------------------------------------- 5. Import

def test_import_wizard_opens(session, sql):
    """admin.dukcapil opens the import of units and employees (Data Induk);
    cancelling it imports nothing."""
    employees = sql('SELECT COUNT(*) FROM company_employee')[0][0]
    page = session('admin.dukcapil')
    for title, child in [('SKP ASN', 'Data Induk'),
            ('Data Induk', 'Impor Unit dan Pegawai')]:
        if not menu_row(page, child).is_visible():
            menu_row(page, title).locator('.expander img').click()
        menu_row(page, child).wait_for()
    menu_row(page, 'Impor Unit dan Pegawai').click()
    dialog = page.locator('.modal-dialog', has_text='Impor Unit dan Pegawai')
    expect(dialog).to_contain_text('Berkas Pegawai')
    expect(dialog.locator('button', has_text='Impor')).to_be_visible()
    screenshot(page, 'admin-opd-1-impor')
    dialog.locator('button', has_text='Batal').click()
    expect(dialog).to_have_count(0)
    assert sql('SELECT COUNT(*) FROM company_employee')[0][0] == employees
