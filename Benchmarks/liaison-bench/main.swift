import Foundation
import LiaisonCore
import LiaisonCorpus

/// Liaison's benchmarks and evaluation, each printing figures:
///   liaison-bench detect [--dense N]                  scanner throughput (MB/s), pathological inputs;
///                                                     or only N MB of dense text, once (for callgrind)
///   liaison-bench score [--seed N] [--count N] [--examples K] [--kind KIND]
///                                                     precision and recall per kind on the labelled corpus
///   liaison-bench score --file PATH | --structured PATH [--examples K]
///   liaison-bench candidates --file PATH | --structured PATH
///                                                     person names on a labelled JSONL file (see FileScore)
///   liaison-bench generate [--seed N] [--count N]     the labelled corpus as JSON Lines
///   liaison-bench redact-input [--megabytes N]        JSON Lines input for timing `liaison redact --spans`
///   liaison-bench intake [--stix-objects N] [--events N] [--batch N] [--concurrency N]
///                                                     HTTP intake into PostgreSQL vs plain COPY
///   liaison-bench mail [--seconds N] [--write-seeds DIR]
///                                                     e-mail parse+map messages/s; or the corpus as fuzzing seeds
///   liaison-bench stix [--count N] [--repeats N]      STIX bundle reader objects/s on a synthetic bundle (10,000 objects)
///   liaison-bench json [--repeats N]                  strict JSON parser MB/s on a 10,000-event NDJSON body
///   liaison-bench pipeline [--repeats N]              the gateway's CPU per IntelMQ event without PostgreSQL:
///                                                     parse, map, protect, seal, the incidents' columns
///   liaison-bench ledger [--entries N]                ledger sealing and `audit verify` rates on N entries (1,000,000)
///   liaison-bench deliveries [--count N] [--rate N] [--batch N] [--poll-ms N] [--worker-batch N]
///                                                     webhook deliveries/s to a loopback receiver, enqueue→2xx p50/p99
///   liaison-bench taxii [--objects N] [--repeats N]   TAXII object pages of 1,000 over loopback HTTP: pages/s, p50/p99
///   liaison-bench console [--incidents N] [--agreements N] [--repeats N]
///                                                     console pages over loopback HTTP: p50/p99 per page
/// Build with `swift build -c release --product liaison-bench` for meaningful figures.
let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else {
        return fallback
    }
    return value
}

switch arguments.count > 1 ? arguments[1] : "" {
case "detect":
    detectBenchmark(denseOnly: arguments.contains("--dense") ? option("--dense", 1) : nil)
case "redact-input":
    redactInput(megabytes: option("--megabytes", 10))
case "intake":
    try await IntakeBenchmark(
        stixObjects: option("--stix-objects", 10_000), events: option("--events", 100_000), batch: option("--batch", 10_000),
        concurrency: option("--concurrency", 2)
    ).run()
case "mail":
    let seeds = arguments.firstIndex(of: "--write-seeds").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    try mailBenchmark(seconds: Double(option("--seconds", 5)), seedFolder: seeds)
case "stix":
    try stixBenchmark(objects: option("--count", 10_000), repeats: option("--repeats", 5))
case "json":
    jsonBenchmark(repeats: option("--repeats", 5))
case "pipeline":
    try pipelineBenchmark(repeats: option("--repeats", 5))
case "ledger":
    try await LedgerBenchmark(entries: option("--entries", 1_000_000)).run()
case "deliveries":
    try await DeliveryBenchmark(
        count: option("--count", 10_000), rate: option("--rate", 1_000), batch: option("--batch", 100),
        pollMilliseconds: option("--poll-ms", 1_000), workerBatch: option("--worker-batch", 32)
    ).run()
case "taxii":
    try await TAXIIBenchmark(objects: option("--objects", 20_000), repeats: option("--repeats", 5)).run()
case "console":
    try await ConsoleBenchmark(
        incidents: option("--incidents", 10_000), agreements: option("--agreements", 100), repeats: option("--repeats", 200)
    ).run()
case "generate":
    let generator = CorpusGenerator(seed: UInt64(option("--seed", 1)))
    var out = ""
    for index in 0..<option("--count", 1000) {
        out += JSONLines.line(generator.document(index)) + "\n"
        if out.utf8.count > 1 << 20 {
            FileHandle.standardOutput.write(Data(out.utf8))
            out = ""
        }
    }
    FileHandle.standardOutput.write(Data(out.utf8))
case "score" where arguments.contains("--file") || arguments.contains("--structured"):
    func path(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
    if let file = path("--file") { try FileScore.texts(file, examples: option("--examples", 20)) }
    if let file = path("--structured") { try FileScore.structured(file, examples: option("--examples", 20)) }
case "candidates":
    if let i = arguments.firstIndex(of: "--structured"), i + 1 < arguments.count {
        try CandidateDump.structured(arguments[i + 1])
    } else if let i = arguments.firstIndex(of: "--file"), i + 1 < arguments.count {
        try CandidateDump.run(arguments[i + 1])
    } else {
        FileHandle.standardError.write(Data("usage: liaison-bench candidates --file PATH | --structured PATH\n".utf8))
        exit(2)
    }
case "score":
    let seed = UInt64(option("--seed", 1))
    let documents = CorpusGenerator(seed: seed).documents(count: option("--count", 5000))
    let only = arguments.firstIndex(of: "--kind").flatMap { $0 + 1 < arguments.count ? PersonalDataKind(rawValue: arguments[$0 + 1]) : nil }
    let report = Scorer.score(documents, examples: option("--examples", 6), clock: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 })
    print("seed \(seed), \(report.documents) documents, \(report.scalars) scalars, scan \(String(format: "%.3f", report.seconds)) s")
    print(Scorer.table(report))
    for kind in PersonalDataKind.allCases where only == nil || only == kind {
        for example in report.falsePositives[kind] ?? [] { print("FP \(kind.rawValue): \(example)") }
        for example in report.falseNegatives[kind] ?? [] { print("FN \(kind.rawValue): \(example)") }
    }
    if only == nil || only == .person { for example in report.structuredErrors { print("FIELD person: \(example)") } }
default:
    print("usage: liaison-bench detect [--dense N] | redact-input [--megabytes N] | intake [--stix-objects N] [--events N] [--batch N] [--concurrency N] | json [--repeats N] | pipeline [--repeats N] | score [--seed N] [--count N] [--examples K] [--kind KIND] | score --file PATH | --structured PATH | candidates --file PATH | --structured PATH | generate [--seed N] [--count N] | mail [--seconds N] [--write-seeds DIR] | stix [--count N] [--repeats N] | ledger [--entries N] | deliveries [--count N] [--rate N] [--batch N] [--poll-ms N] [--worker-batch N] | taxii [--objects N] [--repeats N]")
    exit(2)
}
