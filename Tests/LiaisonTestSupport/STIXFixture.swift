import Foundation

/// Small synthetic STIX 2.1 content for server tests: an indicator of a phishing page, the
/// person it was sighted at (personal data), the sighting, and an indicator whose pattern
/// does not parse.
public enum STIXFixture {
    public static let indicatorID = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
    public static let badIndicatorID = "indicator--0f6b1a4e-4b7c-4d2e-9a53-2f1c9e7d6a10"
    public static let identityID = "identity--311b2d2d-f010-4473-83ec-1edf84858f4c"
    public static let sightingID = "sighting--ee20065d-2555-424f-ad9e-0f8428623c75"
    public static let victimEmail = "jovana.petrovic@example.rs"

    /// The objects, as JSON texts; `modified` sets the indicator's version.
    public static func objects(modified: String = "2026-11-20T10:00:00.000Z", withBadIndicator: Bool = true) -> [String] {
        var objects = [
            """
            {"type": "indicator", "spec_version": "2.1", "id": "\(indicatorID)", "created": "2026-11-20T10:00:00.000Z", \
            "modified": "\(modified)", "name": "Fake bank login page", "indicator_types": ["malicious-activity"], \
            "labels": ["phishing"], \
            "pattern": "[url:value = 'https://bank-login.example.net/rs/'] OR [ipv4-addr:value = '203.0.113.7']", \
            "pattern_type": "stix", "valid_from": "2026-11-20T10:00:00Z"}
            """,
            """
            {"type": "identity", "spec_version": "2.1", "id": "\(identityID)", "created": "2026-11-20T10:00:00.000Z", \
            "modified": "2026-11-20T10:00:00.000Z", "name": "Jovana Petrović", "identity_class": "individual", \
            "contact_information": "\(victimEmail)"}
            """,
            """
            {"type": "sighting", "spec_version": "2.1", "id": "\(sightingID)", "created": "2026-11-21T08:00:00.000Z", \
            "modified": "2026-11-21T08:00:00.000Z", "sighting_of_ref": "\(indicatorID)", \
            "where_sighted_refs": ["\(identityID)"], "count": 1}
            """,
        ]
        if withBadIndicator {
            objects.append(
                """
                {"type": "indicator", "spec_version": "2.1", "id": "\(badIndicatorID)", "created": "2026-11-20T10:00:00.000Z", \
                "modified": "2026-11-20T10:00:00.000Z", "name": "Broken", "pattern": "[url:value = ", \
                "pattern_type": "stix", "valid_from": "2026-11-20T10:00:00Z"}
                """)
        }
        return objects
    }

    public static func bundle(modified: String = "2026-11-20T10:00:00.000Z", withBadIndicator: Bool = true) -> String {
        let list = objects(modified: modified, withBadIndicator: withBadIndicator).joined(separator: ",\n")
        return #"{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": ["# + list + "]}"
    }

    public static func envelope(modified: String = "2026-11-20T10:00:00.000Z", withBadIndicator: Bool = true) -> String {
        #"{"objects": ["# + objects(modified: modified, withBadIndicator: withBadIndicator).joined(separator: ",\n") + "]}"
    }
}
