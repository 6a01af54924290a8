import Foundation
import LiaisonCore

/// Throughput benchmark: ~20 MB of synthetic incident-report text plus 1 MB pathological inputs.
func makeReport(targetBytes: Int) -> String {
    let paragraphs = [
        "Incident INC-2024-000123 opened at 2024-03-15T10:30:00Z by CERT-RS analyst on shift. ",
        "The victim: Marko Petrović reported a phishing e-mail from support@banka-secure.example.com. ",
        "Malicious link hxxps://login-banka[.]example[.]com/verify?id=77 hosted on 198.51.100[.]7 port 443. ",
        "Funds were sent to IBAN RS35 2600 0560 1001 6113 79 and card 4111 1111 1111 1111 was charged. ",
        "Контакт телефон: +381 64 123 4567, ЈМБГ 0101990710008, пријава примљена у Београду. ",
        "Şüpheli Ayşe Yılmaz, T.C. Kimlik No 10000000146, cep 0532 123 45 67, İstanbul. ",
        "Ransom demanded to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 and 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed. ",
        "Sample hash sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, version 2.10.4.1, CVE-2024-12345. ",
        "Traffic from AS12345 and 2001:db8::1 was blocked by the firewall rule set at 12:30:45 local time. ",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ",
        "Shqetësimi u raportua nga Emri dhe mbiemri: Arben Krasniqi, tel. +355 69 123 4567, Tiranë. ",
        "The attachment report.pdf and invoice.exe were quarantined; see ticket #123456 for details. ",
    ]
    var s = ""
    s.reserveCapacity(targetBytes + 1024)
    var k = 0
    while s.utf8.count < targetBytes {
        s += paragraphs[k % paragraphs.count]
        if k % 7 == 0 { s += "\n" }
        k += 1
    }
    return s
}

func measure(_ name: String, _ text: String, scanner: PersonalDataScanner, repeats: Int = 1) {
    let bytes = Double(text.utf8.count) / 1_000_000
    var best = Double.infinity
    var found = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        found = scanner.scan(text).count
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, seconds)
    }
    let padded = name.padding(toLength: 22, withPad: " ", startingAt: 0)
    print(padded + String(format: " %7.1f MB  %8.3f s  %8.1f MB/s  %d spans", bytes, best, bytes / best, found))
}

