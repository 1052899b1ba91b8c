# No two activities of an employee overlap in time (DOMAIN §5): checked when
# they are written (check_overlap, which names both) and, on PostgreSQL, by an
# exclusion constraint that also holds between concurrent transactions.
from sql.operators import Equal

from trytond import backend
from trytond.backend import MAX_QUERY_PARAMS
from trytond.i18n import gettext
from trytond.model import Exclude
from trytond.model.exceptions import SQLConstraintError, ValidationError
from trytond.sql.functions import TSRange
from trytond.sql.operators import RangeOverlap
from trytond.tools import grouped_slice, reduce_ids
from trytond.transaction import Transaction

# Fields whose change may make two activities of an employee overlap.
OVERLAP_FIELDS = {'employee', 'date', 'start_time', 'end_time'}


class DeferredExclude(Exclude):
    """An exclusion constraint PostgreSQL checks at commit, or when told
    (SET CONSTRAINTS ... IMMEDIATE), instead of at each row."""
    __slots__ = ()

    def __str__(self, using=''):
        return super().__str__(using=using) + ' DEFERRABLE INITIALLY DEFERRED'


class OverlapMixin:
    "The overlap rule of skp.activity."
    __slots__ = ()

    @classmethod
    def __setup__(cls):
        super().__setup__()
        if backend.name == 'postgresql':
            t = cls.__table__()
            # No overlap (DOMAIN §5) also between entries made at the same
            # time, which check_overlap cannot see in each other's
            # transaction (a double save): enforced by PostgreSQL, deferred
            # to the end of create and write (check_no_overlap).
            cls._sql_constraints.append(('no_overlap', DeferredExclude(t,
                        (t.employee, Equal),
                        (TSRange(t.date + t.start_time, t.date + t.end_time),
                            RangeOverlap),
                        # a row ending before it starts has no range: it
                        # gets check_times' error
                        where=t.end_time > t.start_time),
                    'skp_asn.msg_activity_overlap_concurrent'))

    @classmethod
    def __register__(cls, module):
        if backend.name == 'postgresql':
            cls._create_btree_gist()
        super().__register__(module)

    @classmethod
    def _create_btree_gist(cls):
        """The extension the no_overlap constraint needs (trusted since
        PostgreSQL 13: the database owner may create it). Committed on its
        own: trytond asks for extensions on another connection, which would
        not see it in this transaction, and then leaves the constraint out
        without a word."""
        database = Transaction().database
        if database.has_extension('btree_gist'):
            return
        try:
            with Transaction().new_transaction() as transaction:
                transaction.connection.cursor().execute(
                    'CREATE EXTENSION IF NOT EXISTS btree_gist')
                transaction.commit()
        except Exception as exception:
            raise RuntimeError("SKP-ASN needs the PostgreSQL extension "
                "btree_gist in database %s: run 'CREATE EXTENSION btree_gist' "
                "in it as its owner or a superuser (docs/deployment.md)"
                % database.name) from exception
        database._extensions[database.name].pop('btree_gist', None)

    @classmethod
    def check_overlap(cls, activities, field_names=None):
        "No two activities of an employee overlap in time (one query)."
        if field_names and not (OVERLAP_FIELDS & field_names):
            return
        cursor = Transaction().connection.cursor()
        table, other = cls.__table__(), cls.__table__()
        for sub_ids in grouped_slice([a.id for a in activities],
                MAX_QUERY_PARAMS):
            cursor.execute(*table.join(other, condition=(
                        (other.employee == table.employee)
                        & (other.date == table.date)
                        & (other.id != table.id)
                        & (other.start_time < table.end_time)
                        & (table.start_time < other.end_time))
                    ).select(table.id, other.id,
                    where=reduce_ids(table.id, sub_ids), limit=1))
            row = cursor.fetchone()
            if row:
                activity, other_activity = cls.browse(row)
                raise ValidationError(gettext(
                        'skp_asn.msg_activity_overlap',
                        activity=activity.rec_name,
                        other=other_activity.rec_name))

    @classmethod
    def check_no_overlap(cls):
        """Check the no_overlap constraint now (PostgreSQL). It is deferred
        so that the record rules and check_overlap, which names the
        activities, answer first: it refuses only an overlap with a row of
        a concurrent transaction, once that transaction commits."""
        if backend.name != 'postgresql':
            return
        cursor = Transaction().connection.cursor()
        try:
            cursor.execute('SET CONSTRAINTS "%s_no_overlap" IMMEDIATE'
                % cls._table)
        except backend.DatabaseIntegrityError as exception:
            # The transaction is aborted: the message is read in another
            with Transaction().new_transaction():
                message = gettext('skp_asn.msg_activity_overlap_concurrent')
            raise SQLConstraintError(message) from exception
