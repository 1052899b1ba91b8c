"""A local SMTP server for tests: it keeps what it receives, and can be told
to refuse messages after a number of them, to show what a failing mail
server does to the code that sends, or to hold the next one unanswered
(the sender blocks in the middle of its work, where a test can kill it).

    sink = SMTPSink.start()          # listens on 127.0.0.1, a free port
    config.set('email', 'uri', sink.uri)
    ...
    sink.messages                    # [(recipients, email.message), ...]
    sink.accept, sink.hold = 3, True # the 4th message waits...
    sink.holding.wait(60)            # ...here, unanswered,
    sink.release.set()               # until dropped (never accepted)
    sink.stop()
"""
import email
import email.policy
import socketserver
import threading


class SMTPSink(socketserver.ThreadingTCPServer):
    """A local SMTP server keeping what it receives; after `accept` messages
    (None: no limit) it refuses every further message with 554, or, with
    `hold`, leaves it unanswered until `release` and then drops it."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(('127.0.0.1', 0), SMTPHandler)
        self.messages = []
        self.refused = 0
        self.accept = None
        self.hold = False
        self.holding = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    @property
    def uri(self):
        return 'smtp://%s:%s' % self.server_address

    @classmethod
    def start(cls):
        "A new sink serving in a thread of its own."
        sink = cls()
        threading.Thread(target=sink.serve_forever, daemon=True).start()
        return sink

    def stop(self):
        self.shutdown()
        self.server_close()


class SMTPHandler(socketserver.StreamRequestHandler):

    def reply(self, line):
        self.wfile.write(line.encode() + b'\r\n')

    def handle(self):
        server = self.server
        self.reply('220 sink ESMTP')
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode('utf-8', 'replace').strip()
            verb = command[:4].upper()
            if verb == 'EHLO':
                self.reply('250-sink')
                self.reply('250 8BITMIME')
            elif verb in {'HELO', 'NOOP'}:
                self.reply('250 ok')
            elif verb == 'MAIL':
                recipients = []
                self.reply('250 ok')
            elif verb == 'RCPT':
                recipients.append(command.split(':', 1)[1].strip(' <>'))
                self.reply('250 ok')
            elif verb == 'RSET':
                recipients = []
                self.reply('250 ok')
            elif verb == 'DATA':
                self.reply('354 go on')
                data = []
                while True:
                    line = self.rfile.readline()
                    if line in {b'.\r\n', b'.\n', b''}:
                        break
                    data.append(line[1:] if line.startswith(b'..') else line)
                with server.lock:
                    full = (server.accept is not None
                        and len(server.messages) >= server.accept)
                    if full and not server.hold:
                        server.refused += 1
                        self.reply('554 refused by the test')
                        continue
                if full:
                    server.holding.set()
                    server.release.wait()
                    return
                with server.lock:
                    message = email.message_from_bytes(
                        b''.join(data), policy=email.policy.default)
                    server.messages.append((recipients, message))
                self.reply('250 queued')
            elif verb == 'QUIT':
                self.reply('221 bye')
                return
            else:
                self.reply('502 unknown')
