import LiaisonMail

/// libFuzzer entry point for the e-mail parser and report mapping. Build and run with
/// `Fuzz/run-mail-fuzzer` (README, "Fuzzing the e-mail parser"):
///   swift build -c release --sanitize=fuzzer --sanitize=address --product MailFuzz -Xswiftc -sanitize=fuzzer,address
/// The extra -Xswiftc is needed: SwiftPM passes the two sanitizers as separate -sanitize= flags and
/// the Swift driver keeps only the last one for compilation, which silently drops coverage.
/// In a plain (non-fuzzer) build this target links to a no-op executable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let message = try? MailParser.parse(Array(UnsafeBufferPointer(start: data, count: size))) else { return 0 }
    _ = try? MailIntake().map(message, rawSHA256: String(repeating: "0", count: 64))
    return 0
}
