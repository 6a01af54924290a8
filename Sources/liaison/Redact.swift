import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonIntake
import LiaisonServer

struct Redact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace personal data in text read from standard input.",
        discussion: """
            Without options, prints each line with personal data replaced by its kind in brackets \
            ([email], [phone], [iban]…), as the protection policy counts it for free text.

            With --spans, reads JSON Lines {"id": …, "text": "…"} and prints one line per input: \
            {"id": …, "spans": [{"start": s, "end": e, "type": T}]}, offsets in Unicode scalar values \
            from 0, end exclusive, for every kind found (URLs and domains included). It streams: memory \
            stays constant whatever the input's size. A line that is not such an object exits with 65.

            A line longer than --max-line-bytes (default 1 MiB) exits with 65 as soon as that many \
            bytes of it are read: memory stays bounded whatever the line's length.
            """)

    @Flag(help: "Print spans as JSON Lines instead of redacted text.")
    var spans = false

    @Option(help: "The longest line taken, in bytes without its line break; a longer one exits with 65.")
    var maxLineBytes = 1 << 20

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await reporting {
            guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be positive.") }
            let redactor = TextRedactor(policy: try options.load().protectionPolicy)
            guard spans else {
                var lines = BoundedLines(FileHandle.standardInput, limit: maxLineBytes)
                while let line = try Self.next(&lines) { print(redactor.redact(line)) }
                return
            }
            try answerSpans(redactor)
        }
    }

    /// The next line, or a data failure (65) naming a line over the bound.
    static func next(_ lines: inout BoundedLines) throws -> String? {
        do {
            return try lines.next()
        } catch let tooLong as BoundedLines.LineTooLong {
            throw ExitFailure.data("line \(tooLong.line) is longer than --max-line-bytes (\(lines.limit) bytes)")
        }
    }

    private func lineTooLong(_ number: Int) -> ExitFailure {
        ExitFailure.data("line \(number) is longer than --max-line-bytes (\(maxLineBytes) bytes)")
    }

    /// Reads standard input in 1 MiB chunks and answers each complete line; the output of a chunk
    /// is written before the next is read, so memory stays bounded by `--max-line-bytes` and a chunk.
    private func answerSpans(_ redactor: TextRedactor) throws {
        let parser = StrictJSONParser(limits: JSONLimits(maxStringBytes: .max))
        var pending: [UInt8] = []
        var output: [UInt8] = []
        var number = 0
        func answer(_ line: ArraySlice<UInt8>) throws {
            number += 1
            guard line.count <= maxLineBytes else { throw lineTooLong(number) }
            guard !line.allSatisfy(\.isASCIISpace) else { return }
            guard case .object(let request)? = try? parser.parse(line), case .string(let text)? = request["text"],
                  let id = request["id"], id.isStringOrNumber
            else {
                throw ExitFailure.data("line \(number) is not a JSON object with a string \"text\"")
            }
            Self.writeAnswer(id: id, spans: redactor.spans(text), into: &output)
        }
        while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending += chunk
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try answer(pending[start..<newline])
                start = newline + 1
            }
            pending.removeFirst(start)
            // What is left has no line break yet: refused as soon as it passes the bound.
            guard pending.count <= maxLineBytes else { throw lineTooLong(number + 1) }
            FileHandle.standardOutput.write(Data(output))
            output.removeAll(keepingCapacity: true)
        }
        if !pending.isEmpty { try answer(pending[...]) }
        FileHandle.standardOutput.write(Data(output))
    }
}

extension Redact {
    /// One answer line, `{"id":…,"spans":[{"end":e,"start":s,"type":"t"},…]}` and a line break, written
    /// straight into `output` in the canonical form `JSONValue` writes (RFC 8785: members in that order,
    /// the id as read): no dictionary per span. A kind's name is lower-case ASCII letters, digits and "-", never escaped.
    static func writeAnswer(id: JSONValue, spans: [TextRedactor.ScalarSpan], into output: inout [UInt8]) {
        output.append(contentsOf: #"{"id":"#.utf8)
        output.append(contentsOf: id.canonicalBytes)
        output.append(contentsOf: #","spans":["#.utf8)
        for (k, span) in spans.enumerated() {
            if k > 0 { output.append(0x2C) }
            output.append(contentsOf: #"{"end":\#(span.end),"start":\#(span.start),"type":""#.utf8)
            output.append(contentsOf: span.type.rawValue.utf8)
            output.append(contentsOf: #""}"#.utf8)
        }
        output.append(contentsOf: "]}\n".utf8)
    }
}

extension JSONValue {
    var isStringOrNumber: Bool {
        switch self {
        case .string, .number: true
        default: false
        }
    }
}
