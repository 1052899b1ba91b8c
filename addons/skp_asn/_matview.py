# trytond 8.0 creates the materialized view of a table_query
# ([table_query_materialized]) with the query's values as bound parameters,
# which PostgreSQL refuses in a view's definition ("materialized views may
# not be defined using bound parameters"): no query with a literal could be
# materialized. The same statement through psycopg's ClientCursor, which
# writes the values into the SQL. This belongs upstream.
from psycopg import ClientCursor
from psycopg.sql import SQL, Identifier

from trytond.backend.postgresql.database import Database


def create_materialized_view(self, connection, view_name, query):
    cursor = ClientCursor(connection)
    cursor.execute(
        SQL("CREATE MATERIALIZED VIEW IF NOT EXISTS {} AS {} WITH NO DATA")
        .format(Identifier(view_name), SQL(str(query))),
        query.params)
    cursor.execute(
        SQL("CREATE UNIQUE INDEX ON {}(id)").format(Identifier(view_name)))


Database.create_materialized_view = create_materialized_view
