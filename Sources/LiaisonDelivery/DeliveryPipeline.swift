import Foundation
import LiaisonStore
import Synchronization

/// Records accepted deliveries in batches: each sender hands its outcome over and waits for it
/// to be committed. The first one to arrive while no write is running writes, and everything
/// that arrives meanwhile goes into the next write, which the first of those waiting makes
/// when the previous one has committed. So under load one transaction (one ledger append)
/// covers many deliveries, and alone a delivery is written at once.
final class DeliveredRecorder: Sendable {
    private enum Turn {
        case written(Result<Double?, any Error>)
        case write
    }

    private struct Waiting {
        var delivered: PostgresIncidentStore.Delivered
        var continuation: CheckedContinuation<Turn, Never>
    }

    private struct State {
        var writing = false
        var waiting: [Waiting] = []
    }

    private let state = Mutex(State())
    private let store: PostgresIncidentStore

    init(store: PostgresIncidentStore) {
        self.store = store
    }

    /// Records `delivered` with whatever else is waiting; returns the seconds it waited since
    /// enqueued (nil if its row was not found); throws if the write failed.
    func record(_ delivered: PostgresIncidentStore.Delivered) async throws -> Double? {
        let turn = await withCheckedContinuation { continuation in
            let writes = state.withLock { state in
                if state.writing {
                    state.waiting.append(Waiting(delivered: delivered, continuation: continuation))
                    return false
                }
                state.writing = true
                return true
            }
            if writes { continuation.resume(returning: .write) }
        }
        if case .written(let result) = turn { return try result.get() }
        let others = state.withLock { state in
            defer { state.waiting = [] }
            return state.waiting
        }
        let result: Result<[UUID: Double], any Error>
        do {
            result = .success(try await store.markDelivered([delivered] + others.map(\.delivered)))
        } catch {
            result = .failure(error)
        }
        for other in others {
            other.continuation.resume(returning: .written(result.map { $0[other.delivered.job.id] }))
        }
        // The next write is made by the first of those that arrived during this one.
        let next = state.withLock { state -> Waiting? in
            guard !state.waiting.isEmpty else {
                state.writing = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .write)
        return try result.map { $0[delivered.job.id] }.get()
    }
}

/// The sends in flight, at most `limit`: the claim loop waits until at least half of them have
/// finished before it claims more, so sending never stops while a claim is made.
final class SendsInFlight: Sendable {
    private struct State {
        var count = 0
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// How many more sends may start; waits until that is at least half the limit.
    func room() async -> Int {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                guard state.count > limit / 2 else { return true }
                state.waiter = continuation
                return false
            }
            if ready { continuation.resume() }
        }
        return limit - state.withLock { $0.count }
    }

    func started(_ count: Int) {
        state.withLock { $0.count += count }
    }

    func finished() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.count -= 1
            guard state.count <= limit / 2 else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
