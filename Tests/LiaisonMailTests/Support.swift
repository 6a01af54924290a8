import Foundation
import LiaisonCore
import LiaisonMail
@testable import LiaisonMail

/// A stand-in digest: the tests never need the real SHA-256, only that it is passed through.
let fakeDigest = String(repeating: "ab", count: 32)

func mapped(_ bytes: [UInt8], intake: MailIntake = MailIntake()) throws -> MailReport {
    try intake.map(MailParser.parse(bytes), rawSHA256: fakeDigest)
}

func rsit(_ taxonomy: String, _ type: String) -> Classification {
    Classification(taxonomy: taxonomy, type: type)!
}

func date(_ rfc3339: String) -> Date { RFC3339.date(from: rfc3339)! }

func outcomes(_ report: MailReport) -> [String] { report.parts.map(\.description) }
