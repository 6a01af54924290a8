import Testing
@testable import LiaisonCore

@Suite("Hash primitives")
struct HashTests {
    @Test("Keccak-256 (pre-FIPS padding) matches the Ethereum test vectors", arguments: [
        ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
    ])
    func keccak(input: String, expected: String) {
        #expect(hex(Keccak256.hash(Array(input.utf8))) == expected)
    }

    @Test("The same sponge with SHA-3 padding matches FIPS 202 SHA3-256, including multi-block inputs", arguments: [
        ([UInt8](), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
        ([UInt8](repeating: 0x62, count: 135), "bbcfe2803f2108ca1d38b9f9f5499cec8535096c9156e895817b60f407e229f4"), // padding bytes share the last byte
        ([UInt8](repeating: 0x61, count: 200), "cce34485baf2bf2aca99b94833892a4f52896d3d153f7b840cc4f9fe695f1387"),
        ((0..<512).map { UInt8($0 & 0xFF) }, "d4728ea5e9f3819f2b4760151a8f802dbe9f941fd6fb59b3715892436555772a"),
    ])
    func sha3(input: [UInt8], expected: String) {
        #expect(hex(Keccak256.hash(input, domainPadding: 0x06)) == expected)
    }
}
