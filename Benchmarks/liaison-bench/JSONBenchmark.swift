import Foundation
import LiaisonCore
import LiaisonIntake

/// A 10,000-event NDJSON body in Liaison's schema: varied strings (ASCII, Cyrillic, escapes),
/// numbers, nesting, three observables an event; about 6 MB.
func makeEventsBody(count: Int) -> [UInt8] {
    let descriptions = [
        "Phishing kit on a compromised WordPress site; reported by a bank's SOC.",
        "Пријава банке: лажна страница за пријаву, жртве позване телефоном.",
        "Line one\\nline two with \\\"quotes\\\" and a tab\\t and \\u00e9\\ud83d\\ude00.",
    ]
    var body = ""
    body.reserveCapacity(count * 480)
    for index in 0..<count {
        body += #"{"id": "bench-\#(index)", "classification": {"taxonomy": "fraud", "type": "phishing"}, "tlp": "TLP:AMBER", "#
        body += #""title": "Phishing against customers of bank \#(index % 97)", "description": "\#(descriptions[index % 3])", "#
        body += #""first_seen": "2026-11-01T08:00:00Z", "last_seen": "2026-11-02T08:00:00.250+01:00", "#
        body += #""observables": [{"kind": "url", "value": "https://login-bank\#(index).example.org/rs/?session=\#(index * 7919)", "role": "offender"}, "#
        body += #"{"kind": "ipv4", "value": "198.51.\#(index % 256).\#((index * 7) % 256)", "role": "offender"}, "#
        body += #"{"kind": "email", "value": "victim\#(index)@example.rs", "role": "victim"}]}"# + "\n"
    }
    return Array(body.utf8)
}

/// `liaison-bench json`: MB/s of the strict parser over a 10,000-event NDJSON body, against
/// Foundation's JSONDecoder on the same lines, and of the whole EventBatchParser (parse and
/// map to drafts). Best of `repeats` runs each.
func jsonBenchmark(repeats: Int) {
    let body = makeEventsBody(count: 10_000)
    let lines = body.split(separator: UInt8(ascii: "\n"))
    let megabytes = Double(body.count) / 1_000_000
    print(String(format: "body: 10000 events, %.2f MB NDJSON", megabytes))
    let parser = StrictJSONParser()
    report("StrictJSONParser", megabytes: megabytes, repeats: repeats) {
        for line in lines { _ = try? parser.parse(line) }
    }
    report("Foundation JSONDecoder", megabytes: megabytes, repeats: repeats) {
        let decoder = JSONDecoder()
        for line in lines { _ = try? decoder.decode(JSONValue.self, from: Data(line)) }
    }
    let values = lines.compactMap { try? parser.parse($0) }
    report("RFC 8785 writer", megabytes: megabytes, repeats: repeats) {
        for value in values { _ = value.canonicalBytes }
    }
    report("EventBatchParser", megabytes: megabytes, repeats: repeats) {
        _ = try? EventBatchParser().parse(body, format: .ndjson)
    }
}

private func report(_ name: String, megabytes: Double, repeats: Int, _ body: () -> Void) {
    var best = Double.infinity
    for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%8.3f s  %8.1f MB/s", best, megabytes / best))
}
