import Foundation
import Glibc
import Hummingbird
import LiaisonServer
import LiaisonTestSupport
import Logging
import Testing

/// A raw HTTP/1.1 connection over a loopback TCP socket, so a test can send a request body
/// piece by piece and watch when the server answers and closes. Blocking socket calls run on a
/// thread of their own (`RawHTTPConnection.run`), never on the concurrency pool the server uses.
final class RawHTTPConnection {
    let socket: Int32
    private(set) var received: [UInt8] = []
    private(set) var closedByPeer = false

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { Glibc.close(socket) }

    /// Sends `bytes`; false once the peer has closed or reset the connection.
    @discardableResult func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    @discardableResult func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until `done` holds for what was received, the peer closes, or `timeout` passes.
    func receive(timeout: Duration, until done: ([UInt8]) -> Bool) {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(received), !closedByPeer, ContinuousClock.now < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { closedByPeer = true } else { received += buffer[0..<count] }
        }
    }

    /// Whether data is waiting to be read (a response has started), without waiting.
    var hasData: Bool {
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    var text: String { String(decoding: received, as: UTF8.self) }
    var statusLine: String { text.components(separatedBy: "\r\n").first ?? "" }
    var head: String { text.components(separatedBy: "\r\n\r\n").first ?? "" }
    var saysClose: Bool { head.lowercased().contains("\r\nconnection: close") }
    static func headComplete(_ bytes: [UInt8]) -> Bool { String(decoding: bytes, as: UTF8.self).contains("\r\n\r\n") }

    /// Runs `body` with a new connection on a thread of its own.
    static func run<T: Sendable>(port: Int, _ body: @escaping @Sendable (RawHTTPConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try body(RawHTTPConnection(port: port)) })
            }.start()
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct HTTPConnectionTests {
    static let limit = 64 * 1024

    /// Runs the gateway's HTTP application (as `liaison serve` builds it) on a free loopback port.
    func withGateway(_ body: @escaping @Sendable (_ port: Int, _ key: String) async throws -> Void) async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let dependencies = try await GatewayFixture.dependencies(db, agreements: [], maxBodyBytes: Self.limit)
            let key = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            try await LiveGateway.run(dependencies) { port in try await body(port, key) }
        }
    }

    static func head(key: String, _ framing: String) -> String {
        "POST /v1/intake/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(key)\r\n"
            + "Content-Type: application/x-ndjson\r\n\(framing)\r\n\r\n"
    }

    @Test("A chunked body over intake.max_body_bytes is answered 413 as soon as the bound is passed, and the connection closed")
    func chunkedOverBound() async throws {
        try await withGateway { port, key in
            let (answeredBeforeEnd, status, saysClose, closed) = try await RawHTTPConnection.run(port: port) { connection in
                connection.send(Self.head(key: key, "Transfer-Encoding: chunked"))
                let chunk = Array("4000\r\n".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: 0x4000) + Array("\r\n".utf8)
                // Send twice the bound, a chunk at a time, never the last chunk; the answer must
                // come while the body is still open.
                for _ in 0..<(2 * Self.limit / 0x4000) where !connection.hasData {
                    guard connection.send(chunk) else { break }
                    Thread.sleep(forTimeInterval: 0.02)
                }
                connection.receive(timeout: .seconds(5), until: RawHTTPConnection.headComplete)
                let answered = RawHTTPConnection.headComplete(connection.received)
                connection.receive(timeout: .seconds(5)) { _ in false }
                return (answered, connection.statusLine, connection.saysClose, connection.closedByPeer)
            }
            #expect(answeredBeforeEnd, "no answer while the body was still being sent")
            #expect(status.hasPrefix("HTTP/1.1 413 "), "\(status)")
            #expect(saysClose, "the 413 does not say Connection: close")
            #expect(closed, "the connection was left open")
        }
    }

    @Test("A declared body over the bound is answered 413 at once, saying Connection: close, and the connection closed")
    func sizedOverBound() async throws {
        try await withGateway { port, key in
            let (status, saysClose, closed) = try await RawHTTPConnection.run(port: port) { connection in
                connection.send(Self.head(key: key, "Content-Length: \(10 * Self.limit)"))
                connection.send([UInt8](repeating: UInt8(ascii: " "), count: 1024))
                connection.receive(timeout: .seconds(5)) { _ in false }
                return (connection.statusLine, connection.saysClose, connection.closedByPeer)
            }
            #expect(status.hasPrefix("HTTP/1.1 413 "), "\(status)")
            #expect(saysClose, "the 413 does not say Connection: close")
            #expect(closed, "the connection was left open")
        }
    }

    @Test("A request that asks to close gets Connection: close in its response, then the close")
    func requestedClose() async throws {
        try await withGateway { port, _ in
            let (status, saysClose, closed) = try await RawHTTPConnection.run(port: port) { connection in
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                connection.receive(timeout: .seconds(5)) { _ in false }
                return (connection.statusLine, connection.saysClose, connection.closedByPeer)
            }
            #expect(status == "HTTP/1.1 200 OK")
            #expect(saysClose)
            #expect(closed)
        }
    }

    @Test("Of two pipelined requests, only the one that asks to close gets Connection: close, and both are answered")
    func pipelined() async throws {
        try await withGateway { port, _ in
            let (responses, closes) = try await RawHTTPConnection.run(port: port) { connection in
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                connection.receive(timeout: .seconds(5)) { _ in false }
                let heads = connection.text.components(separatedBy: "HTTP/1.1 ").dropFirst()
                return (heads.count, heads.map { $0.lowercased().contains("\r\nconnection: close") })
            }
            #expect(responses == 2)
            #expect(closes == [false, true])
        }
    }

    @Test("A kept-alive connection serves a second request after a 2xx")
    func keepAlive() async throws {
        try await withGateway { port, _ in
            let (first, second) = try await RawHTTPConnection.run(port: port) { connection in
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                connection.receive(timeout: .seconds(5), until: RawHTTPConnection.headComplete)
                let first = connection.statusLine
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                connection.receive(timeout: .seconds(5)) { _ in false }
                let responses = connection.text.components(separatedBy: "HTTP/1.1 ").count - 1
                return (first, responses)
            }
            #expect(first == "HTTP/1.1 200 OK")
            #expect(second == 2)
        }
    }
}
