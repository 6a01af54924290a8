/// What STIX 2.1 says about each object type Liaison understands: its category, its
/// properties, which are required, which are timestamps, and what its references may
/// point at. One place, so that validation, custom-property detection and the graph agree.
enum STIXTypeCatalog {
    enum Category: Sendable {
        /// STIX Domain Object (§4).
        case domain
        /// STIX Relationship Object (§5).
        case relationship
        /// STIX Cyber-observable Object (§6).
        case observable
        /// Marking and extension definitions (§7).
        case meta
    }

    /// The SDO types of STIX 2.1 §4, understood or not; a `sighting_of_ref` may point at any.
    static let domainTypes: Set<String> = [
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
        "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
        "opinion", "report", "threat-actor", "tool", "vulnerability",
    ]
    static let relationshipTypes: Set<String> = ["relationship", "sighting"]
    /// The SCO types of STIX 2.1 §6, understood or not.
    static let observableTypes: Set<String> = [
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
        "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
        "user-account", "windows-registry-key", "x509-certificate",
    ]
    static let metaTypes: Set<String> = ["marking-definition", "extension-definition", "language-content"]

    /// Custom object types that producers use for cryptocurrency wallets; the address is in
    /// `value` or `address`.
    static let walletTypes: Set<String> = ["x-crypto-wallet", "cryptocurrency-wallet", "x-cryptocurrency-wallet", "crypto-wallet"]

    static func category(of type: String) -> Category? {
        if domainTypes.contains(type) { return .domain }
        if relationshipTypes.contains(type) { return .relationship }
        if observableTypes.contains(type) || walletTypes.contains(type) { return .observable }
        if metaTypes.contains(type) { return .meta }
        return nil
    }

    static let commonDomainProperties: Set<String> = [
        "type", "spec_version", "id", "created_by_ref", "created", "modified", "revoked", "labels", "confidence",
        "lang", "external_references", "object_marking_refs", "granular_markings", "extensions",
    ]
    static let commonObservableProperties: Set<String> = [
        "type", "spec_version", "id", "object_marking_refs", "granular_markings", "defanged", "extensions",
    ]

    /// Type-specific properties of the understood types (STIX 2.1 §4–§7); anything else
    /// on such an object is custom and kept as custody text.
    static let specificProperties: [String: Set<String>] = walletProperties.merging([
        "incident": ["name", "description", "kill_chain_phases"],
        "report": ["name", "description", "report_types", "published", "object_refs"],
        "grouping": ["name", "description", "context", "object_refs"],
        "indicator": [
            "name", "description", "indicator_types", "pattern", "pattern_type", "pattern_version", "valid_from",
            "valid_until", "kill_chain_phases",
        ],
        "observed-data": ["first_observed", "last_observed", "number_observed", "objects", "object_refs"],
        "sighting": [
            "description", "first_seen", "last_seen", "count", "sighting_of_ref", "observed_data_refs",
            "where_sighted_refs", "summary",
        ],
        "malware": [
            "name", "description", "malware_types", "is_family", "aliases", "kill_chain_phases", "first_seen",
            "last_seen", "operating_system_refs", "architecture_execution_envs", "implementation_languages",
            "capabilities", "sample_refs",
        ],
        "threat-actor": [
            "name", "description", "threat_actor_types", "aliases", "first_seen", "last_seen", "roles", "goals",
            "sophistication", "resource_level", "primary_motivation", "secondary_motivations", "personal_motivations",
        ],
        "identity": ["name", "description", "roles", "identity_class", "sectors", "contact_information"],
        "relationship": ["relationship_type", "description", "source_ref", "target_ref", "start_time", "stop_time"],
        "note": ["abstract", "content", "authors", "object_refs"],
        "marking-definition": ["name", "definition_type", "definition"],
        "extension-definition": ["name", "description", "schema", "version", "extension_types", "extension_properties"],
        "ipv4-addr": ["value", "resolves_to_refs", "belongs_to_refs"],
        "ipv6-addr": ["value", "resolves_to_refs", "belongs_to_refs"],
        "domain-name": ["value", "resolves_to_refs"],
        "url": ["value"],
        "email-addr": ["value", "display_name", "belongs_to_ref"],
        "email-message": [
            "is_multipart", "date", "content_type", "from_ref", "sender_ref", "to_refs", "cc_refs", "bcc_refs",
            "message_id", "subject", "received_lines", "additional_header_fields", "body", "body_multipart",
            "raw_email_ref",
        ],
        "file": [
            "hashes", "size", "name", "name_enc", "magic_number_hex", "mime_type", "ctime", "mtime", "atime",
            "parent_directory_ref", "contains_refs", "content_ref",
        ],
        "network-traffic": [
            "start", "end", "is_active", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "src_byte_count",
            "dst_byte_count", "src_packets", "dst_packets", "ipfix", "src_payload_ref", "dst_payload_ref",
            "encapsulates_refs", "encapsulated_by_ref",
        ],
        "user-account": [
            "user_id", "credential", "account_login", "account_type", "display_name", "is_service_account",
            "is_privileged", "can_escalate_privs", "is_disabled", "account_created", "account_expires",
            "credential_last_changed", "account_first_login", "account_last_login",
        ],
        "autonomous-system": ["number", "name", "rir"],
        "mac-addr": ["value"],
        "x509-certificate": [
            "is_self_signed", "hashes", "version", "serial_number", "signature_algorithm", "issuer",
            "validity_not_before", "validity_not_after", "subject", "subject_public_key_algorithm",
            "subject_public_key_modulus", "subject_public_key_exponent", "x509_v3_extensions",
        ],
    ]) { first, _ in first }

