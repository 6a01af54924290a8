import ArgumentParser
import Foundation
import LiaisonCore
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
            var lines = BoundedLines(FileHandle.standardInput, limit: maxLineBytes)
            while let line = try Self.next(&lines) {
                let number = lines.number
                guard spans else {
                    print(redactor.redact(line))
                    continue
                }
                if line.allSatisfy(\.isWhitespace) { continue }
                guard let input = try? JSONDecoder().decode(SpanRequest.self, from: Data(line.utf8)) else {
                    throw ExitFailure.data("line \(number) is not a JSON object with a string \"text\"")
                }
                let answer = SpanAnswer(id: input.id, spans: redactor.spans(input.text))
                print(String(decoding: try CanonicalJSON.encode(answer), as: UTF8.self))
            }
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

    struct SpanRequest: Decodable {
        var id: JSONID
        var text: String
    }

    struct SpanAnswer: Encodable {
        var id: JSONID
        var spans: [TextRedactor.ScalarSpan]
    }

    /// An id as given: a string or a number.
    enum JSONID: Codable {
        case string(String)
        case number(Double)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .string(text) } else { self = .number(try container.decode(Double.self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .number(let value):
                if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
            }
        }
    }
}
