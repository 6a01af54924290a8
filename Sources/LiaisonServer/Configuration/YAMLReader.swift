import Foundation
import LiaisonCore
import Yams

/// One problem in a YAML file, placed by line and key path.
public struct YAMLProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String
    public var message: String

    public var description: String { "\(file):\(line): \(key.isEmpty ? "" : key + ": ")\(message)" }
}

/// Reads a YAML mapping key by key, collecting every problem with its line, so a file
/// is reported whole rather than one mistake per run. Messages name keys and rules,
/// never secret values.
struct YAMLReader {
    let file: String
    private(set) var problems: [YAMLProblem] = []

    init(file: String) { self.file = file }

    /// Parses `text` into its top-level mapping.
    mutating func document(_ text: String) -> Node.Mapping? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                fail(line: 1, key: "", "is empty")
                return nil
            }
            guard let mapping = node.mapping else {
                fail(node, key: "", "must be a mapping of keys to values")
                return nil
            }
            return mapping
        } catch let error as YamlError {
            fail(line: Self.line(of: error), key: "", "is not valid YAML")
            return nil
        } catch {
            fail(line: 1, key: "", "is not valid YAML")
            return nil
        }
    }

    mutating func fail(line: Int, key: String, _ message: String) {
        problems.append(YAMLProblem(file: file, line: line, key: key, message: message))
    }

    mutating func fail(_ node: Node?, key: String, _ message: String) {
        fail(line: node?.mark?.line ?? 1, key: key, message)
    }

    /// Reports keys of `mapping` outside `known`.
    mutating func rejectUnknownKeys(in mapping: Node.Mapping, known: Set<String>, path: String) {
        for (key, _) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            fail(key, key: join(path, name), "is not a known key")
        }
    }

    func value(_ mapping: Node.Mapping?, _ key: String) -> Node? { mapping?[Node(key)] }

    mutating func string(_ mapping: Node.Mapping?, _ key: String, path: String, required: Bool = false) -> String? {
        guard let node = value(mapping, key), !isNull(node) else {
            if required { fail(line: mapping?.mark?.line ?? 1, key: join(path, key), "is required") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            fail(node, key: join(path, key), "must be a single value")
            return nil
        }
        return scalar.string
    }

    mutating func int(_ mapping: Node.Mapping?, _ key: String, path: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(mapping, key, path: path) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            fail(value(mapping, key), key: join(path, key), "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func bool(_ mapping: Node.Mapping?, _ key: String, path: String) -> Bool? {
        guard let text = string(mapping, key, path: path) else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail(value(mapping, key), key: join(path, key), "must be true or false")
            return nil
        }
    }

    mutating func strings(_ mapping: Node.Mapping?, _ key: String, path: String, required: Bool = false) -> [(String, Node)]? {
        guard let node = value(mapping, key), !isNull(node) else {
            if required { fail(line: mapping?.mark?.line ?? 1, key: join(path, key), "is required") }
            return nil
        }
        guard let sequence = node.sequence else {
            fail(node, key: join(path, key), "must be a list")
            return nil
        }
        var items: [(String, Node)] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                fail(item, key: join(path, key), "must list single values")
                continue
            }
            items.append((scalar.string, item))
        }
        return items
    }

    mutating func mapping(_ mapping: Node.Mapping?, _ key: String, path: String, required: Bool = false) -> Node.Mapping? {
        guard let node = value(mapping, key), !isNull(node) else {
            if required { fail(line: mapping?.mark?.line ?? 1, key: join(path, key), "is required") }
            return nil
        }
        guard let inner = node.mapping else {
            fail(node, key: join(path, key), "must be a mapping")
            return nil
        }
        return inner
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }
}

extension YAMLReader {
    /// An http or https URL with a host at `key`; anything else is a problem, and nil.
    mutating func httpURL(_ mapping: Node.Mapping?, _ key: String, path: String, required: Bool = false) -> String? {
        guard let text = string(mapping, key, path: path, required: required) else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), !(url.host ?? "").isEmpty else {
            fail(value(mapping, key), key: join(path, key), "must be an http or https URL with a host")
            return nil
        }
        return text
    }

    /// The entries of a mapping keyed by organisation id (`mail.producers`,
    /// `reidentification.notify`): each id with its key's node, its own mapping and its path. A key
    /// that is no organisation id, or an entry that is not a mapping, is a problem and left out.
    mutating func organisationEntries(_ mapping: Node.Mapping?, _ key: String, path: String)
        -> [(id: String, keyNode: Node, entry: Node.Mapping, path: String)]
    {
        guard let entries = self.mapping(mapping, key, path: path) else { return [] }
        let base = join(path, key)
        var result: [(id: String, keyNode: Node, entry: Node.Mapping, path: String)] = []
        for (keyNode, _) in entries {
            let id = keyNode.string ?? ""
            guard Identifier.isValid(id) else {
                fail(keyNode, key: "\(base).\(id)", "names no valid organisation id")
                continue
            }
            guard let entry = self.mapping(entries, id, path: base) else { continue }
            result.append((id, keyNode, entry, "\(base).\(id)"))
        }
        return result
    }

    /// A 32-byte key written as `env:NAME`, `file:PATH` or base64 (``SecretReference``); a
    /// problem is reported against `node` and `key`, and gives nil.
    mutating func secretKey(_ reference: String, at node: Node?, key: String, environment: [String: String]) -> Secret? {
        do {
            guard let secret = SecretReference.key(fromBase64: try SecretReference.resolve(reference, environment: environment)) else {
                fail(node, key: key, "must be base64 of exactly 32 bytes")
                return nil
            }
            return secret
        } catch {
            fail(node, key: key, SecretReference.message(error))
            return nil
        }
    }
}
