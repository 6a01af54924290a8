import Foundation

/// Per-address and overall bounds on public submissions, held in memory by each replica: at
/// most `perAddress` in any hour from one client address, and at most `perMinute` in any
/// minute from everyone together, so a flood from many addresses still cannot fill the
/// database faster than that. Remembers at most `maxAddresses` addresses; when full, an
/// address it does not know is refused until the oldest windows expire.
public actor SubmissionLimiter {
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Refused; try again after this many seconds.
        case refused(retryAfter: Int)
    }

    private let perAddress: Int
    private let perMinute: Int
    private let maxAddresses: Int
    private var byAddress: [String: [Date]] = [:]
    private var overall: [Date] = []

    public init(perAddressPerHour: Int, perMinute: Int, maxAddresses: Int = 100_000) {
        self.perAddress = perAddressPerHour
        self.perMinute = perMinute
        self.maxAddresses = maxAddresses
    }

    /// Counts one submission from `address` at `now`, if the bounds allow it.
    public func admit(_ address: String, now: Date = Date()) -> Decision {
        let hourAgo = now.addingTimeInterval(-3600)
        let minuteAgo = now.addingTimeInterval(-60)
        overall.removeAll { $0 <= minuteAgo }
        var times = (byAddress[address] ?? []).filter { $0 > hourAgo }
        if times.count >= perAddress {
            byAddress[address] = times
            return .refused(retryAfter: Self.seconds(until: times[0].addingTimeInterval(3600), from: now))
        }
        if overall.count >= perMinute {
            return .refused(retryAfter: Self.seconds(until: overall[0].addingTimeInterval(60), from: now))
        }
        if times.isEmpty, byAddress[address] == nil, byAddress.count >= maxAddresses {
            byAddress = byAddress.filter { $0.value.contains { $0 > hourAgo } }
            if byAddress.count >= maxAddresses { return .refused(retryAfter: 60) }
        }
        times.append(now)
        byAddress[address] = times
        overall.append(now)
        return .allowed
    }

    private static func seconds(until date: Date, from now: Date) -> Int {
        max(1, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}
