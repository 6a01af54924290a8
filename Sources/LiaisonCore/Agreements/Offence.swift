/// The substantive offences of the Council of Europe Convention on Cybercrime (Budapest,
/// ETS No. 185), Articles 2 to 10: what police and prosecutors charge, and so how they ask
/// for incidents. Raw values are the wire names agreements and projections use.
public enum Offence: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case illegalAccess = "art-2-illegal-access"
    case illegalInterception = "art-3-illegal-interception"
    case dataInterference = "art-4-data-interference"
    case systemInterference = "art-5-system-interference"
    case misuseOfDevices = "art-6-misuse-of-devices"
    case computerRelatedForgery = "art-7-computer-related-forgery"
    case computerRelatedFraud = "art-8-computer-related-fraud"
    case childSexualAbuseMaterial = "art-9-child-sexual-abuse-material"
    case copyrightInfringement = "art-10-copyright-infringement"

    /// The Convention's article number.
    public var article: Int { Self.allCases.firstIndex(of: self)! + 2 }

    public static func < (lhs: Offence, rhs: Offence) -> Bool { lhs.article < rhs.article }

    /// The offences an RSIT class points to, where the mapping is defensible; empty where it
    /// is not (a scan, a misconfiguration, a vulnerable system is no offence by itself).
    /// `schemas/offences.md` gives each row with its reasoning; a test keeps the two equal.
    public static func of(_ classification: Classification) -> Set<Offence> {
        table[classification.taxonomy + "/" + classification.type] ?? []
    }

    static let table: [String: Set<Offence>] = [
        "abusive-content/violence": [.childSexualAbuseMaterial],
        "malicious-code/infected-system": [.illegalAccess, .dataInterference],
        "malicious-code/c2-server": [.misuseOfDevices],
        "malicious-code/malware-distribution": [.misuseOfDevices],
        "malicious-code/malware-configuration": [.misuseOfDevices],
        "information-gathering/sniffing": [.illegalInterception],
        "intrusion-attempts/brute-force": [.illegalAccess],
        "intrusion-attempts/exploit": [.illegalAccess],
        "intrusions/privileged-account-compromise": [.illegalAccess],
        "intrusions/unprivileged-account-compromise": [.illegalAccess],
        "intrusions/application-compromise": [.illegalAccess, .dataInterference],
        "intrusions/system-compromise": [.illegalAccess, .dataInterference, .systemInterference],
        "availability/dos": [.systemInterference],
        "availability/ddos": [.systemInterference],
        "availability/sabotage": [.dataInterference, .systemInterference],
        "information-content-security/unauthorised-information-access": [.illegalAccess],
        "information-content-security/unauthorised-information-modification": [.dataInterference],
        "fraud/unauthorised-use-of-resources": [.illegalAccess],
        "fraud/copyright": [.copyrightInfringement],
        "fraud/masquerade": [.computerRelatedForgery],
        "fraud/phishing": [.computerRelatedForgery, .computerRelatedFraud],
    ]
}
