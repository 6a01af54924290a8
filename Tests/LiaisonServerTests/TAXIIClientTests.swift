import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonServer
import LiaisonTestSupport
import LiaisonTestTools
import Testing

/// The OASIS-ecosystem client `taxii2-client` (pinned in deploy/local/test-requirements.txt)
/// reading a consumer's collection from a real gateway on loopback.
@Suite(.timeLimit(.minutes(10))) struct TAXIIClientTests {
    /// Pages through the collection with `as_pages` (optionally from `added_after`) and prints
    /// one JSON line: the objects' ids and versions, the pages' sizes and the last page's
    /// X-TAXII-Date-Added-Last. The purpose goes as `Liaison-Purpose` on the client's session.
    static let script = #"""
        import json, sys
        from taxii2client.common import _HTTPConnection
        from taxii2client.v21 import Collection, as_pages
        url, user, key, added_after, per_request = sys.argv[1:6]
        conn = _HTTPConnection(user=user, password=key, version="2.1")
        conn.session.headers["Liaison-Purpose"] = "case=TEST-2026-7; basis=test suite"
        last = []
        conn.session.hooks["response"].append(lambda r, *a, **k: last.append(r.headers.get("X-TAXII-Date-Added-Last")))
        collection = Collection(url, conn=conn)
        assert collection.can_read and not collection.can_write
        filters = {"added_after": added_after} if added_after != "-" else {}
        objects, pages = [], []
        for envelope in as_pages(collection.get_objects, per_request=int(per_request), **filters):
            page = envelope.get("objects", [])
            pages.append(len(page))
            objects += [[o["id"], o.get("modified", o.get("created", ""))] for o in page]
        print(json.dumps({"objects": objects, "pages": pages, "last": next((h for h in reversed(last) if h), None)}))
        """#

    struct Run: Decodable {
        var objects: [[String]]
        var pages: [Int]
        var last: String?
    }

    static func run(_ url: String, key: String, addedAfter: String?, perRequest: Int) throws -> Run {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("taxii-read-\(UUID().uuidString).py")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try TestPython.run("python", [file.path, url, "police", key, addedAfter ?? "-", String(perRequest)])
        #expect(status == 0, "\(output)")
        let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("{") })
        return try JSONDecoder().decode(Run.self, from: Data(line.utf8))
    }

    @Test("taxii2-client pages through 2,500 objects with as_pages, and added_after from the last X-TAXII-Date-Added-Last yields exactly the new ones")
    func pagingAndResuming() async throws {
        try #require(TestPython.missing("python") == nil, "\(TestPython.missing("python") ?? "")")
        try await TestDatabase.withSchema { (db) async throws in
            let world = try await TAXIIReadTests.world(db)
            // Each event's disclosure is a bundle of several objects (all alike in shape): push
            // ten, count, then push until the collection holds at least 2,500.
            try await TAXIIReadTests.push(world, 10)
            let perDisclosure = TAXIIReadTests.objects(try await TAXIIReadTests.get(world, "objects/?limit=1000")).count / 10
            try #require(perDisclosure > 1)
            var pushed = 10
            while pushed * perDisclosure < 2500 {
                let batch = min(100, (2500 - pushed * perDisclosure + perDisclosure - 1) / perDisclosure)
                try await TAXIIReadTests.push(world, batch)
                pushed += batch
            }
            let total = pushed * perDisclosure
            let incidents = pushed
            try await LiveGateway.run(world.dependencies) { port in
                let url = "http://127.0.0.1:\(port)/taxii2/liaison/collections/\(world.collection)/"
                let first = try Self.run(url, key: world.consumer, addedAfter: nil, perRequest: 100)
                #expect(first.objects.count == total)
                #expect(first.pages.count >= total / 100 && first.pages.allSatisfy { $0 <= 100 })
                #expect(first.objects.filter { $0[0].hasPrefix("incident--") }.count == incidents)
                let last = try #require(first.last)
                try await TAXIIReadTests.push(world, 7)
                let resumed = try Self.run(url, key: world.consumer, addedAfter: last, perRequest: 100)
                #expect(resumed.objects.count == 7 * perDisclosure)
                #expect(resumed.objects.filter { $0[0].hasPrefix("incident--") }.count == 7)
                let again = try Self.run(url, key: world.consumer, addedAfter: nil, perRequest: 250)
                #expect(Array(again.objects.prefix(first.objects.count)) == first.objects)
                #expect(Array(again.objects.dropFirst(first.objects.count)) == resumed.objects)
                let nothing = try Self.run(url, key: world.consumer, addedAfter: resumed.last ?? "", perRequest: 100)
                #expect(nothing.objects.isEmpty)
            }
            // Every read was a consultation with the purpose the client stated.
            let entries = try await PurposeTests.disclosures(db).filter { $0["transport"] as? String == "taxii" }
            #expect(entries.filter { $0["purpose_case"] as? String == "TEST-2026-7" && $0["person"] as? String == "Petra Analyst" }.count >= pushed + 7)
        }
    }
}
