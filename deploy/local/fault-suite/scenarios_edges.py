"""Scenarios 4, 5 and 7: receivers that fail in each way the delivery rules name, clients that
are slow or idle, and the machine's clock set back an hour."""
import signal, socket, threading, time

import checks, load
from checks import check
from scenarios_intake import finish, wait_for

# Agreement name → receiver path (or URL): one consumer per way a receiver can fail. "tls"
# names https on the receiver's plain-HTTP port, so every TLS handshake fails.
FAULT_MODES = {"ok": "ok", "slow": "slow", "reset": "reset", "e500": "500", "e429": "429", "gone": "410",
               "tls": "https://127.0.0.1:{port}/tls"}
MAX_ATTEMPTS, BASE_DELAY, RETRY_AFTER = 4, 0.4, 2


def push_all(env, events, producers=4, seconds=120):
    ledger, threads = load.start_producers(env.gateway, events, producers, seconds)
    finish(threads, seconds)
    check(len(ledger.acked) == len(events) and not ledger.refused, f"{len(ledger.acked)}/{len(events)} acknowledged")
    return ledger


def gaps(arrivals):
    """Seconds between successive attempts of each webhook-id."""
    by_id = {}
    for r in arrivals:
        by_id.setdefault(r["id"], []).append(r["at"])
    return {i: [b - a for a, b in zip(times, times[1:])] for i, times in by_id.items()}


def receiver_faults(env, full, partial):
    """4. One consumer per receiver fault: slow (3 s against a 1 s timeout), connection reset,
    500, 429 with Retry-After: 2, 410 and a failed TLS handshake. Each ends as README's delivery
    rules say: 410 dead at its first attempt, and it disables the endpoint, so a delivery not yet
    sent by then is held unsent (pending, endpoint-disabled); every other fault retried with
    exponential backoff (429 no sooner than Retry-After) and dead after delivery.max_attempts; the
    healthy consumer gets each delivery once, signed."""
    events = load.make_events("recv", 20 if full else 5)
    env.gateway.start()
    ledger = push_all(env, events)
    expected = {"slow": ("dead", MAX_ATTEMPTS), "reset": ("dead", MAX_ATTEMPTS), "e500": ("dead", MAX_ATTEMPTS),
                "e429": ("dead", MAX_ATTEMPTS), "gone": ("dead", 1), "tls": ("dead", MAX_ATTEMPTS)}
    started = time.monotonic()
    check(wait_for(lambda: env.cluster.sql("SELECT count(*) FROM deliveries WHERE status = 'pending' "
                                           "AND last_error IS DISTINCT FROM 'endpoint-disabled'")[0][0] == "0",
                   120, 0.25), "deliveries still pending two minutes after the push")
    settled = time.monotonic() - started
    outcomes = {}
    for agreement, status, attempts, last_status, last_error in env.cluster.sql(
            "SELECT agreement_id, status, attempts, coalesce(last_status::text, ''), coalesce(last_error, '') "
            "FROM deliveries"):
        outcomes.setdefault(agreement.removeprefix("fault-to-"), set()).add((status, int(attempts), last_status, last_error))
    for name, (status, attempts) in expected.items():
        got = outcomes.get(name, set())
        ended = {(s, a) for s, a, _, _ in got}
        if name == "gone":  # the first 410 disables the endpoint: later ones wait unsent
            held = {(s, a, e) for s, a, _, e in got if s == "pending"}
            check(held <= {("pending", 0, "endpoint-disabled")}, f"gone: held deliveries ended {sorted(held)}")
            ended -= {("pending", 0)}
        check(ended == {(status, attempts)},
              f"{name}: deliveries ended {sorted(got)}, expected {status} after {attempts} attempts")
    time.sleep(env.receiver.slow_seconds + 0.5)  # the slow receiver's last handlers finish
    # An attempt the database counts may not reach a loaded receiver (a connect timing out); none
    # may reach it beyond the database's count, and a 410 is never tried again.
    for path, attempts in (("slow", MAX_ATTEMPTS), ("reset", MAX_ATTEMPTS), ("500", MAX_ATTEMPTS),
                           ("429", MAX_ATTEMPTS), ("410", 1)):
        counts = {len(v) + 1 for v in gaps(env.receiver.of(path)).values()}
        check(counts and max(counts) == attempts and min(counts) >= attempts - 1,
              f"receiver {path} saw {sorted(counts)} attempts per delivery, expected {attempts}")
    # Equal jitter: the wait after attempt n is at least half of base * 2^(n-1).
    for waits in gaps(env.receiver.of("500")).values():
        floor = [BASE_DELAY * 2 ** n / 2 - 0.05 for n in range(len(waits))]
        check(all(w >= f for w, f in zip(waits, floor)), f"500: retried after {[round(w, 2) for w in waits]} s")
    shortest_429 = min(w for waits in gaps(env.receiver.of("429")).values() for w in waits)
    check(shortest_429 >= RETRY_AFTER - 0.05, f"429: retried after {shortest_429:.2f} s despite Retry-After {RETRY_AFTER}")
    invalid = [r["id"] for r in env.receiver.records if not r["valid"]]
    check(not invalid, f"{len(invalid)} attempts with an invalid signature")
    figures = checks.all_checks(env.cluster, env.gateway, env.receiver, events, ledger)
    return {"load": f"{len(events)} events x 7 consumers", "figures": figures, "recovery": None,
            "checked": f"ok delivered once; 410 dead after 1 attempt; slow, reset, 500, 429, TLS dead after "
                       f"{MAX_ATTEMPTS}; backoff and Retry-After ({shortest_429:.1f} s) kept; all settled in {settled:.0f} s"}


