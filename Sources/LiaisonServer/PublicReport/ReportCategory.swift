import Foundation
import LiaisonCore

/// What happened, as a citizen would say it, and the RSIT class (``Classification``) each
/// choice files the report under. The choices are the frauds the region's CERTs hear of most;
/// "something else" is `other/other`, never a guess. README, "How a CERT enables the public
/// form", gives the same table.
public enum ReportCategory: String, Sendable, CaseIterable {
    /// A message, call or site asking for passwords, card or bank details.
    case phishing
    /// An online shop that took the money and sent nothing (a site posing as a real shop).
    case fakeShop = "fake-shop"
    /// An investment or trading platform that took the money (posing as a real broker).
    case investment
    /// Someone posing as a bank, the police, a company or a relative to get money.
    case impersonation
    /// Someone got into the reporter's e-mail, social-media or bank account.
    case accountTakeover = "account-takeover"
    /// A demand for money, often in cryptocurrency, with threats.
    case extortion
    case other

    public var classification: Classification {
        switch self {
        case .phishing: Classification(taxonomy: "fraud", type: "phishing")!
        case .fakeShop, .investment, .impersonation: Classification(taxonomy: "fraud", type: "masquerade")!
        case .accountTakeover: Classification(taxonomy: "intrusions", type: "unprivileged-account-compromise")!
        case .extortion: Classification(taxonomy: "abusive-content", type: "harmful-speech")!
        case .other: Classification(taxonomy: "other", type: "other")!
        }
    }

    /// The catalogue key of the choice's label.
    public var labelKey: String { "category_" + rawValue.replacingOccurrences(of: "-", with: "_") }
}
