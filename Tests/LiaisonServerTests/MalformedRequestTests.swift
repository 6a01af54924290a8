import Foundation
import LiaisonServer
import LiaisonTestSupport
import Testing

/// Requests the HTTP/1.1 codec refuses, over a real socket: each answered 400 as a problem
/// document, the connection closed; none is a 500 or an error-level log line.
@Suite(.timeLimit(.minutes(5))) struct MalformedRequestTests {
    func withGateway(logs: CapturedLogs? = nil, _ body: @escaping @Sendable (_ port: Int, _ key: String) async throws -> Void) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [])
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            try await LiveGateway.run(dependencies, logger: logs?.logger("gateway") ?? TestDatabase.logger) { port in
                try await body(port, key)
            }
        }
    }

    /// What came back for one request on a connection of its own, read until the server closed.
    struct Answer: Sendable {
        var statusLine, head, text: String
        var saysClose, closedByPeer: Bool
    }

    static func exchange(port: Int, _ request: String) async throws -> Answer {
        try await RawHTTPConnection.run(port: port) { connection in
            connection.send(request)
            connection.receive(timeout: .seconds(5)) { _ in false }
            return Answer(
                statusLine: connection.statusLine, head: connection.head, text: connection.text, saysClose: connection.saysClose,
                closedByPeer: connection.closedByPeer)
        }
    }

    static let events = "POST /v1/intake/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"

    static let requests: [(String, String)] = [
        ("too many header fields", "GET /healthz HTTP/1.1\r\nHost: x\r\n" + (0..<1100).map { "X-F\($0): v\r\n" }.joined() + "\r\n"),
        ("a header field too large", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "a", count: 100_000) + "\r\n\r\n"),
        ("a control byte in the path", "GET /heal\u{01}thz HTTP/1.1\r\nHost: x\r\n\r\n"),
        ("Content-Length with Transfer-Encoding", events + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        ("two Content-Lengths", events + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}"),
        ("a bare LF", "GET /healthz HTTP/1.1\nHost: x\n\n"),
    ]

    @Test("A request the codec refuses is answered 400 as problem+json, and the connection closed", arguments: 0..<requests.count)
    func refusedByCodec(index: Int) async throws {
        let (name, request) = Self.requests[index]
        try await withGateway { port, _ in
            let connection = try await Self.exchange(port: port, request)
            #expect(connection.statusLine.hasPrefix("HTTP/1.1 400 "), "\(name): \(connection.statusLine)")
            #expect(connection.head.lowercased().contains("content-type: application/problem+json"), "\(name): not a problem document")
            #expect(connection.text.contains("urn:liaison:problem:malformed-request"), "\(name)")
            #expect(connection.saysClose, "\(name): no Connection: close")
            #expect(connection.closedByPeer, "\(name): the connection was left open")
        }
    }

    @Test("A malformed chunk in a body being read is a 400 problem, not a 500, and no error is logged")
    func malformedChunk() async throws {
        let logs = CapturedLogs()
        try await withGateway(logs: logs) { port, key in
            let connection = try await Self.exchange(
                port: port, HTTPConnectionTests.head(key: key, "Transfer-Encoding: chunked") + "ZZ\r\n{}\r\n0\r\n\r\n")
            #expect(connection.statusLine.hasPrefix("HTTP/1.1 400 "), "\(connection.statusLine)")
            #expect(connection.head.lowercased().contains("content-type: application/problem+json"))
            // Read while the gateway runs: stopping the test's server logs errors of its own.
            #expect(!logs.all.contains { $0.hasPrefix("error") }, "\(logs.all.filter { $0.hasPrefix("error") })")
        }
    }

    @Test("Transfer-Encoding other than chunked is a 400 problem, not a 500")
    func unknownTransferCoding() async throws {
        try await withGateway { port, key in
            let connection = try await Self.exchange(
                port: port, HTTPConnectionTests.head(key: key, "Transfer-Encoding: xchunked") + "2\r\n{}\r\n0\r\n\r\n")
            #expect(connection.statusLine.hasPrefix("HTTP/1.1 400 "), "\(connection.statusLine)")
            #expect(connection.head.lowercased().contains("content-type: application/problem+json"))
        }
    }

    @Test("A client that aborts an upload leaves no error-level log line")
    func abortedUpload() async throws {
        let logs = CapturedLogs()
        try await withGateway(logs: logs) { port, key in
            try await RawHTTPConnection.run(port: port) { connection in
                connection.send(HTTPConnectionTests.head(key: key, "Content-Length: 100000") + "{\"title\": ")
                Thread.sleep(forTimeInterval: 0.3)
            }
            // The server sees the close when it next reads; wait for it, up to 20 s: the full suite runs
            // many gateways at once on two cores, and 5 s was once not enough.
            for _ in 0..<200 where !logs.all.contains(where: { $0.contains("request body not completed") }) {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(logs.all.contains { $0.contains("request body not completed") }, "the abort was not seen")
            #expect(!logs.all.contains { $0.hasPrefix("error") }, "\(logs.all.filter { $0.hasPrefix("error") })")
        }
    }

    @Test("An unknown path under /taxii2/ is answered with a TAXII error message")
    func unknownTAXIIPath() async throws {
        try await withGateway { port, key in
            let connection = try await Self.exchange(
                port: port,
                "GET /taxii2/liaison/no/such/resource/here/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(key)\r\n"
                    + "Accept: application/taxii+json;version=2.1\r\nConnection: close\r\n\r\n")
            #expect(connection.statusLine.hasPrefix("HTTP/1.1 404 "), "\(connection.statusLine)")
            #expect(connection.head.lowercased().contains("content-type: application/taxii+json;version=2.1"))
            #expect(connection.text.contains("\"http_status\""), "not a TAXII error message")
        }
    }
}
