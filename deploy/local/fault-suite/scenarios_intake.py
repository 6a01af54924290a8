"""Scenarios 1, 2, 6 and 3: faults while producers push — the gateway killed, PostgreSQL
stopped, the gateway restarted under 50 producers, the database's disk full."""
import os, random, signal, string, subprocess, threading, time

import checks, load
from checks import check
from harness import AS_OWNER, PG_BIN

MAIL = (b"From: CERT reports <reports@cert.example>\r\nTo: intake@gateway.example\r\n"
        b"Subject: Phishing report\r\nMessage-ID: <fault-mail-1@cert.example>\r\n"
        b"Date: Thu, 03 Dec 2026 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\n"
        b"A phishing page at https://bank-mail.example.net/login imitates a bank.\r\n")


def wait_for(condition, timeout, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def finish(threads, timeout):
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    check(not any(t.is_alive() for t in threads), "producers still pushing when the time was up")


def acked_after(ledger, moment):
    """Seconds from `moment` to the first receipt answered after it."""
    with ledger.lock:
        times = [at for at, status, _ in ledger.statuses if status in (200, 201) and at > moment]
    return min(times) - moment if times else None


def gateway_killed(env, full, partial):
    """1. SIGKILL the gateway while 8 producers push, start it again at once (three times in
    the full form)."""
    count, kills = (2000, 3) if full else (300, 1)
    events = load.make_events("kill", count)
    env.gateway.start()
    ledger, threads = load.start_producers(env.gateway, events, 8, 240)
    recoveries = []
    for k in range(kills):
        wait_for(lambda: len(ledger.acked) >= count * (k + 1) // (kills + 2), 120)
        killed = time.monotonic()
        env.gateway.kill(signal.SIGKILL)
        env.gateway.start()
        check(wait_for(lambda: acked_after(ledger, killed) is not None, 60), "no receipt after the restart")
        recoveries.append(acked_after(ledger, killed))
    finish(threads, 240)
    check(not ledger.refused, f"producers refused: {sorted(set(ledger.refused))}")
    figures = checks.all_checks(env.cluster, env.gateway, env.receiver, events, ledger)
    return {"load": f"{count} events, 8 producers, {kills} SIGKILL", "figures": figures,
            "recovery": max(recoveries), "checked": "receipts stored once with custody; none half-stored; "
            "deliveries arrive signed; no personal value outside the vault"}


def postgres_stopped(env, full, partial):
    """2. `pg_ctl stop -m immediate` while producers push. Requests wait while the connection
    pool retries (a minute, postgres-nio's fixed circuit breaker), then intake answers 503 with
    Retry-After, /readyz 503 and `liaison mail` exits 75; PostgreSQL started again, the gateway
    recovers by itself."""
    count, outage = (1500, 90.0) if full else (300, 70.0)
    events = load.make_events("pgstop", count)
    env.gateway.start()
    ledger, threads = load.start_producers(env.gateway, events, 8, 300)
    wait_for(lambda: len(ledger.acked) >= count // 4, 120)
    stopped = time.monotonic()
    env.cluster.stop("immediate")
    mail = {}
    mailer = threading.Thread(target=lambda: mail.update(
        done=env.gateway.cli("mail", "--producer", "fault-cert", stdin=MAIL, check=False), at=time.monotonic()))
    mailer.start()
    status, body, retry_after = load.push(env.gateway.port, env.gateway.producer_key,
                                          {"key": "fault-pgstop-probe", "events": events[:1]}, timeout=90)
    answered = time.monotonic() - stopped
    check(status == 503 and retry_after, f"intake answered {status} (Retry-After {retry_after}) with the database down")
    ready = env.gateway.status("/readyz")
    check(ready[0] == 503, f"/readyz answered {ready[0]} with the database down")
    mailer.join(90)
    check(mail.get("done") is not None and mail["done"].returncode == 75,
          f"liaison mail exited {mail['done'].returncode if mail.get('done') else 'late'} with the database down")
    time.sleep(max(0.0, outage - (time.monotonic() - stopped)))
    env.cluster.start()
    restarted = time.monotonic()
    check(wait_for(lambda: env.gateway.status("/readyz")[0] == 200, 60), "/readyz not 200 after PostgreSQL is back")
    ready_after = time.monotonic() - restarted
    check(wait_for(lambda: acked_after(ledger, restarted) is not None, 60), "no receipt after PostgreSQL is back")
    finish(threads, 300)
    check(env.gateway.process.poll() is None, "the gateway exited")
    with ledger.lock:
        during = [(s, r) for at, s, r in ledger.statuses if stopped < at < restarted and s not in (200, 201)]
        hung = sum(1 for _, s, r in ledger.statuses if s is None and r == "TimeoutError")
    check(all((s == 503 and r) or s is None for s, r in during), f"answers during the outage: {sorted(set(during), key=str)}")
    check(not ledger.refused, f"producers refused: {sorted(set(ledger.refused))}")
    figures = checks.intake(env.cluster, events, ledger)
    checks.no_personal_values(env.cluster, env.gateway, events)
    partial.update({"load": f"{count} events, 8 producers, {outage:.0f} s outage", "figures": figures,
                    "recovery": acked_after(ledger, restarted),
                    "checked": f"first 503 (Retry-After) {answered:.0f} s into the outage, then {len(during)} more; "
                               f"/readyz 503; mail exit 75 after {mail['at'] - stopped:.0f} s; /readyz 200 "
                               f"{ready_after:.1f} s after restart; then as 1"})
    check(hung == 0, f"{hung} intake requests never answered (the producer gave up after 90 s and retried)")
    figures.update(checks.deliveries(env.cluster, env.receiver))
    return partial


def producers_restart(env, full, partial):
    """6. 50 producers push with retries and Idempotency-Key (every fifth pushes each batch a
    second time, as a producer that lost the answer would) while the gateway is stopped
    (SIGTERM, and in the full form also SIGKILL) and started again."""
    count = 2500 if full else 400
    events = load.make_events("fifty", count)
    env.gateway.start()
    ledger, threads = load.start_producers(env.gateway, events, 50, 300, size=2)
    recoveries = []
    for k, sig in enumerate([signal.SIGTERM, signal.SIGKILL] if full else [signal.SIGTERM]):
        wait_for(lambda: len(ledger.acked) >= count * (k + 1) // 4, 120)
        stopped = time.monotonic()
        env.gateway.kill(sig)
        env.gateway.start()
        check(wait_for(lambda: acked_after(ledger, stopped) is not None, 60), "no receipt after the restart")
        recoveries.append(acked_after(ledger, stopped))
    finish(threads, 300)
    check(not ledger.refused, f"producers refused: {sorted(set(ledger.refused))}")
    figures = checks.all_checks(env.cluster, env.gateway, env.receiver, events, ledger)
    replays = sum(1 for ids in ledger.receipts_by_key.values() if ids)
    return {"load": f"{count} events, 50 producers, {len(recoveries)} restarts", "figures": figures,
            "recovery": max(recoveries), "checked": f"no duplicate incidents; {ledger.retries} retries and "
            f"{replays} keys each answered with one receipt; then as 1"}


class NotRun(Exception):
    """The machine cannot stage this fault; the message says why."""


def small_database(env):
    """The gateway's database in a tablespace on its own tmpfs, so that it can fill up while
    PostgreSQL's WAL (in the cluster's directory) still has room. Mounting needs CAP_SYS_ADMIN."""
    env.mount = os.path.join(env.root, "tmpfs")
    os.makedirs(env.mount)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", env.mount],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        raise NotRun(f"cannot mount a tmpfs here ({mounted.stderr.strip() or mounted.returncode})")
    env.cleanups.append(lambda: subprocess.run(["umount", "-l", env.mount], check=False))
    if AS_OWNER:
        subprocess.run(["chown", "postgres:", env.mount], check=True)
    env.cluster.sql(f"CREATE TABLESPACE small LOCATION '{env.mount}'")
    env.cluster.sql("CREATE DATABASE liaison TABLESPACE small")
    env.cluster.database = "liaison"


def resize(env, megabytes):
    subprocess.run(["mount", "-o", f"remount,size={megabytes}m", env.mount], check=True)


def used_megabytes(env):
    stat = os.statvfs(env.mount)
    return (stat.f_blocks - stat.f_bfree) * stat.f_frsize / 2**20


def disk_full(env, full, partial):
    """3. The database's tablespace (a tmpfs) shrunk to a few MiB over what the schema uses while
    producers push large events: intake answers 503 with Retry-After once it is full; the
    tablespace is grown again (space freed) and intake recovers by itself; pg_amcheck finds no
    corruption and every receipt is stored once."""
    env.gateway.start()
    resize(env, int(used_megabytes(env)) + (6 if full else 3))
    count = 2000 if full else 800
    events = load.make_events("diskfull", count)
    for e in events:
        e["description"] += " " + " ".join("".join(random.choices(string.ascii_lowercase, k=8)) for _ in range(1200))
    ledger, threads = load.start_producers(env.gateway, events, 8, 300)

    def refused_for(seconds):
        with ledger.lock:
            full_503 = [at for at, s, _ in ledger.statuses if s == 503]
        return full_503 and time.monotonic() - full_503[0] > seconds
    check(wait_for(lambda: refused_for(3.0), 240), f"no 503 with the tablespace full ({len(ledger.acked)} acknowledged)")
    with ledger.lock:
        answers = {(s, r) for _, s, r in ledger.statuses if s not in (200, 201)}
    check(answers and all(s == 503 and r for s, r in answers), f"answers with the disk full: {sorted(answers, key=str)}")
    acked_when_full = len(ledger.acked)
    freed = time.monotonic()
    resize(env, 256)
    check(wait_for(lambda: acked_after(ledger, freed) is not None, 60), "no receipt after space was freed")
    recovery = acked_after(ledger, freed)
    finish(threads, 300)
    check(not ledger.refused, f"producers refused: {sorted(set(ledger.refused))}")
    amcheck = subprocess.run([f"{PG_BIN}/pg_amcheck", "--install-missing", "--heapallindexed", "-h", env.cluster.dir, "-U",
                              "liaison", "-d", env.cluster.database], capture_output=True, text=True)
    check(amcheck.returncode == 0, f"pg_amcheck exited {amcheck.returncode}")
    figures = checks.all_checks(env.cluster, env.gateway, env.receiver, events, ledger)
    return {"load": f"{count} events of ~10 KiB, 8 producers", "figures": figures, "recovery": recovery,
            "checked": f"503 with Retry-After once full ({acked_when_full} acknowledged before); pg_amcheck clean "
                       "after space freed; then as 1"}
