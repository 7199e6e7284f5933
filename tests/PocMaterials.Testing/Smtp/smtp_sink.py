"""SMTP sink for the tests: stores every accepted message and misbehaves on request.

Run by TestSmtpServer with Debian's /usr/bin/python3 (python3-aiosmtpd):
    smtp_sink.py FOLDER
Listens on a free loopback port and prints "listening PORT" once it accepts connections.
Each accepted message becomes FOLDER/messages/NNNNNN.json (envelope, and when it was accepted) and NNNNNN.eml (raw bytes),
both renamed into place before the 250 reply, so a client that saw 250 finds them on disk.
FOLDER/behaviour.json (written by TestSmtpServer, replaced atomically) is re-read whenever it is
replaced, so tests can change the behaviour of a running server. Exits when stdin closes, which
also happens when the test process dies without cleaning up.
"""
import asyncio
import json
import logging
import os
import sys
import threading
import time

from aiosmtpd.smtp import SMTP


class Behaviour:
    """One version of behaviour.json; counts the messages accepted since it took effect."""

    def __init__(self, raw):
        self.reject_permanently = {a.lower() for a in raw.get("rejectPermanently", [])}
        self.reject_transiently = {a.lower() for a in raw.get("rejectTransiently", [])}
        self.accept_messages = raw.get("acceptMessages")
        self.delay_seconds = raw.get("delayMilliseconds", 0) / 1000
        self.accepted = 0


class Sink:
    def __init__(self, folder):
        self.messages = os.path.join(folder, "messages")
        self.behaviour_file = os.path.join(folder, "behaviour.json")
        self.behaviour_version = None
        self.behaviour = Behaviour({})
        self.sequence = 0

    def current(self):
        # A replaced file is a new inode, so (inode, mtime) changes even within one clock tick.
        stat = os.stat(self.behaviour_file)
        version = (stat.st_ino, stat.st_mtime_ns)
        if version != self.behaviour_version:
            with open(self.behaviour_file, encoding="utf-8") as f:
                self.behaviour = Behaviour(json.load(f))
            self.behaviour_version = version
        return self.behaviour

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        behaviour = self.current()
        if address.lower() in behaviour.reject_permanently:
            return f"550 5.1.1 <{address}>: recipient rejected"
        if address.lower() in behaviour.reject_transiently:
            return f"451 4.3.0 <{address}>: try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        behaviour = self.current()
        if behaviour.delay_seconds > 0:
            await asyncio.sleep(behaviour.delay_seconds)
        # No await from here on: the limit check and the count cannot interleave between connections.
        if behaviour.accept_messages is not None and behaviour.accepted >= behaviour.accept_messages:
            return "421 4.3.2 Service not available, closing transmission channel"
        self.sequence += 1
        name = os.path.join(self.messages, f"{self.sequence:06d}")
        # When the server took it (seconds since the epoch), for tests of how fast a client may send.
        write_atomically(name + ".json", json.dumps(
            {"sender": envelope.mail_from, "recipients": envelope.rcpt_tos, "received": time.time()}).encode("utf-8"))
        write_atomically(name + ".eml", envelope.original_content)
        behaviour.accepted += 1
        return "250 OK"


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as f:
        f.write(data)
    os.replace(temporary, path)


class ClosingSMTP(SMTP):
    """aiosmtpd keeps the connection after a handler's 421; RFC 5321 says the server closes it."""

    async def push(self, status):
        await super().push(status)
        if status.startswith("421") and self.transport is not None:
            self.transport.close()


async def main(folder, port):
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    os.makedirs(os.path.join(folder, "messages"), exist_ok=True)
    sink = Sink(folder)
    sink.current()  # now: a missing or broken behaviour file fails the start, not the first message
    loop = asyncio.get_running_loop()
    # hostname given: the default looks up the machine's FQDN, which can stall on DNS.
    server = await loop.create_server(
        lambda: ClosingSMTP(sink, hostname="smtp-sink", ident="PocMaterials test sink", loop=loop),
        "127.0.0.1", port)
    print("listening", server.sockets[0].getsockname()[1], flush=True)
    stdin_closed = asyncio.Event()
    threading.Thread(target=wait_for_eof, args=(loop, stdin_closed), daemon=True).start()
    await stdin_closed.wait()
    server.close()


def wait_for_eof(loop, stdin_closed):
    sys.stdin.buffer.read()
    loop.call_soon_threadsafe(stdin_closed.set)


if __name__ == "__main__":
    # A port given: a server started again where the one before it listened, as after an outage.
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
