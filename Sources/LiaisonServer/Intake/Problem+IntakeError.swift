import LiaisonIntake

extension Problem {
    init(intakeError error: IntakeError) {
        switch error {
        case .empty:
            self = Problem(.unprocessableContent, "empty-body", title: "No events", detail: "The body holds no event.")
        case .tooManyEvents(let limit):
            self = Problem(
                .contentTooLarge, "too-many-events", title: "Too many events",
                detail: "A request may hold at most \(limit) events; split it into smaller requests.")
        case .invalidJSON(let errors):
            self = Problem(
                .unprocessableContent, "invalid-json", title: "Not strict JSON",
                detail: errors.count == 1
                    ? "The body \(errors[0].explanation) (byte \(errors[0].offset)); nothing was stored."
                    : "\(errors.count) lines are not strict JSON; nothing was stored.",
                errors: errors.map { Item(pointer: $0.pointer, reason: $0.reason.rawValue + ": " + $0.explanation, offset: $0.offset) })
        case .invalidEvents(let problems):
            self = Problem(
                .unprocessableContent, "invalid-events", title: "Invalid events",
                detail: "\(Set(problems.map { $0.pointer.split(separator: "/").first ?? "" }).count) event(s) break the event schema; nothing was stored.",
                errors: problems.map { Item(pointer: $0.pointer, reason: $0.reason) })
        case .invalidBundle(let problems):
            self = Problem(
                .unprocessableContent, "invalid-bundle", title: "Not a STIX 2.1 bundle",
                detail: "The body is not a STIX 2.1 bundle; nothing was stored.",
                errors: problems.map { Item(pointer: $0.pointer, reason: $0.reason) })
        case .tooManyObjects(let limit):
            self = Problem(
                .contentTooLarge, "too-many-objects", title: "Too many objects",
                detail: "A bundle may hold at most \(limit) objects; split it into smaller bundles.")
        }
    }
}
