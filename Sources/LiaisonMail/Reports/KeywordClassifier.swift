import Foundation
import LiaisonCore

/// Folds text for keyword matching: lower case, canonical decomposition with combining marks
/// dropped (Unicode UAX #15 NFD), plus the letters that do not decompose (Turkish dotless ı,
/// đ, ł, ø), then splits it into words of letters and digits. Linear in the text.
enum TextFolding {
    static func words(_ text: String) -> [Substring] {
        let folded = fold(text)
        return folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            switch scalar {
            case "ı": out.append("i")
            case "đ": out.append("d")
            case "ł": out.append("l")
            case "ø": out.append("o")
            case "ς": out.append("σ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// Counts keyword hits per `KeywordClass` in free text, using a `KeywordTable` compiled once into
/// hash lookups: one pass over the words, each checked against exact words, the few distinct
/// prefix lengths, and the phrases starting with it. No match means `.undetermined`, never a guess.
public struct KeywordClassifier: Sendable {
    private struct Phrase: Sendable {
        var words: [String]
        var lastIsPrefix: Bool
        var keywordClass: KeywordClass
    }

    private var exact: [String: KeywordClass] = [:]
    private var prefixes: [String: KeywordClass] = [:]
    private var prefixLengths: [Int] = []
    private var phrases: [String: [Phrase]] = [:]

    public init(table: KeywordTable = .builtIn) {
        var lengths = Set<Int>()
        for keywordClass in KeywordClass.allCases {
            for entry in (table.entries[keywordClass] ?? [:]).values.joined() {
                let isPrefix = entry.hasSuffix("*")
                let words = TextFolding.words(String(entry.dropLast(isPrefix ? 1 : 0))).map(String.init)
                guard let first = words.first else { continue }
                if words.count > 1 {
                    phrases[first, default: []].append(Phrase(words: words, lastIsPrefix: isPrefix, keywordClass: keywordClass))
                } else if isPrefix {
                    if prefixes[first] == nil { prefixes[first] = keywordClass }
                    lengths.insert(first.count)
                } else if exact[first] == nil {
                    exact[first] = keywordClass
                }
            }
        }
        prefixLengths = lengths.sorted()
    }

    /// The result of one classification: the class, and hit counts (for the description).
    public struct Result: Sendable, Hashable {
        public var keywordClass: KeywordClass?
        public var hits: [KeywordClass: Int]
        /// The most restrictive "TLP:<colour>" marker in the text (FIRST TLP 2.0), if any.
        public var tlp: TLP?
        public var classification: Classification { keywordClass?.classification ?? .undetermined }
    }

    /// Most hits wins; a tie goes to the class declared first in `KeywordClass` (most specific).
    public func classify(_ texts: String...) -> Result {
        var hits: [KeywordClass: Int] = [:]
        var tlp: TLP?
        for text in texts {
            let words = TextFolding.words(text)
            for index in words.indices {
                let word = words[index]
                if let match = exact[String(word)] {
                    hits[match, default: 0] += 1
                } else {
                    for length in prefixLengths {
                        guard length <= word.count else { break }
                        if let match = prefixes[String(word.prefix(length))] { hits[match, default: 0] += 1; break }
                    }
                }
                for phrase in phrases[String(word)] ?? [] where matches(phrase, words, at: index) {
                    hits[phrase.keywordClass, default: 0] += 1
                }
                if word == "tlp", index + 1 < words.count {
                    let strict = index + 2 < words.count && words[index + 2] == "strict"
                    let colour = words[index + 1] + (strict && words[index + 1] == "amber" ? "+strict" : "")
                    if let label = TLP(label: String(colour)) { tlp = max(tlp ?? label, label) }
                }
            }
        }
        let best = KeywordClass.allCases.filter { hits[$0] != nil }.max { lhs, rhs in
            let (l, r) = (hits[lhs]!, hits[rhs]!)
            return l != r ? l < r : KeywordClass.allCases.firstIndex(of: lhs)! > KeywordClass.allCases.firstIndex(of: rhs)!
        }
        return Result(keywordClass: best, hits: hits, tlp: tlp)
    }

    private func matches(_ phrase: Phrase, _ words: [Substring], at start: Int) -> Bool {
        guard start + phrase.words.count <= words.count else { return false }
        for (offset, expected) in phrase.words.enumerated().dropFirst() {
            let word = words[start + offset]
            let isLast = offset == phrase.words.count - 1
            if isLast && phrase.lastIsPrefix ? !word.hasPrefix(expected) : word != expected { return false }
        }
        return true
    }
}
