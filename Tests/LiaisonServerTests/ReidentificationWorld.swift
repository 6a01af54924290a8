import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonIntake
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import Logging
import PostgresNIO
import Testing

/// A producer that pushed one incident, a police unit that received it (the victim's e-mail
/// address pseudonymised, the phone number masked), and everyone who takes part in
/// re-identification, with their keys: for the re-identification tests.
struct ReidentificationWorld: Sendable {
    var db: TestDatabase.Handle
    var registry: AgreementRegistry
    var producer, petra, marko, stranger, ana, bojan, certAuditor, dara, oskar, outsider: String
    var incident: UUID
    /// Where and as what the police unit saw the victim's e-mail address.
    var emailPointer: String
    var emailShown: String

    static let operatorOrganisation = "gateway-op"

    static func make(_ db: TestDatabase.Handle) async throws -> ReidentificationWorld {
        let store = db.store
        let registry = try await GatewayFixture.install(store, [GatewayFixture.agreement(webhookURL: nil)])
        var world = ReidentificationWorld(
            db: db, registry: registry,
            producer: try await store.createAPIKey(organisation: "cert", role: .producer).key,
            petra: try await store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key,
            marko: try await store.createAPIKey(organisation: "police", role: .consumer, person: "Marko Analyst").key,
            stranger: try await store.createAPIKey(organisation: "fiu", role: .consumer, person: "Filip Analyst").key,
            ana: try await store.createAPIKey(organisation: "cert", role: .admin, person: "Ana Admin").key,
            bojan: try await store.createAPIKey(organisation: "cert", role: .admin, person: "Bojan Admin").key,
            certAuditor: try await store.createAPIKey(organisation: "cert", role: .auditor, person: "Audra Auditor").key,
            dara: try await store.createAPIKey(organisation: operatorOrganisation, role: .auditor, person: "Dara DPO").key,
            oskar: try await store.createAPIKey(organisation: operatorOrganisation, role: .admin, person: "Oskar Operator").key,
            outsider: try await store.createAPIKey(organisation: "other-cert", role: .admin, person: "Olga Outsider").key,
            incident: UUID(), emailPointer: "", emailShown: "")
        let app = world.app(ReidentificationPolicy(operatorOrganisation: operatorOrganisation))
        let pushed = try await postEvents(app, key: world.producer, body: Array(GatewayFixture.event().utf8))
        world.incident = try #require((pushed.json["incident_ids"] as? [String])?.first.flatMap(UUID.init(uuidString:)))
        let shown = try await routerRequest(
            app, .get, "/v1/incidents/\(world.incident)", key: world.petra,
            headers: [HTTPField.Name("Liaison-Purpose")!: "case=KT-17/2026; basis=CPC art. 286"])
        let observables = try #require((shown.json["incident"] as? [String: Any])?["observables"] as? [[String: Any]])
        let index = try #require(observables.firstIndex { $0["kind"] as? String == "email" })
        world.emailPointer = "/observables/\(index)/value"
        world.emailShown = try #require(observables[index]["value"] as? String)
        #expect(world.emailShown.hasPrefix("pseudonym:email:"))
        return world
    }

    /// The gateway's router under `policy`, logging to `logger`.
    func app(
        _ policy: ReidentificationPolicy, notified: Set<String> = [], logger: Logger = TestDatabase.logger
    ) -> some ApplicationProtocol {
        Application(
            router: buildRouter(GatewayDependencies(
                store: db.store, migrator: db.migrator, agreements: registry,
                governance: AgreementGovernance(operatorOrganisation: policy.operatorOrganisation), parser: EventBatchParser(),
                maxBodyBytes: 1 << 20, reidentification: policy, notifiedProducers: notified)),
            logger: logger)
    }

    /// A request body for the victim's e-mail address (or what `pointer` and `shown` name).
    func ask(pointer: String? = nil, shown: String? = nil, incident: UUID? = nil, version: Int? = nil) -> String {
        """
        {"incident": "\(incident ?? self.incident)", \(version.map { "\"incident_version\": \($0), " } ?? "")\
        "pointer": "\(pointer ?? emailPointer)", "shown": "\(shown ?? emailShown)", "case_reference": "KT-17/2026", \
        "legal_basis": "Criminal Procedure Code, art. 286", "justification": "The victim is to be heard as a witness."}
        """
    }

    /// Asks as `key`; returns the answer and, for a 201, the new request's id.
    func request(_ app: some ApplicationProtocol, key: String, body: String? = nil) async throws -> (RouterAnswer, String?) {
        let answer = try await routerRequest(app, .post, "/v1/reidentifications", key: key, body: body ?? ask(), contentType: "application/json")
        return (answer, answer.status == .created ? answer.json["id"] as? String : nil)
    }

    func approve(_ app: some ApplicationProtocol, _ id: String, key: String) async throws -> RouterAnswer {
        try await routerRequest(app, .post, "/v1/admin/reidentifications/\(id)/approve", key: key)
    }

    func retrieve(_ app: some ApplicationProtocol, _ id: String, key: String) async throws -> RouterAnswer {
        try await routerRequest(app, .post, "/v1/reidentifications/\(id)/retrieve", key: key)
    }

    /// Every audit entry: action, acting organisation, details as text.
    func audit() async throws -> [(action: String, actor: String, details: String)] {
        let rows = try await db.client.query("SELECT action, actor, details::text FROM audit_log ORDER BY seq", logger: TestDatabase.logger)
        var entries: [(String, String, String)] = []
        for try await entry in rows.decode((String, String, String).self) { entries.append(entry) }
        return entries
    }

    /// Runs the notifiers, with the producer `cert`'s webhook at `url`, while `body` runs.
    func withNotifier<T: Sendable>(url: String, _ body: @Sendable () async throws -> T) async throws -> T {
        try await GatewayFixture.withNotifiers(db, url: url, body)
    }
}

func isProblem(_ answer: RouterAnswer, _ status: Int, _ slug: String) -> Bool {
    AdminAgreementsAPITests.isProblem(answer, status, slug)
}
