import Foundation
import LiaisonCore
import Yams

/// An agreement written back as an agreement file, for policy kept in git. Its secrets are
/// never written: they become `env:` references whose names say which agreement and which
/// secret, so that the file, applied with those variables set to the same secrets, is the
/// same version.
public enum AgreementExport {
    /// The file's text and the environment variables it refers to.
    public static func yaml(_ agreement: Agreement) throws -> (text: String, variables: [String]) {
        guard case .object(var members) = agreement.document else { return ("", []) }
        let prefix = "LIAISON_AGREEMENT_" + String(agreement.id.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        var variables: [String] = []
        if members["pseudonym_key"] != nil {
            variables.append(prefix + "_PSEUDONYM_KEY")
            members["pseudonym_key"] = .string("env:" + variables[variables.count - 1])
        }
        if case .object(var webhook)? = members["webhook"] {
            variables.append(prefix + "_WEBHOOK_SECRET")
            webhook["secret"] = .string("env:" + variables[variables.count - 1])
            if webhook["previous_secret"] != nil {
                variables.append(prefix + "_WEBHOOK_PREVIOUS_SECRET")
                webhook["previous_secret"] = .string("env:" + variables[variables.count - 1])
            }
            members["webhook"] = .object(webhook)
        }
        let header = "# Exported from Liaison: agreement \(agreement.id), version \(agreement.versionHash.prefix(16)).\n"
            + "# Secrets are env: references; set \(variables.isEmpty ? "none" : variables.joined(separator: " and ")).\n"
        return (header + (try Yams.dump(object: plain(.object(members)), sortKeys: true)), variables)
    }

    /// A JSON value as the plain values Yams writes.
    static func plain(_ value: JSONValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let flag): flag
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? Int(number) as Any : number as Any
        case .string(let text): text
        case .array(let items): items.map(plain)
        case .object(let members): members.mapValues(plain)
        }
    }
}
