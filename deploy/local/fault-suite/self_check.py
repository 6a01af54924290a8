"""Scenario 0: the checks themselves can fail. Known faults are planted in a healthy run's
database, receiver and log — a personal value in a table and in the log, a custody record
deleted, an acknowledged event that was never stored, a delivery with a bad signature, one
never sent — and each check must catch its own."""
import checks, load
from scenarios_edges import push_all


def expect_failure(label, run):
    try:
        run()
    except checks.Failed:
        return
    raise checks.Failed(f"the check did not catch: {label}")


def planted_faults(env, full, partial):
    events = load.make_events("self", 10)
    env.gateway.start()
    ledger = push_all(env, events)
    figures = checks.all_checks(env.cluster, env.gateway, env.receiver, events, ledger)
    env.gateway.kill()
    db, victim = env.cluster, events[0]["personal"][0]

    ghost = load.Ledger()
    ghost.acked = dict(ledger.acked, **{events[3]["id"]: "00000000-0000-0000-0000-000000000000"})
    expect_failure("an acknowledged event stored under another incident id", lambda: checks.intake(db, events, ghost))
    with open(env.gateway.log_path, "a") as log:
        log.write(f"a careless line naming {victim}\n")
    expect_failure("a personal value in the log", lambda: checks.no_personal_values(db, env.gateway, events))
    open(env.gateway.log_path, "w").close()
    db.sql(f"UPDATE incidents SET title = '{victim}' WHERE natural_key = 'event-id:{events[1]['id']}'")
    expect_failure("a personal value in a table", lambda: checks.no_personal_values(db, env.gateway, events))
    db.sql(f"DELETE FROM custody_records WHERE incident_id = (SELECT id FROM incidents "
           f"WHERE natural_key = 'event-id:{events[2]['id']}')")
    expect_failure("an incident without its custody record", lambda: checks.intake(db, events, ledger))
    env.receiver.records[0]["valid"] = False
    expect_failure("a delivery with a bad signature", lambda: checks.deliveries(db, env.receiver, timeout=1))
    env.receiver.records[0]["valid"] = True
    db.sql("UPDATE deliveries SET status = 'pending', next_attempt_at = now() + interval '1 day' "
           f"WHERE id = (SELECT min(id::text)::uuid FROM deliveries)")
    expect_failure("a delivery still pending", lambda: checks.deliveries(db, env.receiver, timeout=1))
    return {"load": f"{len(events)} events, then six planted faults", "figures": figures, "recovery": None,
            "checked": "each check catches its planted fault: lost event, personal value in log and table, "
                       "missing custody, bad signature, delivery never sent"}
