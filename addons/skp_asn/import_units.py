# The units part of the import (importer.py): the rows of a units file, the
# order units are created in (parents first) and the heads set once their
# employees exist. Like importer.py, it must not import trytond.model at load
# time.
from collections import defaultdict

from trytond.pool import Pool
from trytond.transaction import check_access

from .import_rows import normalise_nip

# The first alias found in the header names the column (import_rows.py).
UNIT_COLUMNS = {
    'code': ('UNOR ID', 'ID UNOR', 'KODE UNOR', 'UNIT CODE', 'CODE'),
    'name': ('NAMA UNOR', 'UNOR NAMA', 'NAMA', 'NAME'),
    'kind': ('JENIS UNOR', 'JENIS', 'KIND'),
    'parent': ('DIATASAN ID', 'INDUK UNOR ID', 'PARENT CODE', 'PARENT'),
    'head': ('NIP KEPALA', 'HEAD NIP', 'HEAD'),
    }
UNIT_REQUIRED = ('code', 'name', 'kind')
UNIT_KIND_ALIASES = {
    'pemerintah kota': 'government',
    'pemerintah kabupaten': 'government',
    'pemerintah daerah': 'government',
    'pemkot': 'government',
    'perangkat daerah': 'opd',
    'dinas': 'opd',
    'badan': 'opd',
    'bidang': 'division',
    'bagian': 'division',
    'seksi': 'section',
    'subbagian': 'section',
    'sub bagian': 'section',
    'subbag': 'section',
    'subbidang': 'section',
    'sub bidang': 'section',
    'uptd': 'upt',
    }


def find_loops(keys, parent):
    """Return {key: loop} for the keys that are on a loop of `parent`
    links (a function of a key), the loop as a list of keys."""
    done, result = set(), {}
    for start in keys:
        path, index = [], {}
        key = start
        while key is not None and key not in done and key not in index:
            index[key] = len(path)
            path.append(key)
            key = parent(key)
        if key is not None and key in index:
            loop = path[index[key]:]
            for member in loop:
                result[member] = loop
        done.update(path)
    return result


def levels(keys, parent):
    """Group `keys` by depth, parents first: a key's depth is that of its
    parent plus one when the parent is among `keys` (no loops)."""
    keys = set(keys)
    depth = {}
    for key in keys:
        path = []
        while key in keys and key not in depth:
            path.append(key)
            key = parent(key)
        base = depth.get(key, -1)
        for offset, member in enumerate(reversed(path), 1):
            depth[member] = base + offset
    result = defaultdict(list)
    for key, value in depth.items():
        result[value].append(key)
    return [result[d] for d in sorted(result)]


class UnitImportMixin:
    "Check and write the rows of a units file (for Importer)."

    def _check_units(self, file, rows):
        pool = Pool()
        ModelAccess = pool.get('ir.model.access')
        with check_access():
            allowed = all(ModelAccess.check('skp.unit', mode,
                    raise_exception=False) for mode in ['create', 'write'])
        if not allowed:
            self._error(file, None, None, 'msg_import_units_forbidden')
            return
        plan = {}
        for row in rows:
            values = self._unit_values(file, row)
            if values:
                plan[values['code']] = (row, values)

        def parent(code):
            if code in plan and 'parent' in plan[code][1]:
                return plan[code][1]['parent']
            return self.units.get(code, {}).get('parent')
        self._check_loops(file, plan, parent, 'parent')
        for code, (row, values) in plan.items():
            self._plan(self.units_plan, 'units', row, values,
                self.units.get(code))

    def _unit_values(self, file, row):
        "The values of a units row, or None when it is wrong."
        count = len(self.errors)
        code = self._required(file, row, 'code')
        if code and not self._first(file, row, 'code', code, self.file_codes):
            return
        values = {
            'code': code,
            'name': self._required(file, row, 'name'),
            'kind': (self._required(file, row, 'kind')
                and self._choice(file, row, 'kind', self.kinds)),
            }
        if 'parent' in row.values:
            values['parent'] = row.values['parent'] or None
            if values['parent'] and not self._unit_known(values['parent']):
                self._error(file, row.number, 'parent',
                    'msg_import_unit_unknown', code=values['parent'])
        if 'head' in row.values:
            head = values['head'] = normalise_nip(row.values['head']) or None
            if head and self._check_nip(file, row, 'head', head):
                self._employee_known(file, row, 'head', head)
        if len(self.errors) == count:
            return values

    def _unit_known(self, code):
        return code in self.units or code in self.file_codes

    def _unit_name(self, code):
        return self.units[code]['name'] if code in self.units else '-'

    def _save_units(self):
        "Create the new units parents first, then update the others."
        pool = Pool()
        Unit = pool.get('skp.unit')
        new = {v['code']: v for _, v, r in self.units_plan if not r}
        for level in levels(new, lambda c: new[c].get('parent')):
            units = Unit.create([dict(self._unit_write_values(new[c]),
                        company=self.company) for c in level])
            self.unit_ids.update((u.code, u.id) for u in units)
        self._write(Unit, [(r['id'], self._unit_write_values(v, r['code']))
                for _, v, r in self.units_plan if r])

    def _unit_write_values(self, values, code=None):
        "The values of a unit with ids; heads not yet created are delayed."
        code = code or values['code']
        values = values.copy()
        if values.get('parent'):
            values['parent'] = self.unit_ids[values['parent']]
        if values.get('head'):
            head = values.pop('head')
            if head in self.employee_ids:
                values['head'] = self.employee_ids[head]
            else:
                self.pending_heads[code] = head
        return values

    def _save_heads(self):
        "Set the heads who were created with the employees."
        pool = Pool()
        Unit = pool.get('skp.unit')
        self._write(Unit, [(self.unit_ids[c], {'head': self.employee_ids[n]})
                for c, n in self.pending_heads.items()])
