import AsyncHTTPClient
import Foundation
import LiaisonCore
import LiaisonServer
import LiaisonStore
import NIOCore

/// `liaison-bench console`: the console's pages over loopback HTTP against the real
/// application, with `incidents` incidents pushed through the HTTP intake and `agreements`
/// approved agreements (issue 16 asks for under 100 ms p99 with 10,000 and 100). An admin
/// signs in as the sign-in form does; each page is then read `repeats` times in a row, after
/// five unmeasured reads. Latency is per page: request sent → body read.
struct ConsoleBenchmark {
    var incidents = 10_000
    var agreements = 100
    var repeats = 200

    func run() async throws {
        try await BenchGateway.withStore { _, store, migrator in
            try await BenchServer.run(store: store, migrator: migrator) { server in
                try await measure(server)
            }
        }
    }

    private func measure(_ server: BenchServer) async throws {
        var pushed = 0
        while pushed < incidents {
            let size = min(1000, incidents - pushed)
            try await server.submitEvents(from: pushed, count: size)
            pushed += size
        }
        let admin = AuditActor(organisation: "bench-cert", person: "Bench Admin")
        let records = AgreementRecords(store: server.store, governance: AgreementGovernance())
        let others = (1..<max(1, agreements)).map { index in
            Agreement(
                id: "bench-cert-to-police-\(index)", producer: "bench-cert", consumer: "bench-police-\(index)",
                match: .init(taxonomies: ["fraud"], maxTLP: .amber), fields: [.classification, .title],
                personalData: [:], pseudonymKey: Secret(bytes: Array(repeating: 9, count: 32)), webhook: nil)
        }
        try await records.apply(others, approve: true, source: AuditActor(organisation: "gateway", person: "bench"))
        guard let current = try await server.store.agreementVersions(BenchServer.agreementID).last else {
            throw BenchFailure(status: 0, body: "no agreement")
        }
        var narrower = current.agreement
        narrower.fields = [.classification, .title]
        _ = try await records.draft(BenchServer.agreementID, document: narrower, from: nil, by: admin)
        try await server.agreements.refresh(from: server.store)
        let key = try await server.store.createAPIKey(organisation: "bench-cert", role: .admin, person: "Bench Admin").key

        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            try await readPages(http, server, key: key, incidents: pushed)
        } catch {
            try await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    private func readPages(_ http: HTTPClient, _ server: BenchServer, key: String, incidents pushed: Int) async throws {
        let cookie = try await signIn(http, server.base, key: key)
        let id = BenchServer.agreementID
        let pages = [
            "/console/", "/console/agreements", "/console/agreements/\(id)", "/console/agreements/\(id)/versions/2/diff",
            "/console/agreements/\(id)/versions/2/preview", "/console/keys", "/console/deliveries", "/console/audit",
            "/console/agreements/new", "/console/agreements/\(id)/versions/new",
        ]
        print("console pages (\(pushed) incidents, \(agreements) agreements, \(repeats) reads each, sequential): " + BenchFigures.load())
        for page in pages {
            var latencies: [Double] = []
            for round in 0..<(repeats + 5) {
                let sent = ContinuousClock.now
                var request = HTTPClientRequest(url: server.base + page)
                request.headers.add(name: "Cookie", value: cookie)
                let response = try await http.execute(request, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 16 << 20)
                guard response.status == .ok else { throw BenchFailure(status: Int(response.status.code), body: page) }
                if round >= 5 { latencies.append((ContinuousClock.now - sent) / .seconds(1)) }
            }
            print(String(
                format: "  %@: p50 %.1f ms, p99 %.1f ms, max %.1f ms", page, BenchFigures.percentile(latencies, 0.5) * 1000,
                BenchFigures.percentile(latencies, 0.99) * 1000, (latencies.max() ?? 0) * 1000))
        }
    }

    /// Signs in as the sign-in form does; the session's `Cookie` header value.
    private func signIn(_ http: HTTPClient, _ base: String, key: String) async throws -> String {
        let form = try await http.execute(HTTPClientRequest(url: base + "/console/sign-in"), timeout: .seconds(30))
        let page = String(buffer: try await form.body.collect(upTo: 1 << 20))
        guard let pre = form.headers["Set-Cookie"].first?.split(separator: ";").first,
            let range = page.range(of: #"name="csrf" value=""#)
        else { throw BenchFailure(status: Int(form.status.code), body: "no sign-in form") }
        let csrf = page[range.upperBound...].prefix { $0 != "\"" }
        var request = HTTPClientRequest(url: base + "/console/sign-in")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Cookie", value: String(pre))
        let encodedKey = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        request.body = .bytes(ByteBuffer(string: "csrf=\(csrf)&key=\(encodedKey)"))
        let answer = try await http.execute(request, timeout: .seconds(30))
        guard answer.status == .seeOther, let session = answer.headers["Set-Cookie"].first(where: { $0.hasPrefix("liaison_console=") })
        else { throw BenchFailure(status: Int(answer.status.code), body: "sign-in refused") }
        return String(session.split(separator: ";")[0])
    }
}
