import Foundation
import LiaisonTestTools
import Testing
@testable import LiaisonMail

/// Our XARF v4 fixtures must be valid XARF: each is checked against the specification's JSON
/// Schemas (xarf/xarf-spec, as shipped by the pinned PyPI package `xarf`, with its own
/// validator) in the Python environment that `deploy/local/test` makes.
@Suite(.timeLimit(.minutes(5))) struct XARF4SchemaTests {
    static let fixtures = TestPython.root.appendingPathComponent("Tests/LiaisonMailTests/Fixtures/xarf-v4")

    static let validator = """
        import json, sys
        from xarf import schema_validator
        failed = 0
        for path in sys.argv[1:]:
            errors = schema_validator.validate(json.load(open(path, encoding="utf-8")), strict=False)
            for error in errors:
                print(f"{path}: {error.field or '/'}: {error.message}")
            failed += bool(errors)
        sys.exit(1 if failed else 0)
        """

    @Test("Every XARF v4 fixture validates against the specification's JSON Schemas")
    func fixturesValidate() throws {
        try #require(TestPython.missing("python") == nil, "\(TestPython.missing("python") ?? "")")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 5)
        let (status, text) = try TestPython.run("python", ["-c", Self.validator] + files.map { Self.fixtures.appendingPathComponent($0).path })
        #expect(status == 0, "\(text)")
    }

    @Test("RSITTables.xarf4 maps exactly the category/type pairs of the specification's master schema")
    func tableCoversTheSchema() throws {
        try #require(TestPython.missing("python") == nil, "\(TestPython.missing("python") ?? "")")
        let script = """
            import json, importlib.resources
            master = json.loads(importlib.resources.files("xarf").joinpath("schemas/xarf-v4-master.json").read_text())
            for rule in master["allOf"][1]["anyOf"]:
                for kind in rule["properties"]["type"]["enum"]:
                    print(rule["properties"]["category"]["const"] + "/" + kind)
            """
        let (status, text) = try TestPython.run("python", ["-c", script])
        #expect(status == 0)
        #expect(Set(text.split(separator: "\n").map(String.init)) == Set(RSITTables.xarf4.keys))
    }

    @Test("The validator refuses a document that breaks the schema, so a pass means something")
    func validatorRefuses() throws {
        try #require(TestPython.missing("python") == nil, "\(TestPython.missing("python") ?? "")")
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("xarf-broken-\(UUID().uuidString).json")
        try Data(#"{"xarf_version": "4.0.0", "category": "messaging", "type": "spam"}"#.utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect(try TestPython.run("python", ["-c", Self.validator, broken.path]).status == 1)
    }
}
