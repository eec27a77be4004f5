"""Runs a command on a pseudo-terminal of a given size, as a person's shell
would, and prints every byte it wrote to the terminal.

usage: pty_run.py [--rows N] [--cols N] [--stdout FILE] [--timeout S]
                  [--keys A|B|…] [--prompt TEXT] -- COMMAND...

With --stdout, the command's standard output goes to FILE instead (so only
standard error is the terminal). With --keys, the answers separated by |
are typed one at a time, each when the command has shown one more prompt
(the text --prompt gives, "> " by default), as a person answers what they
are asked. Exits with the command's exit code, or 124 when it ran past the
timeout (it is then killed).
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=24)
parser.add_argument("--cols", type=int, default=80)
parser.add_argument("--stdout")
parser.add_argument("--timeout", type=float, default=20)
parser.add_argument("--keys")
parser.add_argument("--prompt", default="> ")
parser.add_argument("command", nargs=argparse.REMAINDER)
options = parser.parse_args()
command = options.command[1:] if options.command[:1] == ["--"] else options.command

pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", options.rows, options.cols, 0, 0))
    if options.stdout:
        out = os.open(options.stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(out, 1)
        os.close(out)
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)

captured = bytearray()
answers = [answer.encode().decode("unicode_escape").encode("latin-1") for answer in options.keys.split("|")] if options.keys else []
prompt = options.prompt.encode()
sent = 0
deadline = time.monotonic() + options.timeout
timed_out = False
while True:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        timed_out = True
        os.kill(pid, signal.SIGKILL)
        break
    ready, _, _ = select.select([fd], [], [], min(remaining, 0.5))
    if not ready:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    captured += chunk
    while sent < len(answers) and captured.count(prompt) > sent:
        os.write(fd, answers[sent])
        sent += 1
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(bytes(captured))
sys.stdout.flush()
if timed_out:
    sys.exit(124)
sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