/// `liaison-bench detect`: MB/s of the personal-data scanner on about 20 MB of dense and of
/// typical report text, on plain prose, and on 1 MB pathological inputs (which must stay linear).
/// `detect --dense N` scans only N MB of the dense text, once: small enough for
/// `valgrind --tool=callgrind`, whose instruction counts do not depend on the machine's load.
func detectBenchmark(denseOnly megabytes: Int? = nil) {
    let scanner = PersonalDataScanner()
    // The first scan builds the name gazetteer's table and the detectors' other tables.
    let t0 = DispatchTime.now().uptimeNanoseconds
    _ = scanner.scan("Marko Petrović")
    let t1 = DispatchTime.now().uptimeNanoseconds
    _ = scanner.scan("Marko Petrović")
    let t2 = DispatchTime.now().uptimeNanoseconds
    print(String(format: "first scan (tables built) %.1f ms, second %.3f ms", Double(t1 - t0) / 1e6, Double(t2 - t1) / 1e6))
    if let megabytes {
        measure("dense report", makeReport(targetBytes: megabytes * 1_000_000), scanner: scanner)
        return
    }
    measure("dense report", makeReport(targetBytes: 20_000_000), scanner: scanner, repeats: 3)
    // Typical report: mostly narrative, roughly one identifier per 400 bytes.
    let narrative = [
        "The analyst reviewed the mail gateway logs and found that the message was delivered to several mailboxes before the rule was updated. ",
        "According to the reporting institution, the attacker used a lookalike domain and a convincing invoice template to request payment. ",
        "Further analysis of the attachment showed a macro that downloads a second stage; the sample was shared with partner teams. ",
        "Прегледом дневника утврђено је да је порука достављена на више адреса пре него што је правило ажурирано. ",
        "Olay, kurumun güvenlik ekibi tarafından fark edildi ve ilgili sistemler ağdan izole edildi; inceleme devam ediyor. ",
    ]
    var typical = ""
    let dense = makeReport(targetBytes: 200_000).split(separator: ".").map(String.init)
    var k = 0
    while typical.utf8.count < 20_000_000 {
        typical += narrative[k % narrative.count] + narrative[(k + 2) % narrative.count]
        typical += dense[k % dense.count] + ". "
        k += 1
    }
    measure("typical report", typical, scanner: scanner, repeats: 3)
    let plain = String(repeating: "The quick brown fox jumps over the lazy dog while the analyst writes notes. ", count: 270_000)
    measure("plain prose", plain, scanner: scanner, repeats: 3)
    let pathological: [(String, String)] = [
        ("1 MB digits", String(repeating: "7", count: 1_000_000)),
        ("1 MB '@'", String(repeating: "@", count: 1_000_000)),
        ("1 MB dots", String(repeating: ".", count: 1_000_000)),
        ("1 MB hex", String(repeating: "deadbeef0123456789", count: 55_556)),
        ("1 MB a@a.", String(repeating: "a@a.", count: 250_000)),
        ("1 MB '1 '", String(repeating: "1 ", count: 500_000)),
        ("1 MB 'a:'", String(repeating: "a:", count: 500_000)),
        ("1 MB markers", String(repeating: "[.](at)", count: 142_857)),
        ("1 MB '+1'", String(repeating: "+1", count: 500_000)),
        ("1 MB 'a.'", String(repeating: "a.", count: 500_000)),
        ("1 MB base58", String(repeating: "1A1zP1eP5Q", count: 100_000)),
        ("1 MB 'Marko '", String(repeating: "Marko ", count: 166_667)),
        ("1 MB names", String(repeating: "Marko Petrović, ", count: 58_824)),
        ("1 MB declined names", String(repeating: "od Marka Petrovića i Ajše Hodžić ", count: 28_572)),
        ("1 MB capitalised", String(repeating: "Alpha Bravo Charlie Delta ", count: 38_462)),
        ("1 MB ALL CAPS", String(repeating: "MARKO PETROVIĆ URGENT ", count: 41_667)),
        ("1 MB initials", String(repeating: "M. ", count: 333_334)),
        ("1 MB 'Name: '", String(repeating: "Name: ", count: 166_667)),
        ("1 MB http://aaaa", "http://" + String(repeating: "a", count: 1_000_000)),
        ("1 MB Cyrillic", String(repeating: "ћирилица ", count: 58_824)),
    ]
    for (name, text) in pathological { measure(name, text, scanner: scanner) }
}

/// `liaison-bench redact-input [--megabytes N]`: about N MB (default 10) of JSON Lines
/// `{"id": n, "text": "…"}` for timing `liaison redact --spans`, each text about 1.5 KB of
/// typical report prose with identifiers and names, as a CERT's export would hold.
func redactInput(megabytes: Int) {
    let report = makeReport(targetBytes: 400_000).split(separator: ".").map(String.init)
    let narrative = "The analyst reviewed the gateway logs and found the message in several mailboxes. "
    var out: [UInt8] = []
    var id = 0
    var written = 0
    while written < megabytes * 1_000_000 {
        var text = ""
        while text.utf8.count < 1_500 {
            text += report[(id * 7 + text.utf8.count) % report.count] + ". " + narrative
        }
        out += JSONValue.object(["id": .number(Double(id)), "text": .string(text)]).canonicalBytes
        out.append(0x0A)
        id += 1
        if out.count > 1 << 20 {
            written += out.count
            FileHandle.standardOutput.write(Data(out))
            out.removeAll(keepingCapacity: true)
        }
    }
    FileHandle.standardOutput.write(Data(out))
}
