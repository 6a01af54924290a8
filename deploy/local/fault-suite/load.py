"""Known intake: events with unique ids and personal values, pushed in NDJSON batches by
producer threads that retry each batch with its Idempotency-Key until it is acknowledged."""
import http.client, json, random, threading, time


def make_events(scenario, count):
    """`count` fraud events, each naming a victim's e-mail address and phone number (the
    personal values the checks look for outside the vault)."""
    events = []
    for n in range(count):
        email = f"victim.{scenario}.{n}.{random.randrange(10**6):06d}@example.org"
        phone = f"+381 6{random.randrange(10)} {random.randrange(100, 1000)} {random.randrange(1000, 10000)}"
        event_id = f"fault-{scenario}-{n:05d}"
        events.append({
            "id": event_id, "classification": {"taxonomy": "fraud", "type": "phishing"}, "tlp": "TLP:AMBER",
            "title": f"Phishing {event_id}",
            "description": f"Victim {email} was called from {phone} and sent to a fake bank page.",
            "first_seen": "2026-11-28T09:15:00Z",
            "observables": [{"kind": "url", "value": f"https://bank-{n}.example.net/login", "role": "offender"},
                            {"kind": "email", "value": email, "role": "victim"},
                            {"kind": "phone", "value": phone, "role": "victim"}],
            "personal": [email, phone, phone.replace(" ", "")]})
    return events


def batches(events, size, scenario):
    return [{"key": f"fault-{scenario}-batch-{i // size:05d}", "events": events[i:i + size]}
            for i in range(0, len(events), size)]


class Ledger:
    """What the producers were told: event id → incident id from a receipt, and every answer."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked, self.statuses, self.receipts_by_key, self.retries = {}, [], {}, 0
        self.refused = []  # answers that were neither a receipt nor a retryable refusal

    def note(self, key, status, body, retry_after):
        with self.lock:
            # For a failed connection, the error's type name in place of Retry-After.
            self.statuses.append((time.monotonic(), status, retry_after if status is not None else body))
            if status in (200, 201):
                receipt = json.loads(body)
                self.receipts_by_key.setdefault(key, set()).add(receipt["receipt_id"])
                return receipt


def push(port, producer_key, batch, timeout=90):
    """One POST of a batch; (status, body, Retry-After) or (None, error, None) when the
    connection failed."""
    body = "\n".join(json.dumps({k: v for k, v in e.items() if k != "personal"}) for e in batch["events"]).encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/v1/intake/events", body=body, headers={
            "Authorization": f"Bearer {producer_key}", "Content-Type": "application/x-ndjson",
            "Idempotency-Key": batch["key"]})
        answer = connection.getresponse()
        return answer.status, answer.read(), answer.getheader("Retry-After")
    except OSError as error:
        return None, type(error).__name__, None
    finally:
        connection.close()


def producer(port, producer_key, queue, ledger, deadline, repeat_acked=False):
    """Pushes batches from `queue` until it is empty or `deadline` passes. A batch is retried
    (after Retry-After, or 0.2 s when the gateway could not be reached) until it is acknowledged;
    with `repeat_acked`, an acknowledged batch is pushed once more, as a producer that missed
    the answer would."""
    while time.monotonic() < deadline:
        try:
            batch = queue.pop()
        except IndexError:
            return
        attempts = 0
        while time.monotonic() < deadline:
            status, body, retry_after = push(port(), producer_key, batch)
            receipt = ledger.note(batch["key"], status, body, retry_after)
            if receipt:
                with ledger.lock:
                    for outcome in receipt["outcomes"]:
                        ledger.acked[batch["events"][outcome["index"]]["id"]] = outcome["incident_id"]
                if repeat_acked and attempts == 0:
                    attempts += 1
                    continue
                break
            if status not in (None, 503):
                with ledger.lock:
                    ledger.refused.append(status)
                break
            attempts += 1
            with ledger.lock:
                ledger.retries += 1
            time.sleep(min(float(retry_after or 0.2), 1.0) * random.uniform(0.5, 1.0))


def start_producers(gateway, events, producers, seconds, size=5):
    """`producers` threads pushing `events` (from make_events) to `gateway` in batches of `size`;
    returns what they were told (a Ledger, filling as they go) and the threads."""
    ledger = Ledger()
    scenario = events[0]["id"].split("-")[1]
    threads = run_producers(producers, lambda: gateway.port, gateway.producer_key, batches(events, size, scenario),
                            ledger, seconds)
    return ledger, threads


def run_producers(count, port, producer_key, all_batches, ledger, seconds):
    """`count` producer threads sharing the batches; returns when all are pushed or the time is up."""
    queue = list(reversed(all_batches))
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=producer, args=(port, producer_key, queue, ledger, deadline, n % 5 == 0),
                                daemon=True) for n in range(count)]
    for t in threads:
        t.start()
    return threads
