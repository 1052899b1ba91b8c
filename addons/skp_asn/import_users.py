# The users the import creates for new employees (importer.py).
from trytond.pool import Pool
from trytond.tools import grouped_slice
from trytond.transaction import Transaction, without_check_access

# The domain of res.user.employee is validated with a nested term per user
# and SQLite refuses expressions deeper than 1000.
USER_BATCH = 250


class UserImportMixin:
    "The logins and user links that exist, and the users to create."

    @property
    def logins(self):
        if not hasattr(self, '_logins'):
            self._load_users()
        return self._logins

    @property
    def user_employees(self):
        if not hasattr(self, '_user_employees'):
            self._load_users()
        return self._user_employees

    def _load_users(self):
        pool = Pool()
        User = pool.get('res.user')
        UserEmployee = pool.get('res.user-company.employee')
        user = User.__table__()
        user_employee = UserEmployee.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*user.select(user.login))
        self._logins = {login for login, in cursor}
        cursor.execute(*user_employee.select(user_employee.employee))
        self._user_employees = {employee for employee, in cursor}

    def _save_users(self):
        """A user per employee without one: login = NIP, group SKP Pegawai,
        no password (set by an administrator or a password reset).

        Created as root: res.user is writable by administrators only, and
        the employees were checked against the importer's rights."""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        User = pool.get('res.user')
        group = ModelData.get_id('skp_asn', 'group_skp_employee')
        with without_check_access():
            for users in grouped_slice(self.users_plan, USER_BATCH):
                User.create([{
                            'login': nip,
                            'name': name,
                            'email': email,
                            'companies': [('add', [self.company])],
                            'company': self.company,
                            'employees': [('add', [self.employee_ids[nip]])],
                            'employee': self.employee_ids[nip],
                            'groups': [('add', [group])],
                            } for nip, name, email in users])
