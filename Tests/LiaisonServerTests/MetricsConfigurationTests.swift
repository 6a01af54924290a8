import Foundation
import LiaisonServer
import Testing

/// `metrics.*` and `log_format`: read from the file and the environment, bad values named,
/// and the token never quoted back.
@Suite struct MetricsConfigurationTests {
    static let token = String(repeating: "t", count: 40)

    func load(_ yaml: String, environment: [String: String] = [:]) throws -> Configuration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Configuration.load(file: file.path, environment: environment)
    }

    @Test("With neither a token nor a listen address /metrics is off; log_format defaults to text")
    func defaults() throws {
        let configuration = try load("log_level: info\n")
        #expect(!configuration.metrics.isEnabled && configuration.metrics.token == nil && configuration.metrics.host == nil)
        #expect(configuration.logFormat == .text)
    }

    @Test("The token comes from a secret reference and the listen address from HOST:PORT; environment variables win")
    func readsSettings() throws {
        let configuration = try load(
            "log_format: json\nmetrics:\n  token: env:SCRAPE_TOKEN\n  listen: 127.0.0.1:9464\n", environment: ["SCRAPE_TOKEN": Self.token])
        #expect(configuration.metrics.token == Self.token)
        #expect(configuration.metrics.host == "127.0.0.1" && configuration.metrics.port == 9464)
        #expect(configuration.logFormat == .json)
        let overridden = try load(
            "metrics:\n  listen: 127.0.0.1:9464\n",
            environment: ["LIAISON_METRICS_LISTEN": "[::1]:9100", "LIAISON_LOG_FORMAT": "json", "LIAISON_METRICS_TOKEN": Self.token])
        #expect(overridden.metrics.host == "::1" && overridden.metrics.port == 9100)
        #expect(overridden.logFormat == .json && overridden.metrics.token == Self.token)
    }

    @Test(
        "A short, spaced or missing token, a bad listen address, an unknown key and an unknown log format are each named, the token never quoted",
        arguments: [
            ("metrics:\n  token: short\n", "metrics.token"),
            ("metrics:\n  token: \"\(String(repeating: "a", count: 20)) \(String(repeating: "b", count: 20))\"\n", "metrics.token"),
            ("metrics:\n  token: env:NOT_SET_ANYWHERE\n", "metrics.token"),
            ("metrics:\n  listen: nowhere\n", "metrics.listen"),
            ("metrics:\n  port: 9100\n", "metrics.port"),
            ("log_format: xml\n", "log_format"),
        ])
    func refusals(yaml: String, key: String) throws {
        let error = #expect(throws: ConfigurationError.self) { try load(yaml) }
        #expect(error?.problems.contains { $0.key == key } == true, "\(error?.description ?? "")")
        #expect(error?.description.contains(String(repeating: "a", count: 20)) == false)
    }
}