    /// The wallet's address is its value; anything else a producer adds is custom.
    private static let walletProperties = Dictionary(uniqueKeysWithValues: walletTypes.map { ($0, Set(["value", "address"])) })

    /// Type-specific required properties (STIX 2.1 §4–§7). Observed-data's "exactly one of
    /// `object_refs`/`objects`" and x509-certificate's "at least one property" are checked
    /// by the validator.
    static let requiredProperties: [String: [String]] = [
        "incident": ["name"],
        "report": ["name", "published", "object_refs"],
        "grouping": ["context", "object_refs"],
        "indicator": ["pattern", "pattern_type", "valid_from"],
        "observed-data": ["first_observed", "last_observed", "number_observed"],
        "sighting": ["sighting_of_ref"],
        "malware": ["is_family"],
        "threat-actor": ["name"],
        "identity": ["name"],
        "relationship": ["relationship_type", "source_ref", "target_ref"],
        "note": ["content", "object_refs"],
        "extension-definition": ["name", "schema", "version", "extension_types", "created_by_ref"],
        "ipv4-addr": ["value"], "ipv6-addr": ["value"], "domain-name": ["value"], "url": ["value"],
        "email-addr": ["value"], "mac-addr": ["value"], "autonomous-system": ["number"],
        "email-message": ["is_multipart"],
    ]

    /// Properties that must be RFC 3339 UTC timestamps (§3.2) on the understood types.
    static let timestampProperties: Set<String> = [
        "created", "modified", "valid_from", "valid_until", "first_seen", "last_seen", "first_observed",
        "last_observed", "published", "start_time", "stop_time",
    ]

    /// Properties whose values must be strings.
    static let stringProperties: Set<String> = [
        "name", "description", "pattern", "pattern_type", "context", "content", "abstract", "relationship_type",
        "identity_class", "contact_information", "value", "address", "subject", "display_name", "account_login",
        "user_id", "definition_type", "lang",
    ]

    /// Properties whose values must be lists.
    static let listProperties: Set<String> = [
        "labels", "external_references", "object_marking_refs", "granular_markings", "report_types",
        "indicator_types", "malware_types", "threat_actor_types", "object_refs", "observed_data_refs",
        "where_sighted_refs", "kill_chain_phases", "aliases", "authors", "extension_types", "sectors", "roles",
    ]
}
