import Foundation
import NIOCore

/// Synthetic intake bodies for `liaison-bench intake`: documentation and benchmarking
/// address ranges (RFC 5737, RFC 2544) and `.example` names only.
enum BenchData {
    /// A STIX 2.1 bundle of `objects` phishing indicators, distinct per round.
    static func stixBundle(objects: Int, round: Int) -> (body: ByteBuffer, objects: Int) {
        var text = #"{"type": "bundle", "id": "bundle--\#(uuid(round, 0, kind: 0xb))", "objects": ["#
        text.reserveCapacity(objects * 520)
        for index in 0..<objects {
            if index > 0 { text += ",\n" }
            let host = "login-\(round)-\(index).bank-phish.example"
            text += """
                {"type": "indicator", "spec_version": "2.1", "id": "indicator--\(uuid(round, index, kind: 0xa))", \
                "created": "2026-11-20T10:00:00.000Z", "modified": "2026-11-20T10:00:00.000Z", \
                "name": "Phishing page \(index)", "labels": ["phishing"], "indicator_types": ["malicious-activity"], \
                "pattern": "[url:value = 'https://\(host)/signin'] OR [ipv4-addr:value = '\(benchIP(index))']", \
                "pattern_type": "stix", "valid_from": "2026-11-20T10:00:00Z", \
                "description": "Reported by a customer who received the link by e-mail."}
                """
        }
        text += "]}"
        return (ByteBuffer(string: text), objects)
    }

    /// `count` IntelMQ harmonised events, one per line, numbered from `first`.
    static func intelMQ(from first: Int, count: Int) -> (body: ByteBuffer, objects: Int) {
        var text = ""
        text.reserveCapacity(count * 640)
        for n in first..<(first + count) {
            let host = "login-\(n).bank-phish.example"
            let raw = Data("\(n),https://\(host)/signin,victim-\(n)@example.org".utf8).base64EncodedString()
            text += """
                {"classification.taxonomy": "fraud", "classification.type": "phishing", \
                "classification.identifier": "bank-phishing", "source.ip": "\(benchIP(n))", "source.fqdn": "\(host)", \
                "source.url": "https://\(host)/signin", "source.asn": \(64_500 + n % 100), \
                "source.geolocation.cc": "NL", "destination.ip": "192.0.2.\(n % 250 + 1)", \
                "time.source": "2026-11-28T09:15:00+00:00", "time.observation": "2026-11-28T09:20:00+00:00", \
                "feed.name": "Bench phishing feed", "feed.provider": "Bench CERT", "feed.accuracy": 90.0, \
                "raw": "\(raw)"}

                """
        }
        return (ByteBuffer(string: text), count)
    }

    /// 198.18.0.0/15, the benchmarking range (RFC 2544).
    static func benchIP(_ n: Int) -> String { "198.\(18 + (n >> 16) % 2).\((n >> 8) % 256).\(n % 256)" }

    static func uuid(_ round: Int, _ index: Int, kind: Int) -> String {
        String(format: "%08x-%04x-4000-8000-%012x", round, kind, index)
    }
}
