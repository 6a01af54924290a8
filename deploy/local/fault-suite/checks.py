"""The checks every scenario ends with, read from the database, the receiver and the
gateway's log — never from the gateway's own account of itself."""
import json, time


class Failed(Exception):
    """A check did not hold; the message names it, with counts and ids, never personal values."""


def check(condition, message):
    if not condition:
        raise Failed(message)


def intake(cluster, events, ledger):
    """Every acknowledged event stored exactly once, under the incident id its receipt gave,
    with its custody record and receipt; nothing stored half (an incident without custody or
    delivery, a receipt naming an incident that is not there). Returns the figures."""
    rows = cluster.sql("SELECT i.natural_key, i.id, count(c.incident_id), count(DISTINCT c.receipt_id), "
                       "count(DISTINCT r.id) FROM incidents i LEFT JOIN custody_records c ON c.incident_id = i.id "
                       "LEFT JOIN receipts r ON r.id = c.receipt_id GROUP BY i.natural_key, i.id")
    stored = {}
    for natural_key, incident, custody, receipts_named, receipts_found in rows:
        check(int(custody) >= 1 and receipts_named == receipts_found,
              f"incident {incident} has {custody} custody records, {receipts_found}/{receipts_named} receipts")
        stored.setdefault(natural_key.removeprefix("event-id:"), []).append(incident.lower())
    duplicates = sum(len(ids) - 1 for ids in stored.values())
    titles = cluster.sql("SELECT count(*) - count(DISTINCT title) FROM incidents")[0][0]
    lost = [e for e, incident in ledger.acked.items() if stored.get(e) != [incident.lower()]]
    check(not lost, f"{len(lost)} acknowledged events not stored as their receipt says, e.g. {lost[:3]}")
    check(duplicates == 0 and titles == "0", f"{duplicates} duplicate incidents by key, {titles} by title")
    known = {e["id"] for e in events}
    check(set(stored) <= known, "incidents the scenario did not push")
    undelivered = cluster.sql("SELECT count(*) FROM incidents i WHERE NOT EXISTS "
                              "(SELECT 1 FROM deliveries d WHERE d.incident_id = i.id)")[0][0]
    check(undelivered == "0", f"{undelivered} incidents without an outbox row")
    orphan = cluster.sql("SELECT count(*) FROM receipts r, jsonb_array_elements_text(r.document::jsonb->'incident_ids') x "
                         "WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = x::uuid)")[0][0]
    check(orphan == "0", f"{orphan} receipt entries naming incidents that are not stored")
    keys_twice = [k for k, ids in ledger.receipts_by_key.items() if len(ids) > 1]
    check(not keys_twice, f"{len(keys_twice)} Idempotency-Keys answered with different receipts")
    return {"pushed": len(events), "acked": len(ledger.acked), "lost": len(lost), "duplicated": duplicates,
            "stored_unacked": len(set(stored) - set(ledger.acked))}


def deliveries(cluster, receiver, name="ok", path=None, timeout=60):
    """Every delivery to the healthy receiver arrives, by webhook-id, with a valid signature.
    Waits until none is pending; returns due / delivered / duplicates (the same webhook-id
    received more than once: at-least-once retries, which a receiver dedupes)."""
    deadline = time.monotonic() + timeout
    while True:
        rows = cluster.sql(f"SELECT id, status FROM deliveries WHERE agreement_id = 'fault-to-{name}'")
        pending = [r for r in rows if r[1] == "pending"]
        if not pending or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    check(not pending, f"{len(pending)} of {len(rows)} deliveries still pending after {timeout} s")
    invalid = [r["id"] for r in receiver.of(path or name) if not r["valid"]]
    received = [r for r in receiver.of(path or name) if r["status"] < 300]
    check(not invalid, f"{len(invalid)} deliveries with an invalid signature")
    ids = [r["id"] for r in received]
    missing = [d for d, status in rows if status == "delivered" and f"msg_{d.lower()}" not in ids]
    check(not missing, f"{len(missing)} deliveries marked delivered never arrived")
    not_delivered = [d for d, status in rows if status != "delivered"]
    check(not not_delivered, f"{len(not_delivered)} deliveries ended {set(s for _, s in rows if s != 'delivered')}")
    return {"due": len(rows), "delivered": len(set(ids)), "redelivered": len(ids) - len(set(ids))}


def no_personal_values(cluster, gateway, events):
    """No pushed personal value in any table but the vault, nor in the gateway's log."""
    dump, log = cluster.dump_without_vault().lower(), gateway.log_text().lower()
    values = {v.lower() for e in events for v in e["personal"]}
    in_dump = sum(1 for v in values if v in dump)
    in_log = sum(1 for v in values if v in log)
    check(in_dump == 0 and in_log == 0, f"personal values outside the vault: {in_dump} in tables, {in_log} in the log")
    vaulted = cluster.sql("SELECT count(*) FROM vault_entries")[0][0]
    check(int(vaulted) > 0 or not events, "nothing in the vault")


def all_checks(cluster, gateway, receiver, events, ledger, delivery_timeout=60):
    figures = intake(cluster, events, ledger)
    figures.update(deliveries(cluster, receiver, timeout=delivery_timeout))
    no_personal_values(cluster, gateway, events)
    return figures
