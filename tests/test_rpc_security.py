"""The record rules of company.employee attacked through real JSON-RPC, as
each demo role, on the Makassar demo data.

What a role may see is computed from the database itself (tables read with
the `sql` fixture, around trytond) and compared with what the server returns
to that role; errors are checked by their message and nothing may change.
"""
import datetime as dt
import re
from collections import defaultdict
from contextlib import contextmanager

import pytest

from skp_tools.rpc import Client, HTTPError, RPCError

READ_REFUSED = ('You are not allowed to read records "%s" of '
    '"Company Employee" because of at least one of these rules:')
WRITE_REFUSED = ('You are not allowed to write to records "%s" of '
    '"Company Employee" because of at least one of these rules:')
MODEL_REFUSED = 'You are not allowed to access "Company Employee".'
APPRAISER_MENU = 'menu_skp_to_approve'  # shown to SKP Pejabat Penilai only


class Org:
    "The organisation as stored: employees, units and users."

    def __init__(self, sql):
        self.nip, self.supervisor, self.unit = {}, {}, {}
        self.subordinates = defaultdict(set)
        for id_, nip, supervisor, unit in sql(
                'SELECT id, nip, supervisor, unit FROM company_employee'):
            self.nip[id_] = nip
            self.supervisor[id_] = supervisor
            self.unit[id_] = unit
            self.subordinates[supervisor].add(id_)
        self.units, self.parent, self.head = {}, {}, {}
        self.children = defaultdict(set)
        for id_, name, parent, head in sql(
                'SELECT id, name, parent, head FROM skp_unit'):
            self.units[name] = id_
            self.parent[id_] = parent
            self.head[id_] = head
            self.children[parent].add(id_)
        self.actings = sql(
            'SELECT employee, unit, start_date, end_date FROM skp_acting')
        self.employee = dict(sql('SELECT login, employee FROM res_user '
                'WHERE employee IS NOT NULL'))
        self.position = dict(sql('SELECT id, position FROM company_employee'))

    @property
    def all(self):
        return set(self.nip)

    def below(self, employee):
        "The recursive subordinates of `employee`."
        result = set()
        todo = [employee]
        while todo:
            for child in self.subordinates[todo.pop()] - result:
                result.add(child)
                todo.append(child)
        return result

    def above(self, employee):
        "The chain of supervisors of `employee`."
        result = []
        while self.supervisor[employee]:
            employee = self.supervisor[employee]
            result.append(employee)
        return set(result)

    def visible_to(self, login):
        """What the rules let a login (without admin groups) read: self,
        recursive subordinates and superiors; the acting officials (Plt/Plh,
        any date) of the own unit and its parents or of the units below the
        ones headed; the people without a supervisor in the units headed;
        the people of the units acted for today."""
        employee = self.employee[login]
        unit = self.unit[employee]
        up = set()
        while unit:
            up.add(unit)
            unit = self.parent[unit]
        headed = self.subtree(
            *[u for u, h in self.head.items() if h == employee])
        today = str(dt.date.today())
        acted = self.subtree(*[u for e, u, start, end in self.actings
                if e == employee and str(start) <= today <= str(end)])
        officials = {e for e, u, _, _ in self.actings if u in up | headed}
        vacant = {e for e, u in self.unit.items()
            if u in headed and not self.supervisor[e]}
        return ({employee} | self.below(employee) | self.above(employee)
            | officials | vacant
            | {e for e, u in self.unit.items() if u in acted})

    def subtree(self, *units):
        "The given units and all the units below them."
        result, todo = set(), list(units)
        while todo:
            unit = todo.pop()
            result.add(unit)
            todo.extend(self.children[unit])
        return result

    def in_unit_tree(self, name):
        "The employees of the unit `name` and of the units below it."
        units = self.subtree(self.units[name])
        return {e for e, u in self.unit.items() if u in units}


DISDUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
DINKES = "Dinas Kesehatan"


@pytest.fixture
def org(sql):
    return Org(sql)


class Session:
    "A role calling company.employee methods with its preferences, as sao."

    def __init__(self, client):
        self.client = client
        self.context = client.call(
            'model.res.user.get_preferences', True, {})
        # Messages are asserted in English, the source language.
        self.context['language'] = 'en'

    def __call__(self, method, *args, model='company.employee'):
        return self.client.call(
            'model.%s.%s' % (model, method), *args, self.context)

    def visible(self, domain=None):
        return set(self('search', domain or [], 0, None, None))


@pytest.fixture(scope='module')
def as_(rpc):
    "as_(login) returns a Session of that demo login."
    sessions = {}

    def session(login):
        if login not in sessions:
            sessions[login] = Session(rpc(login))
        return sessions[login]
    return session


