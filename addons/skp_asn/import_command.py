# The skp-import command: the imports of importer.py and service_import.py
# from files, in one transaction, with the errors printed as a compiler
# does. Like importer.py, it must not import trytond.model at load time:
# the backend follows the configuration file, read first.
import argparse
import sys

from trytond import config
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.transaction import Transaction

from .import_rows import ImportFile
from .importer import Importer


def main(argv=None):
    "The skp-import command; return its exit code."
    parser = argparse.ArgumentParser(prog='skp-import',
        description="Import organisation units and employees from CSV or "
        "XLSX files shaped like a SIASN/SIMPEG export, and service requests "
        "shaped like a SIAK export. Every row is checked first: on any error "
        "nothing is written and the command exits with 1.")
    parser.add_argument('-c', '--config', dest='config_file',
        help="the trytond configuration file")
    parser.add_argument('-d', '--database', required=True,
        help="the database name")
    parser.add_argument('--units', metavar='FILE',
        help="the organisation units file")
    parser.add_argument('--employees', metavar='FILE',
        help="the employees file")
    parser.add_argument('--services', metavar='FILE',
        help="the service requests file, imported after the units and "
        "employees")
    parser.add_argument('--create-users', action='store_true',
        help="create a user (login = NIP, group SKP Pegawai, no password) "
        "for each employee without one")
    parser.add_argument('--dry-run', action='store_true',
        help="check and count only, write nothing")
    parser.add_argument('--company', type=int,
        help="the company id (needed when there are several)")
    parser.add_argument('--language',
        help="the language of the messages (default: the database's)")
    args = parser.parse_args(argv)
    if not (args.units or args.employees or args.services):
        parser.error("give --units, --employees, --services or several")
    files = {}
    for name in ['units', 'employees', 'services']:
        path = getattr(args, name)
        if path:
            try:
                with open(path, 'rb') as fp:
                    files[name] = ImportFile(path, fp.read())
            except OSError as exception:
                parser.error(str(exception))
    config.update_etc(args.config_file)
    return _import(args, files)


def _import(args, files):
    # Loaded only now: the backend follows the configuration file.
    from trytond import backend

    from .service_import import ServiceImporter
    database = args.database
    pool = Pool(database)
    with Transaction().start(database, 0, readonly=True):
        pool.init()
        company = _company(args.company)
        language = args.language or pool.get('ir.configuration').get_language()
    with Transaction().start(database, 0,
            context={'language': language, 'company': company}) as transaction:
        services = files.pop('services', None)
        importer = Importer(company, create_users=args.create_users)
        service_importer = ServiceImporter(company)
        try:
            if files:
                importer.run(dry_run=args.dry_run, **files)
            # The requests may refer to the units and employees just written
            if services and not importer.errors:
                service_importer.run(services, dry_run=args.dry_run)
        except (UserError, backend.DatabaseIntegrityError) as exception:
            transaction.rollback()
            print(getattr(exception, 'message', exception), file=sys.stderr)
            print(gettext('skp_asn.msg_import_failed', count=1),
                file=sys.stderr)
            return 1
        errors = importer.errors + service_importer.errors
        for error in errors:
            print(format_error(error), file=sys.stderr)
        if errors:
            transaction.rollback()
            print(gettext('skp_asn.msg_import_failed', count=len(errors)),
                file=sys.stderr)
            return 1
        if files:
            _print_counts(importer.counts, args.create_users)
        if services:
            print(gettext('skp_asn.msg_service_import_summary', **{
                        k: service_importer.counts[k]
                        for k in ['created', 'updated', 'unchanged']}))
        if args.dry_run:
            print(gettext('skp_asn.msg_import_dry_run'))
    return 0


def format_error(error):
    "file:row: column: message, as compilers do (the row and column if any)."
    place = ':'.join(str(p) for p in [error.file, error.row] if p)
    return ': '.join(p for p in [place, error.column, error.message] if p)


def _company(company_id):
    pool = Pool()
    Company = pool.get('company.company')
    companies = Company.search([('id', '=', company_id)] if company_id
        else [])
    if len(companies) != 1:
        sys.exit("skp-import: choose the company with --company: %s" % (
                ', '.join('%s (%s)' % (c.id, c.rec_name)
                    for c in Company.search([])) or '-'))
    return companies[0].id


def _print_counts(counts, users):
    for name in ['units', 'employees']:
        print(gettext('skp_asn.msg_import_summary_' + name,
                **{k: counts[name + '_' + k]
                    for k in ['created', 'updated', 'unchanged']}))
    if users:
        print(gettext('skp_asn.msg_import_summary_users',
                created=counts['users_created']))


if __name__ == '__main__':
    sys.exit(main())
