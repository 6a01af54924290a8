import HTTPTypes
import Hummingbird

/// The `Idempotency-Key` header: up to 255 visible ASCII characters.
enum IdempotencyKey {
    static func read(from request: Request) throws -> String? {
        guard let value = request.headers[HTTPField.Name("Idempotency-Key")!] else { return nil }
        guard !value.isEmpty, value.utf8.count <= 255, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Problem.badRequest(
                "invalid-idempotency-key", "Idempotency-Key must be 1 to 255 visible ASCII characters.")
        }
        return value
    }
}