def refused(call, message):
    "Call and check it is refused with `message` (its first line)."
    with pytest.raises(RPCError) as info:
        call()
    assert info.value.fault == 'UserError'
    assert info.value.message.split('\n')[0] == message
    return info.value


class TestAuthentication:

    def test_wrong_password(self, server_url, database_name):
        with Client(server_url, database_name) as client:
            with pytest.raises(HTTPError) as info:
                client.login('pegawai', 'not-the-password')
        assert info.value.status == 401

    def test_calls_need_a_session(self, server_url, database_name):
        with Client(server_url, database_name) as client:
            with pytest.raises(HTTPError) as info:
                client.call('model.company.employee.search', [], 0, None,
                    None, {})
        assert info.value.status == 401


# The colleague in the same seksi, a head of another OPD, and a head of
# another bidang of the same OPD.
OTHERS = ['rekan', 'kadis.dinkes', 'kabid.capil']


class TestEmployee:
    "`pegawai`, a staff member, against everybody else's records."

    def test_sees_self_and_superiors(self, as_, org):
        pegawai = org.employee['pegawai']
        expected = {pegawai} | org.above(pegawai)
        assert org.visible_to('pegawai') == expected
        assert as_('pegawai').visible() == expected
        assert as_('pegawai')('search_count', []) == len(expected)
        assert {org.employee[l] for l in [
                'kasi.identitas', 'kabid.dafduk', 'kadis.dukcapil',
                'pimpinan']} <= expected

    @pytest.mark.parametrize('other', OTHERS)
    def test_cannot_read(self, as_, org, other):
        target = org.employee[other]
        refused(lambda: as_('pegawai')('read', [target], ['nip']),
            READ_REFUSED % target)

    @pytest.mark.parametrize('other', OTHERS)
    def test_cannot_find(self, as_, org, other):
        target = org.employee[other]
        pegawai = as_('pegawai')
        assert pegawai.visible([('id', '=', target)]) == set()
        assert pegawai.visible([('nip', '=', org.nip[target])]) == set()
        assert pegawai('search_count', [('id', '=', target)]) == 0
        assert pegawai('search_read', [('id', '=', target)], 0, None, None,
            ['nip']) == []

    @pytest.mark.parametrize('other', OTHERS)
    def test_cannot_export(self, as_, org, other):
        target = org.employee[other]
        refused(lambda: as_('pegawai')('export_data', [target], ['nip']),
            READ_REFUSED % target)

    def test_cannot_export_through_relation(self, as_, org):
        "The colleagues' records are not exported via the own record."
        pegawai = org.employee['pegawai']
        colleagues = org.subordinates[org.supervisor[pegawai]] - {pegawai}
        with pytest.raises(RPCError) as info:
            as_('pegawai')('export_data', [pegawai],
                ['supervisor/subordinates/nip'])
        assert info.value.fault == 'UserError'
        ids = re.fullmatch(READ_REFUSED % '([0-9, ]+)',
            info.value.message.split('\n')[0]).group(1)
        assert {int(i) for i in ids.split(', ')} <= colleagues

    @pytest.mark.parametrize('other', OTHERS)
    def test_cannot_write(self, as_, org, sql, other):
        target = org.employee[other]
        refused(lambda: as_('pegawai')(
                'write', [target], {'position': "Hacked"}),
            MODEL_REFUSED)
        assert Org(sql).position[target] == org.position[target]

    @pytest.mark.parametrize('other', OTHERS)
    def test_cannot_delete(self, as_, org, sql, other):
        target = org.employee[other]
        refused(lambda: as_('pegawai')('delete', [target]), MODEL_REFUSED)
        assert target in Org(sql).all

    def test_cannot_create(self, as_, org, sql):
        refused(lambda: as_('pegawai')('create', [{
                        'nip': '199001012015011001'}]),
            MODEL_REFUSED)
        assert Org(sql).all == org.all

    @pytest.mark.parametrize('values', [
            {'nip': '199001012015011001'},
            {'supervisor': None},
            {'supervisor': 'kadis.dinkes'},
            ], ids=['nip', 'no-supervisor', 'other-supervisor'])
    def test_cannot_change_own_nip_or_supervisor(
            self, as_, org, sql, values):
        pegawai = org.employee['pegawai']
        values = {k: org.employee.get(v, v) for k, v in values.items()}
        refused(lambda: as_('pegawai')('write', [pegawai], values),
            MODEL_REFUSED)
        now = Org(sql)
        assert (now.nip[pegawai], now.supervisor[pegawai]) == (
            org.nip[pegawai], org.supervisor[pegawai])


