import Foundation
import LiaisonCore

/// Reads a request body as one JSON document.
enum JSONBody {
    static func parse(_ body: [UInt8]) throws -> JSONValue {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else {
            throw Problem(.unprocessableContent, "invalid-json", title: "Invalid JSON", detail: "The body is not a JSON document.")
        }
        return value
    }
}
