"""The real parts a fault scenario runs: a throwaway PostgreSQL cluster (initdb/pg_ctl, as
deploy/local/test makes one), the built `liaison` gateway as a child process, and a loopback
webhook receiver whose answers each scenario chooses. Only the Python standard library."""
import base64, glob, hashlib, hmac, json, os, secrets, signal, socket, subprocess, threading, time
import urllib.error, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# libfaketime (Debian package faketime), preloaded with an offset: the wall clock moves, the
# monotonic clock does not — as when an operator or a bad NTP source sets the clock back.
FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))[-1]
AS_OWNER = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def clock_offset(offset):
    """The `env` prefix that runs a program on a clock moved by `offset` (e.g. "-1h")."""
    return ("env", f"LD_PRELOAD={FAKETIME_LIB}", f"FAKETIME={offset}", "FAKETIME_DONT_FAKE_MONOTONIC=1") if offset else ()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster of its own on a Unix socket in `root`; `faketime` (an offset such
    as "-1h") starts the server under libfaketime."""

    def __init__(self, root):
        self.dir = os.path.join(root, "pg")
        os.makedirs(self.dir)
        os.chmod(root, 0o755)
        if AS_OWNER:
            subprocess.run(["chown", "postgres:", self.dir], check=True)
        self.database = "postgres"
        self._run(["initdb", "-D", f"{self.dir}/data", "-U", "liaison", "--auth-local=trust",
                   "--auth-host=reject", "-E", "UTF8"])

    def _run(self, argv, check=True, prefix=(), timeout=120):
        return subprocess.run([*AS_OWNER, *prefix, f"{PG_BIN}/{argv[0]}", *argv[1:]], cwd="/",
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check, timeout=timeout)

    def start(self, faketime=None):
        prefix = clock_offset(faketime)
        self._run(["pg_ctl", "-D", f"{self.dir}/data", "-w", "-l", f"{self.dir}/server.log", "-o",
                   f"-c listen_addresses='' -c unix_socket_directories='{self.dir}' -c port=5432 "
                   "-c max_connections=300 -c fsync=off -c full_page_writes=off", "start"], prefix=prefix, timeout=60)

    def stop(self, mode="immediate"):
        self._run(["pg_ctl", "-D", f"{self.dir}/data", "-m", mode, "-w", "stop"], check=False)

    @property
    def url(self):
        return f"postgres://liaison@localhost:5432/{self.database}?host={self.dir}"

    def sql(self, statement, database=None):
        """Rows of a statement as lists of strings (psql's unaligned output)."""
        out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", self.dir,
                              "-U", "liaison", "-d", database or self.database, "-c", statement],
                             capture_output=True, text=True, check=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def dump_without_vault(self):
        """Every table's rows but the vault's, as pg_dump writes them."""
        return subprocess.run(["pg_dump", "--data-only", "--exclude-table-data=vault_entries", "-h", self.dir,
                               "-U", "liaison", self.database], capture_output=True, text=True, check=True).stdout


class Receiver:
    """A webhook receiver on 127.0.0.1. The first path segment picks the answer:
    ok (204), slow (sleeps past the gateway's timeout), reset (closes without answering), 500,
    429 (with Retry-After: `retry_after`), 410. `flaky` answers 503 while `failing` is set, else
    204. Every request is recorded with its webhook-id, arrival time, `webhook-timestamp` and whether
    its Standard Webhooks signature verifies; `clock_offset` shifts the receiver's "now" (a machine whose
    clock was set back)."""

    def __init__(self, secret, slow_seconds=3.0, retry_after=2):
        self.secret, self.slow_seconds, self.retry_after = secret, slow_seconds, retry_after
        self.records, self.lock, self.failing, self.clock_offset = [], threading.Lock(), False, 0.0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("content-length", 0))
                body = self.rfile.read(length)
                if len(body) < length:
                    return  # the sender died mid-request (a SIGKILLed gateway): not a delivery
                mode = self.path.strip("/").split("/")[0]
                if mode == "slow":
                    receiver.record(mode, self.headers, body, None)
                    time.sleep(receiver.slow_seconds)
                    return
                if mode == "reset":
                    receiver.record(mode, self.headers, body, None)
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    self.close_connection = True
                    return
                status, headers = {"500": (500, {}), "429": (429, {"Retry-After": str(receiver.retry_after)}),
                                   "410": (410, {})}.get(mode, (204, {}))
                if mode == "flaky" and receiver.failing:
                    status = 503
                elif status == 204 and not receiver.verify(self.headers, body):
                    status = 401  # as a receiver must: refuse what it cannot verify
                receiver.record(mode, self.headers, body, status)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_):
                pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 1024  # the listen backlog: 5 by default drops a burst of deliveries

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *_: None  # resets and TLS hellos are the point here
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def verify(self, headers, body):
        key = base64.b64decode(self.secret.removeprefix("whsec_"))
        msg_id, stamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "0")
        expected = "v1," + base64.b64encode(hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()).decode()
        fresh = abs(time.time() + self.clock_offset - int(stamp)) <= 300
        return fresh and any(hmac.compare_digest(expected, s) for s in headers.get("webhook-signature", "").split())

    def record(self, mode, headers, body, status):
        with self.lock:
            self.records.append({"mode": mode, "id": headers.get("webhook-id"), "at": time.monotonic(), "status": status or 999,
                                 "valid": self.verify(headers, body), "body": body,
                                 "stamp": int(headers.get("webhook-timestamp", "0") or 0)})

    def of(self, mode):
        with self.lock:
            return [r for r in self.records if r["mode"] == mode]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


