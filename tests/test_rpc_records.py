"""The record rules of the personal performance records (SKP and its lines,
activities, realisations, evaluations) attacked through real JSON-RPC.

`rekan` is a colleague of `pegawai` in the same seksi (same supervisor) and
`kabid.capil` heads another bidang of the same OPD: neither may read, find,
export, change or delete anything of `pegawai`'s, whatever method they
call. Her supervisor sees them; the Pimpinan reads them and changes
nothing. The ground truth is read from the database with the `sql` fixture.
"""
import pytest

from skp_tools.rpc import RPCError

_SKP = 'JOIN skp_skp s ON s.id = r.skp'
_RHK = 'JOIN skp_rhk r ON r.id = i.rhk ' + _SKP
# model: (query of (id, owner employee), a text field to attack)
RECORDS = {
    'skp.skp': ('SELECT id, employee FROM skp_skp', 'resource_support'),
    'skp.rhk': ('SELECT r.id, s.employee FROM skp_rhk r ' + _SKP, 'name'),
    'skp.iki': ('SELECT i.id, s.employee FROM skp_iki i ' + _RHK, 'name'),
    'skp.iki.plan': ('SELECT p.id, s.employee FROM skp_iki_plan p '
        'JOIN skp_iki i ON i.id = p.iki ' + _RHK, 'name'),
    'skp.iki.realisation': ('SELECT x.id, s.employee '
        'FROM skp_iki_realisation x JOIN skp_iki i ON i.id = x.iki ' + _RHK,
        'note'),
    'skp.activity': ('SELECT id, employee FROM skp_activity', 'name'),
    'skp.evaluation': ('SELECT id, employee FROM skp_evaluation', 'note'),
    'skp.evaluation.line': ('SELECT l.id, v.employee '
        'FROM skp_evaluation_line l '
        'JOIN skp_evaluation v ON v.id = l.evaluation', 'obstacle'),
    }
ATTACKERS = ['rekan', 'kabid.capil']
REFUSED = 'You are not allowed to '


def owned(sql, model, employees):
    "The ids of `model` owned by one of `employees`, from the database."
    query, _ = RECORDS[model]
    return {i for i, e in sql(query) if e in employees}


def text(sql, model, ids):
    "The attacked field of the records `ids`, from the database."
    query, field = RECORDS[model]
    table = query.split(' FROM ')[1].split()[0]
    return dict(sql('SELECT id, %s FROM %s WHERE id IN (%s)' % (
                field, table, ','.join(map(str, ids)))))


@pytest.fixture(scope='module')
def users(sql):
    return dict(sql(
        'SELECT login, employee FROM res_user WHERE employee IS NOT NULL'))


@pytest.fixture(scope='module')
def call(rpc):
    "call(login, model, method, *args) with the login's preferences."
    contexts = {}

    def call(login, model, method, *args):
        client = rpc(login)
        if login not in contexts:
            contexts[login] = client.call(
                'model.res.user.get_preferences', True, {})
            contexts[login]['language'] = 'en'
        return client.call('model.%s.%s' % (model, method), *args,
            contexts[login])
    return call


def refused(function):
    with pytest.raises(RPCError) as info:
        function()
    assert info.value.fault == 'UserError', info.value.detail
    return info.value.message


@pytest.fixture(params=sorted(RECORDS))
def model(request):
    return request.param


@pytest.fixture
def victim(sql, users, model):
    "The ids of `pegawai`'s records of `model` (never empty)."
    ids = owned(sql, model, {users['pegawai']})
    assert ids, "the demo gives pegawai records of %s" % model
    return sorted(ids)


@pytest.mark.parametrize('attacker', ATTACKERS)
class TestOutsiders:

    def test_cannot_find(self, call, model, victim, attacker):
        found = set(call(attacker, model, 'search', [], 0, None, None))
        assert not (found & set(victim))
        assert call(attacker, model, 'search_count',
            [('id', 'in', victim)]) == 0
        assert call(attacker, model, 'search_read',
            [('id', 'in', victim)], 0, None, None, ['id']) == []

    def test_cannot_read(self, call, model, victim, attacker):
        message = refused(
            lambda: call(attacker, model, 'read', victim[:1], ['id']))
        assert message.startswith(REFUSED + 'read records')

    def test_cannot_export(self, call, model, victim, attacker):
        message = refused(
            lambda: call(attacker, model, 'export_data', victim[:1], ['id']))
        assert message.startswith(REFUSED)

    def test_cannot_write(self, call, sql, model, victim, attacker):
        field = RECORDS[model][1]
        before = text(sql, model, victim)
        refused(lambda: call(attacker, model, 'write', victim,
                {field: "Hacked"}))
        assert text(sql, model, victim) == before

    def test_cannot_delete(self, call, sql, users, model, victim, attacker):
        refused(lambda: call(attacker, model, 'delete', victim[:1]))
        assert victim[0] in owned(sql, model, {users['pegawai']})


