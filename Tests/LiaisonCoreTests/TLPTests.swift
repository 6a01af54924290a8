import LiaisonCore
import Testing

@Suite struct TLPTests {
    @Test("Reads TLP 2.0 labels in any case, and TLP 1.0 WHITE as CLEAR", arguments: [
        ("TLP:CLEAR", TLP.clear), ("clear", .clear), ("TLP:WHITE", .clear), ("green", .green),
        ("TLP:AMBER", .amber), ("amber+strict", .amberStrict), ("TLP:RED", .red),
    ])
    func parses(label: String, expected: TLP) {
        #expect(TLP(label: label) == expected)
    }

    @Test("Refuses what is not a TLP label", arguments: ["", "TLP:", "orange", "TLP:AMBER-STRICT", "amber strict"])
    func refuses(label: String) {
        #expect(TLP(label: label) == nil)
    }

    @Test("Orders labels from least to most restrictive")
    func orders() {
        #expect(TLP.allCases.sorted() == [.clear, .green, .amber, .amberStrict, .red])
        #expect(max(TLP.amber, .amberStrict) == .amberStrict)
    }
}

@Suite struct ClassificationTests {
    @Test("Accepts only a type of its own RSIT taxonomy", arguments: [
        ("fraud", "phishing", true), ("malicious-code", "c2-server", true), ("fraud", "c2-server", false),
        ("phishing", "phishing", false), ("other", "undetermined", true),
    ])
    func validates(taxonomy: String, type: String, valid: Bool) {
        #expect((Classification(taxonomy: taxonomy, type: type) != nil) == valid)
    }
}