class TestHeads:
    "Heads see their whole subtree (through the live hierarchy) and up."

    def test_kabid_sees_subordinates_recursively(self, as_, org):
        visible = as_('kabid.dafduk').visible()
        assert visible == org.visible_to('kabid.dafduk')
        # two levels down: the staff of the Kepala Seksi
        assert {org.employee['pegawai'], org.employee['rekan']} <= visible
        capil = org.employee['kabid.capil']
        assert visible & ({capil} | org.below(capil)) == set()
        assert org.below(capil)  # the check above is not vacuous

    def test_kabid_reads_staff_two_levels_down(self, as_, org):
        rekan = org.employee['rekan']
        assert as_('kabid.dafduk')('read', [rekan], ['nip']) == [
            {'id': rekan, 'nip': org.nip[rekan]}]

    def test_kabid_cannot_read_other_division(self, as_, org):
        capil = org.employee['kabid.capil']
        target = min(org.below(capil))
        refused(lambda: as_('kabid.dafduk')('read', [target], ['nip']),
            READ_REFUSED % target)

    def test_kadis_sees_whole_opd_not_another(self, as_, org):
        visible = as_('kadis.dukcapil').visible()
        assert visible == org.visible_to('kadis.dukcapil')
        assert org.in_unit_tree(DISDUKCAPIL) <= visible
        assert visible & org.in_unit_tree(DINKES) == set()

    def test_kadis_sees_staff_of_vacant_seksi(self, as_, org):
        "The demo's Seksi Pindah Datang has no Kepala: its staff have no "
        "supervisor, yet the Kadis and the Kabid above it see them."
        vacant = {e for e in org.in_unit_tree(DISDUKCAPIL)
            if not org.supervisor[e]}
        assert vacant  # the check below is not vacuous
        assert vacant <= as_('kadis.dukcapil').visible()
        target = min(vacant)
        assert as_('kadis.dukcapil')('read', [target], ['nip']) == [
            {'id': target, 'nip': org.nip[target]}]
        refused(lambda: as_('kabid.capil')('read', [target], ['nip']),
            READ_REFUSED % target)


class TestAdmins:
    "Admin OPD manages its OPD; BKPSDM everybody; Pimpinan reads all."

    def test_admin_opd_sees_own_opd(self, as_, org):
        visible = as_('admin.dukcapil').visible()
        assert visible == (org.in_unit_tree(DISDUKCAPIL)
            | org.visible_to('admin.dukcapil'))
        assert visible & org.in_unit_tree(DINKES) == set()

    def test_admin_opd_writes_own_opd(self, as_, org, sql):
        target = org.employee['kabid.capil']
        admin = as_('admin.dukcapil')
        try:
            admin('write', [target], {'position': "Kepala Bidang (test)"})
            assert Org(sql).position[target] == "Kepala Bidang (test)"
        finally:
            admin('write', [target], {'position': org.position[target]})
        assert Org(sql).position[target] == org.position[target]

    def test_admin_opd_cannot_write_other_opd(self, as_, org, sql):
        target = org.employee['kadis.dinkes']
        refused(lambda: as_('admin.dukcapil')(
                'write', [target], {'position': "Hacked"}),
            WRITE_REFUSED % target)
        assert Org(sql).position[target] == org.position[target]

    def test_admin_opd_cannot_write_own_superiors(self, as_, org, sql):
        "Superiors are readable (they sign the SKP), never writable."
        admin = org.employee['admin.dukcapil']
        above = org.above(admin) - org.in_unit_tree(DISDUKCAPIL)
        assert above  # the Sekda, outside the OPD
        target = min(above)
        assert as_('admin.dukcapil')('read', [target], ['nip'])
        refused(lambda: as_('admin.dukcapil')(
                'write', [target], {'position': "Hacked"}),
            WRITE_REFUSED % target)
        assert Org(sql).position[target] == org.position[target]

    def test_admin_opd_cannot_read_other_opd(self, as_, org):
        target = org.employee['kadis.dinkes']
        refused(lambda: as_('admin.dukcapil')('read', [target], ['nip']),
            READ_REFUSED % target)

    def test_bkpsdm_reads_and_writes_everybody(self, as_, org, sql):
        bkpsdm = as_('bkpsdm')
        assert bkpsdm.visible() == org.all
        target = org.employee['kadis.dinkes']
        try:
            bkpsdm('write', [target], {'position': "Kepala Dinas (test)"})
            assert Org(sql).position[target] == "Kepala Dinas (test)"
        finally:
            bkpsdm('write', [target], {'position': org.position[target]})

    def test_pimpinan_reads_everybody(self, as_, org):
        pimpinan = as_('pimpinan')
        assert pimpinan.visible() == org.all
        target = org.employee['kadis.dinkes']
        assert pimpinan('read', [target], ['nip']) == [
            {'id': target, 'nip': org.nip[target]}]

    def test_pimpinan_cannot_write(self, as_, org, sql):
        target = org.employee['rekan']
        refused(lambda: as_('pimpinan')(
                'write', [target], {'position': "Hacked"}),
            MODEL_REFUSED)
        assert Org(sql).position[target] == org.position[target]


