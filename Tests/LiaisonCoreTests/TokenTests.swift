import LiaisonCore
import Testing

@Suite struct TokenTests {
    @Test("Writes and reads the documented token form")
    func roundTrip() throws {
        let token = Token(kind: .email, id: "0123456789abcdef")
        #expect(token.text == "[[pd:email:0123456789abcdef]]")
        #expect(Token(text: token.text) == token)
    }

    @Test("Finds every token in a text and nothing that merely resembles one")
    func occurrences() {
        let text = "a [[pd:phone:00000000000000aa]] b [[pd:email:short]] [[pd:nope:0123456789abcdef]] [[pd:email:0123456789abcdef]]"
        let found = Token.occurrences(in: text).map(\.token)
        #expect(found == [Token(kind: .phone, id: "00000000000000aa"), Token(kind: .email, id: "0123456789abcdef")])
    }

    @Test("Random ids are 16 lower-case hex digits")
    func randomID() {
        for _ in 0..<100 {
            let id = Token.randomID()
            #expect(id.count == 16 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }
}
