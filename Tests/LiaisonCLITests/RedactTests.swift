import Foundation
import LiaisonCore
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct RedactTests {
    @Test("liaison redact replaces personal data in each line and keeps the rest")
    func text() async throws {
        let result = try await BuiltBinary.run(
            ["redact"], stdin: "Пријава: ana@example.rs, тел. +381 64 123 4567\nno personal data here\n")
        #expect(result.status == 0)
        #expect(result.stdout == "Пријава: [email], тел. [phone]\nno personal data here\n")
    }

    @Test("liaison redact --spans answers each JSON line with spans in Unicode scalar offsets")
    func spans() async throws {
        let input = """
            {"id": 1, "text": "Žrtva ana@example.rs"}
            {"id": "b", "text": "nothing"}
            """
        let result = try await BuiltBinary.run(["redact", "--spans"], stdin: input + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"{"id":1,"spans":[{"end":20,"start":6,"type":"email"}]}"#,
            #"{"id":"b","spans":[]}"#,
        ])
    }

    @Test("liaison redact --spans writes each answer as JSONValue's canonical form would, every kind's name unescaped")
    func canonicalAnswers() async throws {
        // The answer line is written by hand (no dictionary per span): it must stay byte for byte
        // what `JSONValue.canonicalBytes` writes, and a kind's name must need no escape.
        for kind in PersonalDataKind.allCases {
            #expect(kind.rawValue.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }, "\(kind)")
        }
        let text = "Marko Petrović, marko@example.rs, +381 64 123 4567, https://evil.example/x, 198.51.100.7, RS35260005601001611379 — \"ok\""
        let request = JSONValue.object(["id": .string("a\"b"), "text": .string(text)])
        let result = try await BuiltBinary.run(["redact", "--spans"], stdin: String(decoding: request.canonicalBytes, as: UTF8.self) + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let spans = TextRedactor().spans(text)
        #expect(spans.count >= 5)
        let expected = JSONValue.object(["id": .string("a\"b"), "spans": .array(spans.map {
            .object(["start": .number(Double($0.start)), "end": .number(Double($0.end)), "type": .string($0.type.rawValue)])
        })])
        #expect(result.stdout == String(decoding: expected.canonicalBytes, as: UTF8.self) + "\n")
    }

    @Test("liaison redact --spans refuses a line that is not a JSON object with text, exit 65")
    func badLine() async throws {
        let result = try await BuiltBinary.run(["redact", "--spans"], stdin: "{\"id\": 1}\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 1"))
    }

    /// One 16 MiB line: sixteen times the default --max-line-bytes.
    static let longLine = String(repeating: "ana@example.rs a ", count: (16 << 20) / 17)

    @Test("A line over --max-line-bytes (default 1 MiB) is refused with 65 without being held, with and without --spans")
    func longLine() async throws {
        let cases = [
            (["redact"], "ok\n" + Self.longLine + "\n"),
            (["redact", "--spans"], #"{"id": 0, "text": "ok"}"# + "\n" + #"{"id": 1, "text": "\#(Self.longLine)"}"# + "\n"),
        ]
        for (arguments, input) in cases {
            // Under a 96 MiB bound on the heap (RLIMIT_DATA): holding the line, or a few copies
            // of it, would crash the process instead of exiting 65. (A child's ru_maxrss cannot
            // tell: posix_spawn's child counts this test process's memory as its own.)
            let result = try await BuiltBinary.run(
                ["-c", "ulimit -d 98304 && exec \"$0\" \"$@\"", BuiltBinary.path] + arguments, program: "/bin/sh", stdin: input)
            #expect(result.status == 65, "\(arguments): \(result.stderr.prefix(300))")
            #expect(result.stderr.contains("line 2") && result.stderr.contains("1048576"), "\(result.stderr.prefix(300))")
        }
    }

    @Test("--max-line-bytes raises the bound: the same line is then redacted")
    func raisedBound() async throws {
        let result = try await BuiltBinary.run(["redact", "--max-line-bytes", "\(32 << 20)"], stdin: Self.longLine + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("[email] a [email] a "))
    }
}