class TestAppraiserGroup:
    "SKP Pejabat Penilai is derived from the hierarchy, never stored."

    @pytest.fixture
    def menu(self, sql):
        (menu,), = sql("SELECT db_id FROM ir_model_data "
            "WHERE module = 'skp_asn' AND fs_id = '%s'" % APPRAISER_MENU)
        return menu

    @pytest.mark.parametrize('login, appraiser', [
            ('kasi.identitas', True),
            ('kabid.dafduk', True),
            ('kadis.dukcapil', True),
            ('pegawai', False),
            ('rekan', False),
            ])
    def test_group(self, as_, sql, menu, login, appraiser):
        found = as_(login)('search', [('id', '=', menu)], 0, None, None,
            model='ir.ui.menu')
        assert found == ([menu] if appraiser else [])
        # stored groups never hold it
        assert not sql('SELECT 1 FROM "res_user-res_group" ug '
            'JOIN res_user u ON u.id = ug."user" '
            'JOIN ir_model_data d ON d.db_id = ug."group" '
            "AND d.model = 'res.group' "
            "WHERE d.fs_id = 'group_skp_appraiser' "
            "AND u.login = '%s'" % login)


@contextmanager
def supervisor_changed(session, employee, supervisor, sql):
    "Set the supervisor of `employee` through RPC; restore it on exit."
    before = Org(sql).supervisor[employee]
    session('write', [employee], {'supervisor': supervisor})
    try:
        yield
    finally:
        session('write', [employee], {'supervisor': before})
    assert Org(sql).supervisor[employee] == before


class TestHierarchyChange:
    "A change of supervisor by BKPSDM applies to the very next call."

    def test_move_applies_at_once(self, as_, org, sql):
        kasi = org.employee['kasi.identitas']
        pegawai = org.employee['pegawai']
        team = {kasi} | org.below(kasi)
        assert {pegawai, org.employee['rekan']} <= team
        # Both heads have called before: their caches are warm.
        assert team <= as_('kabid.dafduk').visible()
        assert team & as_('kabid.capil').visible() == set()
        with supervisor_changed(as_('bkpsdm'), kasi,
                org.employee['kabid.capil'], sql):
            now = Org(sql)
            dafduk = as_('kabid.dafduk').visible()
            capil = as_('kabid.capil').visible()
            assert dafduk == now.visible_to('kabid.dafduk')
            assert capil == now.visible_to('kabid.capil')
            # The Kasi stays readable only as Plt of a seksi of the bidang.
            assert team & dafduk == {kasi} & now.visible_to('kabid.dafduk')
            assert (team - {kasi}) & dafduk == set()
            assert team <= capil
            refused(lambda: as_('kabid.dafduk')('read', [pegawai], ['nip']),
                READ_REFUSED % pegawai)
            assert as_('kabid.capil')('read', [pegawai], ['nip']) == [
                {'id': pegawai, 'nip': org.nip[pegawai]}]
        assert team <= as_('kabid.dafduk').visible()
        assert team & as_('kabid.capil').visible() == set()


