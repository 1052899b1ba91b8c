"""Telling people about their work: a notification in the client and the
same text by e-mail to those with an address, each in the recipient's own
language (Tryton's res.notification and transactional mailer: nothing is
sent if the transition is rolled back)."""
from email.message import EmailMessage

from trytond.config import config
from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.sendmail import send_message_transactional
from trytond.tools.email_ import format_address, set_from_header
from trytond.transaction import Transaction, without_check_access


def users_of(employees):
    "The users linked to `employees` (None ignored)."
    User = Pool().get('res.user')
    ids = sorted({e.id for e in employees if e})
    if not ids:
        return []
    return User.search([('employees', 'in', ids)])


def language_of(user):
    "The code of the language `user` reads in (None: the default)."
    return user.language.code if user and user.language else None


def notify(users, message_id, record=None, **variables):
    """Notify `users` with the text of `message_id` formatted with
    `variables`, linked to `record` when given; mail it to those with an
    e-mail address. Return the notifications."""
    Notification = Pool().get('res.notification')
    notifications = []
    for user in users:
        with Transaction().set_context(language=language_of(user)):
            label = gettext(message_id, **variables)
        notification = Notification(user=user, icon='skp-asn', label=label)
        if record is not None:
            notification.model = record.__name__
            notification.records = str([record.id])
        notifications.append(notification)
        address = _address(user)
        if address:
            send_message_transactional(_message(user, address, label))
    Notification.save(notifications)
    return notifications


def _address(user):
    """The user's e-mail, else that of the user's employee (from SIMPEG),
    read by the server: the person acting may not read it (party.xml)."""
    if user.email:
        return user.email
    if user.employee:
        with without_check_access():
            return Pool().get('party.party')(
                user.employee.party.id).email


def _message(user, address, text):
    msg = EmailMessage()
    from_ = config.get('email', 'from')
    set_from_header(msg, from_, from_)
    msg['To'] = format_address(address, user.name)
    msg['Subject'] = text
    msg.set_content(text)
    return msg
