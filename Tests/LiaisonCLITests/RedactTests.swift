import Foundation
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(3))) struct RedactTests {
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

    @Test("liaison redact --spans refuses a line that is not a JSON object with text, exit 65")
    func badLine() async throws {
        let result = try await BuiltBinary.run(["redact", "--spans"], stdin: "{\"id\": 1}\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 1"))
    }
}