class TestParty:
    """The parties behind the employees: everyone reads the names, nobody
    but the administrators changes them; a person's e-mail addresses and
    addresses are read by that person and the administrators only
    (party.xml)."""

    @pytest.fixture(scope='class')
    def emails(self, as_, sql):
        """{login: id of an e-mail of the login's party}, made by the
        admin for pegawai and rekan."""
        admin = as_('admin')
        result = {}
        for login in ['pegawai', 'rekan']:
            (party,), = sql('SELECT e.party FROM company_employee e '
                "JOIN res_user u ON u.employee = e.id WHERE u.login = '%s'"
                % login)
            result[login], = admin('create', [{'party': party,
                        'type': 'email',
                        'value': '%s@skp.example' % login}],
                model='party.contact_mechanism')
        return result

    @staticmethod
    def party_of(sql, employee):
        (party, name), = sql('SELECT p.id, p.name FROM company_employee e '
            'JOIN party_party p ON p.id = e.party WHERE e.id = %d'
            % employee)
        return party, name

    @pytest.mark.parametrize('other', OTHERS)
    def test_reads_names(self, as_, org, sql, other):
        party, name = self.party_of(sql, org.employee[other])
        assert as_('pegawai')('read', [party], ['name'],
            model='party.party') == [{'id': party, 'name': name}]

    @pytest.mark.parametrize('other', OTHERS)
    def test_cannot_rename(self, as_, org, sql, other):
        party, name = self.party_of(sql, org.employee[other])
        refused(lambda: as_('pegawai')('write', [party],
                {'name': 'Hacked'}, model='party.party'),
            'You are not allowed to access "Party".')
        assert self.party_of(sql, org.employee[other]) == (party, name)

    def test_cannot_rename_self(self, as_, org, sql):
        party, name = self.party_of(sql, org.employee['pegawai'])
        refused(lambda: as_('pegawai')('write', [party],
                {'name': 'Hacked'}, model='party.party'),
            'You are not allowed to access "Party".')
        assert self.party_of(sql, org.employee['pegawai']) == (party, name)

    def test_cannot_add_email_to_another(self, as_, org, sql):
        "Redirecting someone's notifications to oneself."
        party, _ = self.party_of(sql, org.employee['rekan'])
        before = sql('SELECT COUNT(*) FROM party_contact_mechanism')
        refused(lambda: as_('pegawai')('create', [{'party': party,
                        'type': 'email', 'value': 'thief@evil.example'}],
                model='party.contact_mechanism'),
            'You are not allowed to access "Party Contact Mechanism".')
        assert sql('SELECT COUNT(*) FROM party_contact_mechanism') == before

    def test_reads_own_email_not_a_colleague_s(self, as_, sql, emails):
        pegawai = as_('pegawai')
        found = pegawai('search', [('type', '=', 'email')], 0, None, None,
            model='party.contact_mechanism')
        own = {i for i, in sql('SELECT c.id FROM party_contact_mechanism c '
                'JOIN company_employee e ON e.party = c.party '
                "JOIN res_user u ON u.employee = e.id "
                "WHERE u.login = 'pegawai' AND c.type = 'email'")}
        assert emails['pegawai'] in own
        assert set(found) == own
        with pytest.raises(RPCError) as info:
            pegawai('read', [emails['rekan']], ['value'],
                model='party.contact_mechanism')
        assert info.value.message.startswith(
            'You are not allowed to read records "%s" of "Party Contact '
            'Mechanism"'
            % emails['rekan'])

    def test_hr_reads_and_changes(self, as_, emails):
        hr = as_('bkpsdm')
        found = hr('read', sorted(emails.values()), ['value'],
            model='party.contact_mechanism')
        assert {r['value'] for r in found} == {
            'pegawai@skp.example', 'rekan@skp.example'}
        hr('write', [emails['rekan']], {'value': 'rekan@makassar.example'},
            model='party.contact_mechanism')
        assert hr('read', [emails['rekan']], ['value'],
            model='party.contact_mechanism')[0]['value'] == (
            'rekan@makassar.example')

    @pytest.mark.parametrize('login, shown', [
            ('pegawai', False), ('kasi.identitas', False),
            ('admin.dukcapil', True), ('bkpsdm', True)])
    def test_parties_menu(self, as_, sql, login, shown):
        "The Parties menu only for those who may change parties."
        (menu,), = sql("SELECT db_id FROM ir_model_data "
            "WHERE module = 'party' AND fs_id = 'menu_party'")
        assert as_(login)('search', [('id', '=', menu)], 0, None, None,
            model='ir.ui.menu') == ([menu] if shown else [])

    def test_admin_opd_changes_parties_of_own_opd_only(self, as_, org, sql):
        admin = as_('admin.dukcapil')
        own, name = self.party_of(sql, org.employee['kabid.capil'])
        try:
            admin('write', [own], {'name': name + ' (uji)'},
                model='party.party')
            assert self.party_of(sql, org.employee['kabid.capil']) == (
                own, name + ' (uji)')
        finally:
            admin('write', [own], {'name': name}, model='party.party')
        other, other_name = self.party_of(sql, org.employee['kadis.dinkes'])
        with pytest.raises(RPCError) as info:
            admin('write', [other], {'name': 'Hacked'}, model='party.party')
        assert info.value.message.startswith(
            'You are not allowed to write to records "%s" of "Party"'
            % other)
        with pytest.raises(RPCError):
            admin('create', [{'party': other, 'type': 'email',
                        'value': 'thief@evil.example'}],
                model='party.contact_mechanism')
        assert self.party_of(sql, org.employee['kadis.dinkes']) == (
            other, other_name)
