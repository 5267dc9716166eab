#!/usr/bin/env python3
# Runs BINARY, presses Ctrl-C (SIGINT) at the given ms after the start, prints its stdout and
# writes its exit status to stderr (128 + signal number when a signal killed it).
import signal, subprocess, sys, time
binary, times = sys.argv[1], [int(t) for t in sys.argv[2].split(',')]
p = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
start = time.monotonic()
for t in times:
    delay = start + t / 1000 - time.monotonic()
    if delay > 0: time.sleep(delay)
    try: p.send_signal(signal.SIGINT)
    except ProcessLookupError: pass
out, err = p.communicate()
code = p.returncode
if code < 0: code = 128 - code  # killed by a signal: what a shell reports
sys.stdout.buffer.write(out)
sys.stderr.write(str(code) + "\n")
