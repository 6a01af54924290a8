import AsyncHTTPClient
import Foundation
import LiaisonCore
import NIOCore

/// `liaison-bench taxii`: incidents pushed through the real HTTP intake until the consumer's
/// collection holds at least `objects` STIX objects, then `GET …/objects/?limit=1000` pages
/// over loopback HTTP against the real application, following `next` to the end,
/// `repeats` times. Latency is per page: request sent → body read (this process's monotonic
/// clock).
struct TAXIIBenchmark {
    var objects = 20_000
    var repeats = 5
    static let limit = 1000
    static let accept = "application/taxii+json;version=2.1"

    func run() async throws {
        try await BenchGateway.withStore { _, store, migrator in
            try await BenchServer.run(store: store, migrator: migrator) { server in
                try await measure(server)
            }
        }
    }

    private func measure(_ server: BenchServer) async throws {
        let collection = try await collectionURL(server)
        // Each incident's disclosure is several objects: push ten, count, then push the rest.
        try await server.submitEvents(from: 0, count: 10)
        let sample = try await page(server, collection, next: nil)
        let perIncident = max(1, sample.objects / 10)
        var pushed = 10
        let incidents = (objects + perIncident - 1) / perIncident
        while pushed < incidents {
            let size = min(1000, incidents - pushed)
            try await server.submitEvents(from: pushed, count: size)
            pushed += size
        }
        var latencies: [Double] = []
        var served = 0
        var pages = 0
        let start = ContinuousClock.now
        for _ in 0..<repeats {
            var next: String?
            repeat {
                let sent = ContinuousClock.now
                let answer = try await page(server, collection, next: next)
                latencies.append((ContinuousClock.now - sent) / .seconds(1))
                served += answer.objects
                pages += 1
                next = answer.more ? answer.next : nil
            } while next != nil
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print(String(
            format: "TAXII objects (%d incidents, %d objects per pass, pages of %d, %d passes): %.1f pages/s, %.0f objects/s; "
                + "page latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; ",
            pushed, served / repeats, Self.limit, repeats, Double(pages) / seconds, Double(served) / seconds,
            BenchFigures.percentile(latencies, 0.5) * 1000, BenchFigures.percentile(latencies, 0.99) * 1000,
            (latencies.max() ?? 0) * 1000) + BenchFigures.load())
    }

    /// The objects URL of the consumer's one collection, from the collections list.
    private func collectionURL(_ server: BenchServer) async throws -> String {
        let body = try await get(server, server.base + "/taxii2/liaison/collections/")
        guard case .object(let list) = body, case .array(let collections)? = list["collections"],
            case .object(let first)? = collections.first, case .string(let id)? = first["id"]
        else { throw BenchFailure(status: 200, body: "no collection listed for the consumer") }
        return server.base + "/taxii2/liaison/collections/\(id)/objects/"
    }

    private func page(_ server: BenchServer, _ url: String, next: String?) async throws -> (objects: Int, more: Bool, next: String?) {
        var query = "?limit=\(Self.limit)"
        if let next { query += "&next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? next) }
        guard case .object(let envelope) = try await get(server, url + query) else { return (0, false, nil) }
        var count = 0
        if case .array(let items)? = envelope["objects"] { count = items.count }
        var more = false
        if case .bool(let value)? = envelope["more"] { more = value }
        var nextToken: String?
        if case .string(let value)? = envelope["next"] { nextToken = value }
        return (count, more, nextToken)
    }

    private func get(_ server: BenchServer, _ url: String) async throws -> JSONValue {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(server.consumerKey)")
        request.headers.add(name: "Accept", value: Self.accept)
        request.headers.add(name: "Liaison-Purpose", value: "case=BENCH-2026-1; basis=benchmark")
        let response = try await server.http.execute(request, timeout: .minutes(1))
        let body = try await response.body.collect(upTo: 256 << 20)
        guard response.status == .ok else {
            throw BenchFailure(status: Int(response.status.code), body: String(buffer: body).prefix(400).description)
        }
        return try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
    }
}
