import Foundation
import Yams

/// `console.*`: the administrators' console at `/console/` (always on; people sign in with
/// their own admin or auditor key).
public struct ConsoleSettings: Sendable, Hashable {
    /// `console.idle_timeout_minutes`: a session unused this long ends (1–1,440, default 30).
    public var idleTimeoutMinutes = 30
    /// `console.absolute_timeout_hours`: a session ends this long after sign-in however much it
    /// is used (1–168, default 12: one working day).
    public var absoluteTimeoutHours = 12
    /// `console.sign_in_attempts_per_hour`: sign-in attempts one client address may make in an
    /// hour (1–1,000, default 20); more are refused with 429 without looking at the key.
    public var signInAttemptsPerHour = 20
    /// `console.sign_in_attempts_per_minute`: sign-in attempts the gateway takes in a minute from
    /// every address together (1–10,000, default 60), against guessing from many addresses.
    public var signInAttemptsPerMinute = 60

    public init() {}
}

extension Configuration {
    mutating func readConsole(_ node: Yams.Node.Mapping?, reader: inout YAMLReader) {
        guard let node else { return }
        let path = "console"
        reader.rejectUnknownKeys(
            in: node,
            known: ["idle_timeout_minutes", "absolute_timeout_hours", "sign_in_attempts_per_hour", "sign_in_attempts_per_minute"],
            path: path)
        if let value = reader.int(node, "idle_timeout_minutes", path: path, range: 1...1440) { console.idleTimeoutMinutes = value }
        if let value = reader.int(node, "absolute_timeout_hours", path: path, range: 1...168) { console.absoluteTimeoutHours = value }
        if let value = reader.int(node, "sign_in_attempts_per_hour", path: path, range: 1...1000) { console.signInAttemptsPerHour = value }
        if let value = reader.int(node, "sign_in_attempts_per_minute", path: path, range: 1...10_000) {
            console.signInAttemptsPerMinute = value
        }
    }
}
