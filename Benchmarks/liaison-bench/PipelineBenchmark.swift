import Foundation
import LiaisonCore
import LiaisonIntake
import LiaisonStore
import NIOCore

/// `liaison-bench pipeline`: the gateway's own work per IntelMQ event, without PostgreSQL or
/// HTTP, on the `intake` bench's 10,000-event NDJSON body: strict parse and mapping
/// (`EventBatchParser`), protection (`IncidentProtector`), vault sealing and lookup hashes
/// (`VaultCipher`), and the incidents' JSON and time columns (`IncidentColumns`, as the intake
/// statement binds them). µs per event for each stage, best of `repeats`; a steady figure for `perf` and
/// `callgrind`, where the `intake` bench moves with the machine's load.
func pipelineBenchmark(repeats: Int) throws {
    let events = 10_000
    let body = Array(BenchData.intelMQ(from: 0, count: events).body.readableBytesView)
    let parser = EventBatchParser()
    let protector = IncidentProtector()
    let vault = try VaultCipher(
        keys: ["bench": Secret(bytes: Array(repeating: 7, count: 32))], currentKeyID: "bench",
        lookupKey: Secret(bytes: Array(repeating: 9, count: 32)))
    let receivedAt = Date()
    print(String(format: "body: %d IntelMQ events, %.2f MB NDJSON; best of %d", events, Double(body.count) / 1e6, repeats))
    var best = [Double](repeating: .infinity, count: 4)
    var check = 0
    for _ in 0..<max(1, repeats) {
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ stage: Int) {
            let now = DispatchTime.now().uptimeNanoseconds
            best[stage] = min(best[stage], Double(now - clock) / 1e3 / Double(events))
            clock = now
        }
        let drafts = try parser.parse(body, format: .ndjson, schema: .intelmq)
        lap(0)
        let results = protector.protect(drafts, producer: "bench", receivedAt: receivedAt)
        lap(1)
        for result in results {
            for item in result.vault {
                check &+= try vault.seal(item.plaintext, token: item.token).count
                check &+= vault.lookupHash(kind: item.token.kind, value: item.plaintext).count
            }
        }
        lap(2)
        withExtendedLifetime(IncidentColumns(results)) {}
        lap(3)
    }
    let stages = ["parse and map", "protect", "seal and lookup hashes", "incident columns (JSON, times)"]
    for (stage, figure) in zip(stages, best) {
        print(stage.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: "%6.2f µs/event", figure))
    }
    print("total".padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: "%6.2f µs/event", best.reduce(0, +)))
    print("(sealed bytes and hashes: \(check))")
}