def closed_within(sock, seconds, drip=None):
    """Seconds until the server closes `sock` (None if it did not within `seconds`); `drip`
    is sent one byte at a time, every 0.5 s, meanwhile."""
    started = time.monotonic()
    sock.settimeout(0.5)
    while time.monotonic() - started < seconds:
        try:
            if drip:
                sock.sendall(drip[:1])
                drip = drip[1:] or drip
            if sock.recv(4096) == b"":
                return time.monotonic() - started
        except socket.timeout:
            continue
        except OSError:
            return time.monotonic() - started
    return None


def slow_clients(env, full, partial):
    """5. Slowloris: request heads dripped a byte every half second are cut off after
    http.header_timeout_ms; bodies dripped likewise after the grace and the minimum rate; 1,000
    idle connections are held open while producers push, whose pushes all succeed quickly, and
    are closed after http.idle_timeout_ms."""
    idle_count, lorises = (1000, 50) if full else (1000, 20)
    events = load.make_events("slow", 200 if full else 50)
    env.gateway.start()
    port, key = env.gateway.port, env.gateway.producer_key
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(idle_count)]
    heads, bodies = [], []

    def loris(results, prefix):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(prefix)
        results.append(closed_within(sock, 30, drip=b"X-Slow: " + b"a" * 64))
        sock.close()

    threads = [threading.Thread(target=loris, args=(heads, b"POST /v1/intake/events HTTP/1.1\r\nHost: g\r\n"))
               for _ in range(lorises)]
    threads += [threading.Thread(target=loris, args=(bodies, (
        f"POST /v1/intake/events HTTP/1.1\r\nHost: g\r\nAuthorization: Bearer {key}\r\n"
        "Content-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n").encode())) for _ in range(lorises)]
    for t in threads:
        t.start()
    latencies, ledger = [], load.Ledger()
    for batch in load.batches(events, 5, "slow"):
        started = time.monotonic()
        status, body, _ = load.push(port, key, batch, timeout=30)
        latencies.append(time.monotonic() - started)
        receipt = ledger.note(batch["key"], status, body, None)
        check(receipt is not None, f"a push beside the slow clients answered {status}")
        for outcome in receipt["outcomes"]:
            ledger.acked[batch["events"][outcome["index"]]["id"]] = outcome["incident_id"]
    pushed_while_idle = sum(1 for s in idle if s.fileno() >= 0)
    for t in threads:
        t.join(60)
    check(all(h is not None and h <= 5.0 for h in heads), f"slow heads closed after {sorted(heads, key=str)[-3:]} s")
    check(all(b is not None and b <= 8.0 for b in bodies), f"slow bodies closed after {sorted(bodies, key=str)[-3:]} s")
    check(env.gateway.process.poll() is None, "the gateway exited")
    closed = [closed_within(s, 20) for s in idle[:50]]
    for s in idle:
        s.close()
    check(all(c is not None for c in closed), "idle connections still open after http.idle_timeout_ms")
    figures = checks.all_checks(env.cluster, env.gateway, env.receiver, events, ledger)
    latencies.sort()
    return {"load": f"{idle_count} idle + {2 * lorises} slowloris connections, {len(events)} events",
            "figures": figures, "recovery": None,
            "checked": f"pushes beside {pushed_while_idle} idle connections: median {latencies[len(latencies) // 2]:.2f} s, "
                       f"max {latencies[-1]:.2f} s; slow heads cut at {max(heads):.1f} s, slow bodies at "
                       f"{max(bodies):.1f} s; idle connections closed"}


