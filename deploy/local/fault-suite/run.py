"""Runs the fault scenarios in order, each against a fresh cluster, gateway and receiver, and
prints one table; exits 1 when any check failed (the failed check is named). See
deploy/local/faults and README.md, "Reliability"."""
import argparse, contextlib, os, shutil, subprocess, sys, tempfile, time, traceback

import checks
from harness import Cluster, Gateway, Receiver
import scenarios_intake, scenarios_edges, self_check

SECRET = "whsec_ZmF1bHQtc3VpdGUtc2VjcmV0LW5vdC1mb3ItdXNlLTAx"

SCENARIOS = [
    ("0 the checks catch planted faults", self_check.planted_faults, {}),
    ("1 gateway SIGKILLed under load", scenarios_intake.gateway_killed, {}),
    ("2 PostgreSQL stopped mid-request", scenarios_intake.postgres_stopped, {}),
    ("6 50 producers, gateway restarts", scenarios_intake.producers_restart, {}),
    ("4 receiver faults", scenarios_edges.receiver_faults, {"webhooks": scenarios_edges.FAULT_MODES}),
    ("5 slow clients", scenarios_edges.slow_clients, {"http": {"idle_timeout_ms": 10000}}),
    ("7 clock set back an hour", scenarios_edges.clock_back,
     {"webhooks": {"ok": "flaky"}, "delivery": {"max_attempts": 50, "max_delay_ms": 2000}}),
    ("3 database disk full", scenarios_intake.disk_full, {"database": "tmpfs"}),
]


class Environment:
    def __init__(self, root, cluster, receiver, gateway):
        self.root, self.cluster, self.receiver, self.gateway = root, cluster, receiver, gateway
        self.cleanups = []


@contextlib.contextmanager
def environment(binary, name, webhooks=None, database=None, delivery=None, http=None):
    root = tempfile.mkdtemp(prefix=f"liaison-fault-{name.split()[0]}-")
    cluster = receiver = gateway = None
    env = None
    try:
        cluster = Cluster(root)
        cluster.start()
        receiver = Receiver(SECRET)
        env = Environment(root, cluster, receiver, None)
        if database:
            scenarios_intake.small_database(env)
        # A webhook is a receiver path ("ok", "slow", ...) or a full URL template with {port}.
        urls = {n: (m if "://" in m else f"http://127.0.0.1:{{port}}/{m}").format(port=receiver.port)
                for n, m in (webhooks or {"ok": "ok"}).items()}
        env.gateway = gateway = Gateway(binary, root, cluster, receiver, urls, delivery, http)
        yield env
    finally:
        if gateway:
            gateway.kill()
        if receiver:
            receiver.close()
        if cluster:
            cluster.stop()
        for cleanup in reversed(env.cleanups if env else []):
            cleanup()
        if os.environ.get("LIAISON_FAULTS_KEEP"):
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="the short form deploy/local/test runs")
    parser.add_argument("--only", help="scenario numbers to run, comma-separated (e.g. 1,2)")
    parser.add_argument("--binary", required=True, help="the built liaison executable")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)  # each gateway runs in its scenario's folder
    only = set(args.only.split(",")) if args.only else None
    results, failed = [], False
    for name, scenario, options in SCENARIOS:
        if only and name.split()[0] not in only:
            continue
        print(f"--- {name}", file=sys.stderr, flush=True)
        started, partial = time.monotonic(), {}
        try:
            with environment(args.binary, name, **options) as env:
                result = scenario(env, not args.short, partial)
            result["result"] = "pass"
        except scenarios_intake.NotRun as reason:
            result = {"result": f"not run: {reason}"}
        except checks.Failed as failure:
            result, failed = {**partial, "result": f"FAIL: {failure}"}, True
        except Exception as error:  # the harness itself broke: say where, and fail
            traceback.print_exc()
            result, failed = {"result": f"FAIL: {type(error).__name__}: {error}"}, True
        result.update(name=name, seconds=time.monotonic() - started)
        print(f"    {result['result']} ({result['seconds']:.0f} s)", file=sys.stderr, flush=True)
        results.append(result)
    print(table(results))
    sys.exit(1 if failed else 0)


def table(results):
    head = ["scenario", "load", "result", "pushed", "acked", "lost", "dup", "due", "delivered", "redelivered",
            "recovery", "checked"]
    rows = []
    for r in results:
        f = r.get("figures", {})
        recovery = r.get("recovery")
        rows.append([r["name"], r.get("load", ""), r["result"], *(str(f.get(k, "-")) for k in
                    ("pushed", "acked", "lost", "duplicated", "due", "delivered", "redelivered")),
                     f"{recovery:.1f} s" if isinstance(recovery, float) else str(recovery or "-"), r.get("checked", "")])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
