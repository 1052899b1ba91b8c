# Helpers for working with many records at once.


def fresh(Model, records):
    """`records` again as one browse list of their sorted ids. Instances
    that come in set order from many browse lists make trytond rescan and
    re-read those lists field by field: quadratic (15 s for 3,000 IKI,
    docs/performance.md, fix 4); one list reads in batches."""
    return Model.browse(sorted({r.id for r in records}))
