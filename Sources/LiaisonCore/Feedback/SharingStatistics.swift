import Foundation

/// What `GET /v1/stats` tells an organisation about its own side of sharing: how many
/// incidents it shared (a producer) or received (a consumer) per day or week, by RSIT class
/// and by the Budapest Convention offences the class points to (``Offence/of(_:)``), how long
/// consumers took to answer, and how many requests for information are open. Counts only:
/// never a value, never another organisation's side.
public struct SharingStatistics: Sendable, Equatable, Encodable {
    public enum Side: String, Sendable, Equatable, Encodable {
        case shared, received
    }

    public enum Interval: String, Sendable, Equatable, Encodable, CaseIterable {
        case day, week
    }

    /// The longest window asked for, in days.
    public static let maxDays = 366

    /// Incidents of one class first shared or received in one bucket; a consumer's incidents
    /// whose class its agreement did not share have none.
    public struct Row: Sendable, Equatable {
        public var bucket: Date
        public var classification: Classification?
        public var count: Int

        public init(bucket: Date, classification: Classification?, count: Int) {
            self.bucket = bucket
            self.classification = classification
            self.count = count
        }
    }

    public struct Bucket: Sendable, Equatable, Encodable {
        public var start: Date
        public var incidents: Int
        /// `taxonomy/type` → count.
        public var byClass: [String: Int]
        /// Offence → count; an incident counts once under each offence its class points to.
        public var byOffence: [String: Int]
        /// Incidents received without their class (the agreement did not share it), counted in
        /// `incidents` and in neither map.
        public var withoutClass: Int

        enum CodingKeys: String, CodingKey {
            case start, incidents
            case byClass = "by_class"
            case byOffence = "by_offence"
            case withoutClass = "without_class"
        }
    }

    public var organisation: String
    public var side: Side
    public var interval: Interval
    public var since: Date
    public var buckets: [Bucket]
    public var medianSecondsToAcknowledge: Double?
    public var acknowledgedIncidents: Int
    public var openInformationRequests: Int

    enum CodingKeys: String, CodingKey {
        case organisation, side, interval, since, buckets
        case medianSecondsToAcknowledge = "median_seconds_to_acknowledge"
        case acknowledgedIncidents = "acknowledged_incidents"
        case openInformationRequests = "open_information_requests"
    }

    public init(
        organisation: String, side: Side, interval: Interval, since: Date, rows: [Row], medianSecondsToAcknowledge: Double?,
        acknowledgedIncidents: Int, openInformationRequests: Int
    ) {
        self.organisation = organisation
        self.side = side
        self.interval = interval
        self.since = since
        var buckets: [Date: Bucket] = [:]
        for row in rows {
            var bucket = buckets[row.bucket] ?? Bucket(start: row.bucket, incidents: 0, byClass: [:], byOffence: [:], withoutClass: 0)
            bucket.incidents += row.count
            guard let classification = row.classification else {
                bucket.withoutClass += row.count
                buckets[row.bucket] = bucket
                continue
            }
            bucket.byClass[classification.taxonomy + "/" + classification.type, default: 0] += row.count
            for offence in Offence.of(classification) { bucket.byOffence[offence.rawValue, default: 0] += row.count }
            buckets[row.bucket] = bucket
        }
        self.buckets = buckets.values.sorted { $0.start < $1.start }
        self.medianSecondsToAcknowledge = medianSecondsToAcknowledge
        self.acknowledgedIncidents = acknowledgedIncidents
        self.openInformationRequests = openInformationRequests
    }
}
