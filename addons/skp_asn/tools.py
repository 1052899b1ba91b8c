# Helpers for working with many records at once, and with their indexes.
from trytond.model import Index


def fresh(Model, records):
    """`records` again as one browse list of their sorted ids. Instances
    that come in set order from many browse lists make trytond rescan and
    re-read those lists field by field: quadratic (15 s for 3,000 IKI,
    docs/performance.md, fix 4); one list reads in batches."""
    return Model.browse(sorted({r.id for r in records}))


def drop_name_index(Model):
    """Drop the index trytond makes on the record name of `Model` (a Text
    field of free text). Without pg_trgm it is a btree of varchar_pattern_ops:
    sao's searches (ilike '%text%') cannot use it, every insert pays for it,
    and PostgreSQL refuses a row whose text exceeds a btree entry (about
    2.7 kB incompressible: 'index row size exceeds btree maximum')."""
    Model._sql_indexes = {index for index in Model._sql_indexes
        if not any(isinstance(usage, Index.Similarity)
            for _, usage in index.expressions)}
