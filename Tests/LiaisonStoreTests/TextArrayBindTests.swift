import Foundation
@testable import LiaisonStore
import LiaisonTestSupport
import PostgresNIO
import Testing

/// The `text[]` parameter that intake's JSON columns travel in, read back by PostgreSQL.
@Suite(.timeLimit(.minutes(5))) struct TextArrayBindTests {
    @Test("Bytes bound as text[] arrive as the same strings, in order: empty, escaped, non-ASCII, long")
    func roundTrip() async throws {
        try await TestDatabase.withSchema { handle in
            let values = ["", #"{"a":"\"q\" \\ x"}"#, "Ђорђе Čolić 🙂", String(repeating: "x", count: 70_000), "[]"]
            var bind = TextArrayBind()
            for value in values { bind.append(Array(value.utf8)) }
            #expect(bind.count == values.count)
            var read: [String] = []
            let rows = try await handle.client.query(
                "SELECT v FROM unnest(\(bind)::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n", logger: TestDatabase.logger)
            for try await value in rows.decode(String.self) { read.append(value) }
            #expect(read == values)
        }
    }

    @Test("No elements is an empty array; bytes that are not UTF-8 are refused by PostgreSQL")
    func emptyAndInvalid() async throws {
        try await TestDatabase.withSchema { handle in
            var count = -1
            for try await value in try await handle.client.query(
                "SELECT cardinality(\(TextArrayBind())::text[])", logger: TestDatabase.logger
            ).decode(Int.self) { count = value }
            #expect(count == 0)
            var invalid = TextArrayBind()
            invalid.append([0x7b, 0xff, 0x7d])
            do {
                try await handle.client.query("SELECT \(invalid)::text[]", logger: TestDatabase.logger)
                Issue.record("invalid UTF-8 accepted")
            } catch let error as PSQLError {
                #expect(error.serverInfo?[.sqlState] == "22021")
            }
        }
    }
}
