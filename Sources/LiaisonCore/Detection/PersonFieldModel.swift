/// The learned scorer of structured person fields (issue 11): a logistic regression over what the
/// name scanner reads in the value (`NameCandidates`: the features of any of its candidates and,
/// apart, of a candidate that is the whole value) and the structured-field rules' own verdict
/// (`PersonFieldRule`); a few of the rules' verdicts (`vetoes`: Latin and Cyrillic letters in one
/// word, an organisation word, a place, an acronym, a listed firm or brand or a title before one
/// word) refuse a value whatever its score. The weights
/// are a generated static table (`PersonFieldModel+Weights.swift`, written by
/// `Benchmarks/NameModel/cross-validate.py --structured --write`); scoring is pure and costs one
/// scan of the value. Free text does not use it.
public enum PersonFieldModel {
    /// The names of the features, in the order of `weights`: `any.` and `whole.` with each
    /// `NameFeature`, `whole` (a candidate is the whole value), `rule.` with each `PersonFieldRule`.
    public static var featureNames: [String] {
        let names = NameFeature.allCases.map { String(describing: $0) }
        return names.map { "any." + $0 } + names.map { "whole." + $0 } + ["whole"]
            + PersonFieldRule.allCases.map { "rule." + String(describing: $0) }
    }

    /// The indices of the features that are 1 for a field's `value` (read as the validator reads
    /// it: refanged, trimmed, initials written together spaced out), sorted.
    public static func features(_ value: String) -> [Int] {
        let trimmed = PersonalDataValidator.spacingInitials(undefang(value).trimmingSpaces())
        return features(trimmed, rule: PersonalDataValidator.personRule(trimmed).rule)
    }

    static func features(_ value: String, rule: PersonFieldRule) -> [Int] {
        let width = NameFeature.allCases.count
        var on = [Bool](repeating: false, count: 2 * width + 1 + PersonFieldRule.allCases.count)
        for row in NameCandidateRows.rows(value) {
            let whole = row.utf8Range == 0..<value.utf8.count
            for (k, f) in row.features.enumerated() where f != 0 {
                on[k] = true
                if whole { on[width + k] = true }
            }
            if whole { on[2 * width] = true }
        }
        on[2 * width + 1 + rule.rawValue] = true
        return on.indices.filter { on[$0] }
    }

    /// The log-odds that a field's `value` holds a person's name.
    public static func score(_ value: String) -> Double {
        score(features(value))
    }

    static func score(_ features: [Int]) -> Double {
        features.reduce(intercept) { $0 + weights[$1] }
    }

    /// The validator's decision for a trimmed value whose rules' verdict is `rule`.
    static func accepts(_ value: String, rule: PersonFieldRule) -> Bool {
        !vetoes.contains(rule) && score(features(value, rule: rule)) >= threshold
    }
}
