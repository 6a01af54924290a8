import Testing
@testable import LiaisonCore

/// The eight-bytes-a-step searches of `Bytes.swift` against a plain byte-by-byte walk: every byte
/// value at every position of a word, before and after the tail that is walked byte by byte.
@Suite("Byte searches: eight bytes a step")
struct ByteSearchTests {
    @Test("The first digit is found at every position and for every byte value around it")
    func firstDigit() {
        for filler in UInt8.min...UInt8.max where !isDigit(filler) {
            for length in [0, 1, 7, 8, 9, 17] {
                for position in 0...length {
                    var bytes = [UInt8](repeating: filler, count: length)
                    if position < length { bytes[position] = 0x30 + UInt8(position % 10) }
                    bytes.withUnsafeBufferPointer { p in
                        for start in 0...length {
                            let expected = (start..<length).first { isDigit(p[$0]) } ?? length
                            #expect(p.firstDigit(from: start) == expected, "filler \(filler), length \(length), digit at \(position), from \(start)")
                        }
                    }
                }
            }
        }
    }

    @Test("No byte outside 0 - 9 is taken for a digit, whatever its neighbours")
    func noFalseDigit() {
        let bytes = (UInt8.min...UInt8.max).filter { !isDigit($0) }
        bytes.withUnsafeBufferPointer { p in
            #expect(p.firstDigit(from: 0) == p.count)
        }
    }

    @Test("The end of a run of ASCII letters is found at every position and for every byte value ending it")
    func asciiLettersEnd() {
        for stop in UInt8.min...UInt8.max where !isAlpha(stop) {
            for length in [0, 1, 7, 8, 9, 17] {
                for position in 0...length {
                    var bytes: [UInt8] = (0..<length).map { k in
                        let letter = UInt8(0x41 + k % 26)
                        return k % 3 == 0 ? letter | 0x20 : letter  // capitals and small letters mixed
                    }
                    if position < length { bytes[position] = stop }
                    bytes.withUnsafeBufferPointer { p in
                        for start in 0...length {
                            let expected = (start..<length).first { !isAlpha(p[$0]) } ?? length
                            #expect(p.asciiLettersEnd(from: start) == expected, "stop \(stop), length \(length), at \(position), from \(start)")
                        }
                    }
                }
            }
        }
    }

    @Test("Every ASCII letter, and only they, continue a run of letters")
    func everyLetterContinues() {
        let letters = (UInt8.min...UInt8.max).filter(isAlpha)
        #expect(letters.count == 52)
        letters.withUnsafeBufferPointer { p in #expect(p.asciiLettersEnd(from: 0) == p.count) }
        for b in UInt8.min...UInt8.max where !isAlpha(b) {
            let bytes = [UInt8](repeating: 0x61, count: 8) + [b] + [UInt8](repeating: 0x61, count: 8)
            bytes.withUnsafeBufferPointer { p in #expect(p.asciiLettersEnd(from: 0) == 8, "byte \(b)") }
            let early = [UInt8](repeating: 0x5A, count: 3) + [b] + [UInt8](repeating: 0x7A, count: 12)
            early.withUnsafeBufferPointer { p in #expect(p.asciiLettersEnd(from: 0) == 3, "byte \(b)") }
        }
    }

    @Test("Eight bytes are lower-cased, and their line breaks made spaces, at once as each alone, whatever byte is beside it")
    func lowerCaseEight() {
        func packed(_ bytes: [UInt8]) -> UInt64 {
            bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
        for b in UInt8.min...UInt8.max {
            for neighbour: UInt8 in [0x00, 0x09, 0x0A, 0x0B, 0x2A, 0x40, 0x41, 0x5A, 0x5B, 0x7F, 0x80, 0x8A, 0xC1, 0xDA, 0xFF] {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[position] = b
                    let word = packed(bytes)
                    #expect(lowerASCII8(word) == packed(bytes.map(lowerASCII)), "byte \(b) beside \(neighbour) at \(position)")
                    #expect(lineBreaksAsSpaces8(word) == packed(bytes.map { $0 == 0x0A ? 0x20 : $0 }), "byte \(b) beside \(neighbour) at \(position)")
                }
            }
        }
    }

    @Test("A byte is found from any position as the plain search finds it, count when absent")
    func firstIndexOfByte() {
        let bytes: [UInt8] = Array("a (b) (1999)(".utf8)
        bytes.withUnsafeBufferPointer { p in
            for i in -2...(bytes.count + 1) {
                let plain = (min(max(i, 0), bytes.count)..<bytes.count).first { bytes[$0] == 0x28 } ?? bytes.count
                #expect(p.firstIndex(of: 0x28, from: i) == plain, "from \(i)")
            }
        }
        [UInt8]().withUnsafeBufferPointer { p in #expect(p.firstIndex(of: 0x28, from: 0) == 0) }
    }

    @Test("A pattern's final space matches a line break only when asked")
    func lineBreakAsSpace() {
        Array("Sergeant\nColin".utf8).withUnsafeBufferPointer { p in
            #expect(p.matches(Array("Sergeant ".utf8), at: 0, lineBreakAsSpace: true))
            #expect(!p.matches(Array("Sergeant ".utf8), at: 0))
            #expect(!p.matches(Array("Sergeanx ".utf8), at: 0, lineBreakAsSpace: true))
        }
    }

    @Test("Eight bytes are read from any position, the first lowest, as zero beyond the buffer")
    func eightBytes() {
        let bytes: [UInt8] = (1...11).map { UInt8($0) }
        bytes.withUnsafeBufferPointer { p in
            for i in -9...12 {
                let expected = (0..<8).reduce(UInt64(0)) { $0 | UInt64(p.at(i + $1)) << (8 * UInt64($1)) }
                #expect(p.eightBytes(at: i) == expected, "at \(i)")
            }
        }
    }

    @Test("A letter of two bytes is told without decoding exactly when decoding says so")
    func twoByteLetters() {
        for v in UInt32(0x80)..<0x800 {
            let bytes = Array(String(Unicode.Scalar(v)!).utf8)
            let fast = PersonNames.isTwoByteLetter(bytes[0], bytes[1])
            // The fast test may leave a letter to decoding, never take a non-letter.
            #expect(!fast || PersonNames.isLetter(v), "U+\(String(v, radix: 16))")
            if (0xC0...0x24F).contains(v) || (0x400...0x4FF).contains(v) { #expect(fast == PersonNames.isLetter(v), "U+\(String(v, radix: 16))") }
        }
        #expect(!PersonNames.isTwoByteLetter(0xD0, 0x41))  // no continuation byte
    }
}
