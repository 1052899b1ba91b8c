# trytond 8.0's tools.cursor_dict reads cursor.description for every row.
# With psycopg 3 each access builds a new Column per column, which made up
# a third of ModelSQL.read in the benchmarks (docs/performance.md). Same
# rows, same dictionaries: the column names are read once per result.
import trytond.ir.model
import trytond.ir.translation
import trytond.model.modelsql
import trytond.tools


def cursor_dict(cursor, size=None):
    size = cursor.arraysize if size is None else size
    names = None
    while True:
        rows = cursor.fetchmany(size)
        if not rows:
            break
        if names is None:
            names = [d[0] for d in cursor.description]
        for row in rows:
            yield dict(zip(names, row))


for _module in [trytond.tools, trytond.model.modelsql, trytond.ir.model,
        trytond.ir.translation]:
    if getattr(_module, 'cursor_dict', None) is not None:
        _module.cursor_dict = cursor_dict