AGREEMENT = """id: {id}
producer: fault-cert
consumer: {consumer}
legal_basis: "Fault suite MoU, art. 1"
purpose: "Proving delivery under faults"
match:
  taxonomies: [fraud]
  max_tlp: TLP:AMBER
share:
  fields: [classification, title, description, observables, first_seen]
  personal_data:
    email: pseudonymise
    phone: mask
pseudonym_key: {pseudonym_key}
webhook:
  url: {url}
  secret: {secret}
"""


class Gateway:
    """The built `liaison serve` with a configuration of the scenario's own; its standard
    output and error go to one log file that the personal-data check reads."""

    def __init__(self, binary, root, cluster, receiver, webhooks, delivery=None, http=None):
        self.binary, self.root, self.cluster = binary, root, cluster
        self.port, self.process, self.log_path = free_port(), None, os.path.join(root, "gateway.log")
        self.config = os.path.join(root, "liaison.yaml")
        agreements = os.path.join(root, "agreements")
        os.makedirs(agreements)
        self.secret = receiver.secret
        for name, url in webhooks.items():
            with open(os.path.join(agreements, f"{name}.yaml"), "w") as f:
                f.write(AGREEMENT.format(id=f"fault-to-{name}", consumer=f"police-{name}", url=url, secret=self.secret,
                                         pseudonym_key=base64.b64encode(secrets.token_bytes(32)).decode()))
        # The suite checks each delivery's own retry rules, so the endpoint circuit breaker (tested
        # by WebhookEndpointHealthTests) is set not to open.
        delivery = {"allowed_networks": "[127.0.0.0/8]", "base_delay_ms": 400, "max_delay_ms": 4000, "max_attempts": 4, "timeout_ms": 1000,
                    "poll_interval_ms": 200, "breaker_failures": 1000, **(delivery or {})}
        http = {"header_timeout_ms": 2000, "idle_timeout_ms": 60000, **(http or {})}
        with open(self.config, "w") as f:
            f.write(f"listen: 127.0.0.1:{self.port}\ndata_dir: data\ndatabase_url: {cluster.url}\n"
                    f"agreements_dir: agreements\ngovernance:\n  auto_approve_files: true\n  refresh_seconds: 1\n")
            f.write("delivery:\n" + "".join(f"  {k}: {v}\n" for k, v in delivery.items()))
            # With a database URL serve generates no key: a scenario's keys are its own, inline.
            key = lambda: base64.b64encode(secrets.token_bytes(32)).decode()
            f.write(f"vault:\n  current_key: k1\n  keys:\n    k1: {key()}\n  lookup_key: {key()}\n"
                    f"receipts:\n  signing_key: {key()}\n")
            f.write("http:\n" + "".join(f"  {k}: {v}\n" for k, v in http.items()))
        self.cli("migrate")
        self.producer_key = self.cli("keys", "create", "--org", "fault-cert", "--role", "producer").strip()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args, stdin=None, check=True):
        done = subprocess.run([self.binary, *args, "--config", self.config], input=stdin, capture_output=True,
                              cwd=self.root, timeout=60)
        with open(self.log_path, "ab") as log:
            log.write(done.stderr)
        if check and done.returncode != 0:
            raise RuntimeError(f"liaison {args[0]} exited {done.returncode}")
        return done.stdout.decode() if check else done

    def start(self, faketime=None, wait=True):
        prefix = list(clock_offset(faketime))
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([*prefix, self.binary, "serve", "--config", self.config], cwd=self.root,
                                        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        if wait:
            return self.wait_ready()

    def wait_ready(self, timeout=60):
        """Seconds until /readyz answers 200."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"gateway exited {self.process.returncode} while starting")
            if self.status("/readyz")[0] == 200:
                return time.monotonic() - started
            time.sleep(0.05)
        raise RuntimeError("gateway not ready in time")

    def status(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as answer:
                return answer.status, dict(answer.headers)
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers)
        except OSError:
            return None, {}

    def kill(self, sig=signal.SIGKILL):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            self.process.wait(timeout=60)

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode(errors="replace")