class TestCreateForOthers:

    def test_activity_for_a_colleague(self, call, sql, users):
        count = sql('SELECT COUNT(*) FROM skp_activity')
        refused(lambda: call('rekan', 'skp.activity', 'create', [{
                        'employee': users['pegawai'],
                        'date': {'__class__': 'date', 'year': 2026,
                            'month': 11, 'day': 2},
                        'start_time': {'__class__': 'time', 'hour': 8,
                            'minute': 0, 'second': 0, 'microsecond': 0},
                        'end_time': {'__class__': 'time', 'hour': 9,
                            'minute': 0, 'second': 0, 'microsecond': 0},
                        'name': "Forged",
                        }]))
        assert sql('SELECT COUNT(*) FROM skp_activity') == count

    def test_realisation_on_a_colleague_iki(self, call, sql, users):
        iki = min(owned(sql, 'skp.iki', {users['pegawai']}))
        period, = sql('SELECT MIN(id) FROM skp_period_evaluation')[0]
        count = sql('SELECT COUNT(*) FROM skp_iki_realisation')
        refused(lambda: call('rekan', 'skp.iki.realisation', 'create', [{
                        'iki': iki, 'evaluation_period': period,
                        'value': '99'}]))
        assert sql('SELECT COUNT(*) FROM skp_iki_realisation') == count


class TestSupervisorAndLeaders:

    def test_supervisor_sees_the_team(self, call, sql, users, model):
        kasi = users['kasi.identitas']
        team = {e for e, s in sql(
                'SELECT id, supervisor FROM company_employee')
            if s == kasi}
        expected = owned(sql, model, team)
        assert expected
        found = set(call('kasi.identitas', model, 'search',
                [('id', 'in', sorted(expected))], 0, None, None))
        assert found == expected

    def test_pimpinan_reads_all_writes_nothing(
            self, call, sql, users, model, victim):
        assert set(call('pimpinan', model, 'search',
                [('id', 'in', victim)], 0, None, None)) == set(victim)
        field = RECORDS[model][1]
        before = text(sql, model, victim)
        refused(lambda: call('pimpinan', model, 'write', victim,
                {field: "Changed by the leadership"}))
        refused(lambda: call('pimpinan', model, 'delete', victim[:1]))
        assert text(sql, model, victim) == before


class TestEvidence:
    "Evidence files are attachments: readable only with their activity."

    @pytest.fixture
    def evidence(self, call, sql, users):
        activity = min(i for i, e, s in sql(
                'SELECT id, employee, state FROM skp_activity')
            if e == users['pegawai'] and s in {'draft', 'rejected'})
        attachment, = call('pegawai', 'ir.attachment', 'create', [{
                    'name': 'surat-tugas.txt',
                    'resource': 'skp.activity,%s' % activity,
                    'type': 'data',
                    'data': {'__class__': 'bytes',
                        'base64': 'YnVrdGkgZHVrdW5n'},
                    }])
        yield attachment, activity
        call('pegawai', 'ir.attachment', 'delete', [attachment])

    def test_colleague_cannot_find_or_read(self, call, evidence):
        attachment, activity = evidence
        resource = 'skp.activity,%s' % activity
        assert call('rekan', 'ir.attachment', 'search',
            [('resource', '=', resource)], 0, None, None) == []
        message = refused(lambda: call('rekan', 'ir.attachment', 'read',
                [attachment], ['data']))
        assert message.startswith(REFUSED)
        refused(lambda: call('rekan', 'ir.attachment', 'write',
                [attachment], {'name': 'forged.txt'}))

    def test_supervisor_reads(self, call, evidence):
        attachment, activity = evidence
        record, = call('kasi.identitas', 'ir.attachment', 'read',
            [attachment], ['name', 'resource'])
        assert record['name'] == 'surat-tugas.txt'
        assert record['resource'] == 'skp.activity,%s' % activity


class TestServiceRequests:
    "Service requests are read by their unit and the heads above; HR edits."

    @pytest.fixture
    def requests(self, sql):
        return dict(sql('SELECT id, unit FROM skp_service_request'))

    def test_staff_read_their_unit_only(self, call, sql, users, requests):
        unit, = sql('SELECT unit FROM company_employee WHERE id = %s'
            % users['pegawai'])[0]
        mine = {i for i, u in requests.items() if u == unit}
        assert mine and mine != set(requests)
        assert set(call('pegawai', 'skp.service.request', 'search',
                [], 0, None, None)) == mine
        other = min(set(requests) - mine)
        refused(lambda: call('pegawai', 'skp.service.request', 'read',
                [other], ['number']))
        refused(lambda: call('pegawai', 'skp.service.request', 'write',
                [min(mine)], {'number': 'FORGED'}))

    def test_other_opd_sees_none(self, call, requests):
        assert call('kadis.dinkes', 'skp.service.request', 'search',
            [('id', 'in', sorted(requests))], 0, None, None) == []
