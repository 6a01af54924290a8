import Testing
@testable import LiaisonCore

@Suite("A folded word's hash: stems read from its last eight bytes")
struct FoldedWordHashTests {
    /// Words whose endings come off in every way `NameEvidence.stem` takes them: none, one vowel or
    /// consonant, several, a Turkish plural before a case ending, and runs of eight bytes or more.
    static let words = [
        "ab", "abcd", "marko", "markom", "petrovicem", "kurtovicu", "gjekes", "aydemirlerin", "aydemirler",
        "yilmazlarin", "ler", "lerin", "aleksandrom", "stanojevic", "xyzaaaaaaaa", "xyzlerameni", "dzenita",
        "kadriu", "aaaaaaaaaaaa", "xaaaaaaaaaaa", "abcdeiouaeiou", "bbbbbaeioutsmnj",
        // a stem of three after a vowel or "j" (twentieth round), and not after another consonant
        "luka", "lukom", "vera", "veri", "lulja", "sahin", "sahte", "yll", "ylli",
    ]
    /// The words above whose endings reach back eight bytes or more, past what the hash keeps
    /// ("xyzaaaaaaaa" since the twentieth round, as its fourth letter comes off too).
    static let longEndings: Set = ["aaaaaaaaaaaa", "xaaaaaaaaaaa", "abcdeiouaeiou", "bbbbbaeioutsmnj", "xyzaaaaaaaa"]

    @Test("A short name and its cases share a stem; a consonant after three letters keeps its own")
    func shortStems() {
        #expect(NameEvidence.stem(Array("luka".utf8)) == NameEvidence.stem(Array("lukom".utf8)))
        #expect(NameEvidence.stem(Array("lule".utf8)) == NameEvidence.stem(Array("lulja".utf8)))
        #expect(NameEvidence.stem(Array("sahin".utf8)) != NameEvidence.stem(Array("sahte".utf8)))
    }

    @Test("The stem read from the hash equals the stem of the folded bytes, or is left to them", arguments: words)
    func stemFromHash(word: String) {
        var hash = FoldedWordHash()
        let bytes = Array(word.utf8)
        for b in bytes { hash.append(b) }
        #expect((hash.stem == nil) == Self.longEndings.contains(word))
        if let stem = hash.stem { #expect(stem == NameEvidence.stem(bytes)) }
    }
}
