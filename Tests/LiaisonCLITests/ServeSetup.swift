import AsyncHTTPClient
import Foundation
import LiaisonTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// A directory with a configuration (short delivery and ledger intervals, agreement files
/// approved as applied) and, given a webhook URL, the agreement cert → police sending to
/// it; and the environment that runs `liaison` on `db` with the database's keys.
struct ServeSetup {
    let directory: URL
    let environment: [String: String]

    init(_ db: TestDatabase.Handle, webhook: String?, delivery: String = "") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-setup-\(UUID().uuidString)")
        let agreements = directory.appendingPathComponent("agreements")
        try FileManager.default.createDirectory(at: agreements, withIntermediateDirectories: true)
        if let webhook {
            try """
                id: cert-to-police
                producer: cert
                consumer: police
                match: {taxonomies: [fraud], max_tlp: TLP:AMBER}
                share: {fields: [classification, title]}
                webhook: {url: "\(webhook)", secret: "whsec_\(Data(repeating: 5, count: 32).base64EncodedString())"}
                """.write(to: agreements.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        }
        let config = directory.appendingPathComponent("liaison.yaml")
        try """
            delivery:
              allowed_networks: [127.0.0.0/8]
              base_delay_ms: 100
              max_delay_ms: 200
              poll_interval_ms: 50
            \(delivery)
            governance:
              auto_approve_files: true
            ledger:
              checkpoint_interval_seconds: 1
            """.write(to: config, atomically: true, encoding: .utf8)
        environment = db.gatewayEnvironment.merging([
            "LIAISON_DATA_DIR": directory.path, "LIAISON_CONFIG": config.path, "LIAISON_AGREEMENTS_DIR": agreements.path,
        ]) { $1 }
    }

    func environment(listening port: Int) -> [String: String] {
        environment.merging(["LIAISON_LISTEN": "127.0.0.1:\(port)"]) { $1 }
    }

    /// A new API key, made with `liaison keys create`.
    func key(_ organisation: String, _ role: String, _ person: String?) async throws -> String {
        let result = try await BuiltBinary.run(
            ["keys", "create", "--org", organisation, "--role", role] + (person.map { ["--person", $0] } ?? []), environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct Answer {
        var status: UInt
        var json: [String: Any]
    }

    static func call(
        _ port: Int, _ method: HTTPMethod, _ path: String, key: String, body: String? = nil, headers: [String: String] = [:],
        timeout: TimeAmount = .seconds(10)
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "authorization", value: "Bearer \(key)")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "content-type", value: "application/x-ndjson")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 4 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes))) as? [String: Any] ?? [:]
        return Answer(status: response.status.code, json: json)
    }
}
