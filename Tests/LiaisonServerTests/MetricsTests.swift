import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import LiaisonTestTools
import NIOCore
import Testing

/// `GET /metrics` on a real gateway over loopback HTTP, with a real PostgreSQL and a real
/// webhook receiver: the figures move as intake and delivery happen, the endpoint is shut
/// without its token or configuration, and no label carries a personal value or an id.
@Suite(.timeLimit(.minutes(5))) struct MetricsTests {
    static let token = "metrics-token-" + String(repeating: "7", count: 30)

    /// One scrape: every sample by `name{label=value,...}` (labels sorted), and the raw text.
    struct Scrape {
        var samples: [String: Double] = [:]
        var labelValues: [String] = []
        var text = ""

        subscript(_ key: String) -> Double { samples[key] ?? 0 }

        /// Sum of every sample of `name` whose labels include all of `labels`.
        func sum(_ name: String, _ labels: [String: String] = [:]) -> Double {
            samples.filter { key, _ in
                key.hasPrefix(name + "{") || key == name
            }.filter { key, _ in
                labels.allSatisfy { key.contains("\($0)=\($1)") }
            }.values.reduce(0, +)
        }
    }

    /// Checks the text format's grammar line by line (a comment, or `name{labels} value`) and
    /// reads every sample.
    static func parse(_ text: String) throws -> Scrape {
        let sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? ([-+]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|NaN|Inf))$/
        let labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\.)*)"/
        var scrape = Scrape(text: text)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# TYPE ") || line.hasPrefix("# HELP ") { continue }
            let match = try #require(try sampleLine.wholeMatch(in: String(line)), "not a sample line: \(line)")
            var labels: [String] = []
            for pair in String(match.output.2 ?? "").matches(of: labelPair) {
                labels.append("\(pair.output.1)=\(pair.output.2)")
                scrape.labelValues.append(String(pair.output.2))
            }
            let name = String(match.output.1)
            let key = labels.isEmpty ? name : "\(name){\(labels.sorted().joined(separator: ","))}"
            scrape.samples[key] = Double(String(match.output.3).replacingOccurrences(of: "Inf", with: "inf"))
        }
        return scrape
    }

    static func get(_ url: String, authorization: String? = nil) async throws -> (status: Int, contentType: String?, body: String) {
        var request = HTTPClientRequest(url: url)
        if let authorization { request.headers.add(name: "authorization", value: authorization) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return (Int(response.status.code), response.headers.first(name: "content-type"), String(buffer: body))
    }

    static func scrape(_ port: Int) async throws -> Scrape {
        let (status, contentType, body) = try await get("http://127.0.0.1:\(port)/metrics", authorization: "Bearer \(token)")
        #expect(status == 200)
        #expect(contentType == "text/plain; version=0.0.4; charset=utf-8")
        return try parse(body)
    }

    static func push(_ port: Int, key: String, body: String) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/intake/events")
        request.method = .POST
        request.headers.add(name: "authorization", value: "Bearer \(key)")
        request.headers.add(name: "content-type", value: "application/x-ndjson")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status == .created)
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any])
    }

    /// The walkthrough's personal values, and the ids no label may hold.
    static func expectNoForbiddenLabel(_ scrape: Scrape, ids: [String]) {
        let forbidden = [
            GatewayFixture.victimEmail, "petrovic", "123 4567", "641234567", "+381", "203.0.113.7", "bank-login.example.net",
        ] + ids
        for value in scrape.labelValues {
            for word in forbidden { #expect(!value.contains(word), "label value \(value) holds \(word)") }
        }
    }

    @Test("Intake and a delivery to a real receiver move the counters and gauges as they should; every line parses; no label holds a personal value or an id")
    func figuresMove() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver()
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                var dependencies = try await GatewayFixture.dependencies(db, agreements: [agreement])
                dependencies.metricsSettings.token = Self.token
                let metrics = dependencies.metrics
                let checkpointKey = db.store.signer.checkpointKey(name: dependencies.ledgerOrigin)
                let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                try await LiveGateway.run(dependencies) { port in
                    let before = try await Self.scrape(port)
                    #expect(before["liaison_database_up"] == 1)
                    #expect(before.sum("liaison_intake_requests_total") == 0)
                    #expect(before.sum("liaison_delivery_queue_depth") == 0)

                    let receipt = try await Self.push(port, key: key, body: GatewayFixture.event())
                    let incident = try #require((receipt["incident_ids"] as? [String])?.first)
                    let receiptID = try #require(receipt["receipt_id"] as? String)
                    let queued = try await Self.scrape(port)
                    #expect(queued["liaison_intake_requests_total{result=committed,transport=http-events}"] == 1)
                    #expect(queued["liaison_intake_objects_total{outcome=accepted,transport=http-events}"] == 1)
                    #expect(queued["liaison_personal_data_found_total{kind=email}"] >= 1)
                    #expect(queued["liaison_personal_data_found_total{kind=phone}"] >= 1)
                    #expect(queued["liaison_http_requests_total{method=POST,route=/v1/intake/events,status=201}"] == 1)
                    #expect(queued["liaison_http_request_duration_seconds_count{method=POST,route=/v1/intake/events}"] == 1)
                    #expect(queued["liaison_delivery_queue_depth{consumer=police}"] == 1)
                    #expect(queued["liaison_delivery_oldest_pending_age_seconds{consumer=police}"] >= 0)
                    #expect(queued["liaison_vault_entries"] >= 2)
                    #expect(queued["liaison_ledger_entries"] > before["liaison_ledger_entries"])
                    #expect(queued.sum("liaison_delivery_attempts_total") == 0)

                    try await GatewayFixture.withWorker(db, agreements: [agreement], metrics: metrics.delivery) {
                        #expect(await WebhookReceiver.eventually {
                            (try? await db.store.deliveries(incidentID: UUID(uuidString: incident)!).first?.status) == "delivered"
                        })
                    }
                    _ = try await db.store.sealAll(key: checkpointKey)
                    let after = try await Self.scrape(port)
                    #expect(receiver.deliveries.count == 1)
                    #expect(after["liaison_delivery_attempts_total{consumer=police}"] == 1)
                    #expect(after["liaison_deliveries_delivered_total{consumer=police}"] == 1)
                    #expect(after.sum("liaison_delivery_failures_total") == 0)
                    #expect(after["liaison_delivery_enqueue_to_2xx_seconds_count"] == 1)
                    #expect(after["liaison_delivery_queue_depth{consumer=police}"] == 0)
                    #expect(after["liaison_delivery_oldest_pending_age_seconds{consumer=police}"] == 0)
                    #expect(after["liaison_ledger_checkpoint_size"] == after["liaison_ledger_entries"])
                    #expect(after["liaison_ledger_unsealed_entries"] == 0)
                    #expect(after.samples["liaison_ledger_checkpoint_age_seconds"] != nil)
                    #expect(after.sum("liaison_database_sessions") >= 1)
                    #expect(after["liaison_http_requests_total{method=GET,route=/metrics,status=200}"] == 2)
                    #expect(after.text.contains("# TYPE liaison_http_request_duration_seconds histogram"))
                    try Self.expectMonitoringNamesExist(after)
                    Self.expectNoForbiddenLabel(after, ids: [incident, receiptID, key, String(key.dropFirst(4).prefix(12))])
                    try Self.expectPrometheusClientParses(after.text)
                }
            }
        }
    }

    @Test("A receiver that fails counts failures by class and a dead letter, and the dead gauge reads it from the database")
    func failuresAndDeadLetters() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let receiver = WebhookReceiver(fallback: 503)
            try await receiver.serve { url in
                let agreement = GatewayFixture.agreement(webhookURL: url)
                var dependencies = try await GatewayFixture.dependencies(db, agreements: [agreement])
                dependencies.metricsSettings.token = Self.token
                let metrics = dependencies.metrics
                let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
                try await LiveGateway.run(dependencies) { port in
                    let receipt = try await Self.push(port, key: key, body: GatewayFixture.event())
                    let incident = try #require((receipt["incident_ids"] as? [String]).flatMap { $0.first.flatMap(UUID.init(uuidString:)) })
                    try await GatewayFixture.withWorker(db, agreements: [agreement], maxAttempts: 2, metrics: metrics.delivery) {
                        #expect(await WebhookReceiver.eventually {
                            (try? await db.store.deliveries(incidentID: incident).first?.status) == "dead"
                        })
                    }
                    let after = try await Self.scrape(port)
                    #expect(after["liaison_delivery_attempts_total{consumer=police}"] == 2)
                    #expect(after["liaison_delivery_failures_total{class=http-5xx,consumer=police}"] == 2)
                    #expect(after["liaison_delivery_dead_letters_total{consumer=police}"] == 1)
                    #expect(after["liaison_deliveries_dead{consumer=police}"] == 1)
                    #expect(after["liaison_delivery_queue_depth{consumer=police}"] == 0)
                    #expect(after.sum("liaison_deliveries_delivered_total") == 0)
                }
            }
        }
    }

    @Test("Without its token /metrics answers 401 problem+json (an API key is not the token); unconfigured it is 404")
    func protection() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let admin = try await db.store.createAPIKey(organisation: "cert", role: .admin, person: "Test Admin").key
            try await LiveGateway.run(dependencies) { port in
                let (status, contentType, _) = try await Self.get("http://127.0.0.1:\(port)/metrics", authorization: "Bearer \(Self.token)")
                #expect(status == 404)
                #expect(contentType == "application/problem+json")
            }
            dependencies.metricsSettings.token = Self.token
            try await LiveGateway.run(dependencies) { port in
                let url = "http://127.0.0.1:\(port)/metrics"
                for authorization in [nil, "Bearer \(admin)", "Bearer \(Self.token)x", "Basic \(Data("x:\(Self.token)".utf8).base64EncodedString())", "Bearer "] {
                    let (status, contentType, body) = try await Self.get(url, authorization: authorization)
                    #expect(status == 401, "\(authorization ?? "none")")
                    #expect(contentType == "application/problem+json")
                    #expect(!body.contains("liaison_"))
                }
                #expect(try await Self.get(url, authorization: "Bearer \(Self.token)").status == 200)
            }
        }
    }

    @Test("With metrics.listen the API router has no /metrics, and the metrics router serves only /metrics")
    func separateListener() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            dependencies.metricsSettings.host = "127.0.0.1"
            dependencies.metricsSettings.port = 0
            dependencies.metricsSettings.token = Self.token
            let api = Application(router: buildRouter(dependencies))
            try await api.test(.router) { client in
                let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
                #expect(response.status == .notFound)
            }
            let metrics = Application(router: buildMetricsRouter(dependencies))
            try await metrics.test(.router) { client in
                #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
                let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
                #expect(response.status == .ok)
                #expect(try Self.parse(String(buffer: response.body))["liaison_database_up"] == 1)
                #expect(try await client.execute(uri: "/v1/feed", method: .get).status == .notFound)
                #expect(try await client.execute(uri: "/healthz", method: .get).status == .notFound)
            }
        }
    }

    @Test("A path outside every route and an invented method are labelled 'unmatched' and 'other', never as sent")
    func boundedLabels() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            dependencies.metricsSettings.token = Self.token
            let app = Application(router: buildRouter(dependencies))
            try await app.test(.router) { client in
                _ = try await client.execute(uri: "/v1/incidents/\(GatewayFixture.victimEmail)", method: .get)
                _ = try await client.execute(uri: "/nowhere/jovana", method: .get)
                _ = try await client.execute(uri: "/healthz", method: .init("BREW")!)
                let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
                let scrape = try Self.parse(String(buffer: response.body))
                #expect(scrape["liaison_http_requests_total{method=GET,route=/v1/incidents/{id},status=401}"] == 1)
                #expect(scrape["liaison_http_requests_total{method=GET,route=unmatched,status=404}"] == 1)
                #expect(scrape.sum("liaison_http_requests_total", ["method": "other"]) == 1)
                #expect(!scrape.text.contains("jovana") && !scrape.text.contains("BREW"))
            }
        }
    }

    /// Every metric the dashboard and the alert rules under deploy/monitoring/ name is one
    /// the gateway exposes (the pool's maximum is set by `liaison serve` alone; failures
    /// appear at the first failure, which ``failuresAndDeadLetters()`` checks).
    static func expectMonitoringNamesExist(_ scrape: Scrape) throws {
        let exposed = Set(scrape.samples.keys.map { key in
            String(key.prefix { $0 != "{" }).replacing(/_(bucket|count|sum)$/, with: "")
        })
        for file in ["deploy/monitoring/liaison-dashboard.json", "deploy/monitoring/liaison-alerts.yml"] {
            let text = try String(contentsOf: TestPython.root.appendingPathComponent(file), encoding: .utf8)
            let named = Set(text.matches(of: /liaison_[a-z0-9_]+/).map { String($0.output).replacing(/_(bucket|count|sum)$/, with: "") })
            #expect(named.count >= 4, "\(file) names too few metrics")
            for name in named.subtracting(["liaison_database_pool_max_connections", "liaison_delivery_failures_total"]) {
                #expect(exposed.contains(name), "\(file) names \(name), which /metrics does not expose")
            }
        }
    }

    /// The official Python client's parser reads the whole exposition.
    static func expectPrometheusClientParses(_ text: String) throws {
        try #require(TestPython.missing("python") == nil, "\(TestPython.missing("python") ?? "")")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            families = list(text_string_to_metric_families(open(sys.argv[1]).read()))
            print(len(families))
            """
        let (status, output) = try TestPython.run("python", ["-c", script, file.path])
        #expect(status == 0, "\(output)")
        #expect((Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 10, "\(output)")
    }
}