def clock_back(env, full, partial):
    """7. Deliveries fail (503) and wait for their retry; the gateway is killed in the middle of
    a batch (leases held), and the machine's clock is set back an hour (libfaketime): PostgreSQL
    and the gateway start again on it, and the receiver, now healthy, judges webhook timestamps
    on it too. Every delivery must arrive within a minute (none stuck behind a moment the clock
    has not reached again), none accepted twice, the webhooks sent after the jump must carry the
    moved clock's time, and vault retention made after the jump must hold."""
    events = load.make_events("clock", 100 if full else 30)
    env.receiver.failing = True
    env.gateway.start()
    ledger = push_all(env, events)
    check(wait_for(lambda: env.cluster.sql("SELECT count(*) FROM deliveries WHERE attempts = 0")[0][0] == "0", 60),
          "deliveries never attempted")
    time.sleep(1.0)
    env.gateway.kill(signal.SIGKILL)
    env.cluster.stop("fast")
    env.cluster.start(faketime="-1h")
    behind = float(env.cluster.sql("SELECT extract(epoch FROM now())")[0][0]) - time.time()
    check(-3700 < behind < -3500, f"PostgreSQL's clock is {behind:.0f} s off, not an hour back (is faketime installed?)")
    env.receiver.failing = False
    env.receiver.clock_offset = behind
    set_back = time.monotonic()
    env.gateway.start(faketime="-1h")
    later = load.make_events("clocklate", 10)
    late = push_all(env, later)
    ledger.acked.update(late.acked)
    ledger.receipts_by_key.update(late.receipts_by_key)
    figures = checks.intake(env.cluster, events + later, ledger)
    figures.update(checks.deliveries(env.cluster, env.receiver, path="flaky", timeout=75))
    recovery = time.monotonic() - set_back
    succeeded = {}
    for r in env.receiver.of("flaky"):
        if r["at"] > set_back:
            succeeded[r["id"]] = succeeded.get(r["id"], 0) + 1
    twice = [i for i, n in succeeded.items() if n > 1]
    check(not twice, f"{len(twice)} deliveries accepted twice after the clock moved")
    stamps = [r["stamp"] - time.time() for r in env.receiver.of("flaky") if r["at"] > set_back]
    check(stamps and all(-3700 < s < -3500 for s in stamps),
          "webhooks sent after the jump do not carry the gateway's clock set back an hour (is faketime installed?)")
    short = env.cluster.sql("SELECT count(*) FROM vault_entries WHERE retain_until < now() + interval '700 days'")[0][0]
    check(short == "0", f"{short} vault entries would be purged early")
    checks.no_personal_values(env.cluster, env.gateway, events + later)
    return {"load": f"{len(events)} + {len(later)} events, receiver failing then healthy", "figures": figures,
            "recovery": recovery, "checked": "after the clock of the database and the gateway went back an hour: every "
            "delivery arrived, none accepted twice, webhook timestamps an hour back; receipts stored once; vault retention not shortened"}
