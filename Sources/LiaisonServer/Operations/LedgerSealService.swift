import AsyncHTTPClient
import Foundation
import LiaisonCore
import LiaisonStore
import Logging
import NIOCore
import ServiceLifecycle

/// Seals the ledger: hashes new entries into the tree and signs a checkpoint when
/// `settings.entries` entries wait or `settings.interval` has passed since the last one,
/// then publishes it to `ledger.checkpoint_file` and `ledger.checkpoint_url`. Replicas
/// each run one; a transaction-level advisory lock lets one seal at a time.
struct LedgerSealService: Service {
    let store: PostgresIncidentStore
    let key: CheckpointKey
    let settings: LedgerSettings
    let httpClient: HTTPClient
    let logger: Logger

    func run() async throws {
        var lastSeal = ContinuousClock.now
        let tick = min(settings.interval, .seconds(1))
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let size = try await store.ledgerSize()
                let sealed = try await store.checkpoint()?.size ?? 0
                if size > sealed, size - sealed >= settings.entries || ContinuousClock.now - lastSeal >= settings.interval {
                    while let checkpoint = try await store.sealLedger(key: key) {
                        lastSeal = .now
                        logger.info("ledger checkpoint signed", metadata: ["size": "\(checkpoint.size)"])
                        await publish(checkpoint)
                    }
                }
            } catch {
                logger.error("ledger sealing failed; run liaison audit verify", metadata: ["error": "\(type(of: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: tick) }
        }
    }

    /// Copies outside the database. A failed copy is logged; the next checkpoint, which is
    /// consistent with this one, is published as usual.
    private func publish(_ checkpoint: Checkpoint) async {
        if let file = settings.file {
            do {
                try Self.append(checkpoint.note + "\n", to: file)
            } catch {
                logger.warning("checkpoint not written to ledger.checkpoint_file", metadata: ["file": "\(file.path)"])
            }
        }
        if let url = settings.url {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
            request.body = .bytes(ByteBuffer(string: checkpoint.note))
            do {
                let response = try await httpClient.execute(request, timeout: .seconds(10))
                if !(200..<300).contains(response.status.code) {
                    logger.warning("checkpoint refused by ledger.checkpoint_url", metadata: ["status": "\(response.status.code)"])
                }
            } catch {
                logger.warning("checkpoint not sent to ledger.checkpoint_url", metadata: ["error": "\(type(of: error))"])
            }
        }
    }

    static func append(_ text: String, to file: URL) throws {
        if !FileManager.default.fileExists(atPath: file.path) {
            guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o644]) else {
                throw CocoaError(.fileWriteUnknown)
            }
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
