import CloudFirstCore
import Foundation

/// Today's findings, recorded by fingerprint, so that a pipeline fails only on what is new.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let fingerprint: String
        public let rule: String
        public let subject: String
        public let message: String
    }

    public let entries: [Entry]

    public static let formatKey = "cloudfirst_baseline"

    public init(_ assessment: EstateAssessment) {
        entries = assessment.distinctFindings.map {
            Entry(fingerprint: $0.fingerprint, rule: $0.rule, subject: $0.subject.description, message: $0.message)
        }
    }

    /// A baseline that cannot be read or is not one: the input is wrong (exit code 2).
    public enum ReadError: CloudFirstError, CustomStringConvertible, Equatable {
        case unreadable(String, reason: String)
        case notABaseline(String, expected: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read the baseline '\(path)': \(reason)"
            case .notABaseline(let path, let expected):
                "'\(path)' is not a cloudfirst baseline: expected \(expected). Write one with --write-baseline"
            }
        }

        public var exitStatus: ExitStatus { .invalidInput }
        public var message: String { "cloudfirst: \(description)" }
    }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError.unreadable(path, reason: FileManager.default.fileExists(atPath: path)
                ? "permission denied" : "no such file")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReadError.notABaseline(path, expected: "a JSON object")
        }
        guard object[Self.formatKey] as? Int == 1 else {
            throw ReadError.notABaseline(path, expected: "\"\(Self.formatKey)\": 1")
        }
        guard let findings = object["findings"] as? [[String: Any]] else {
            throw ReadError.notABaseline(path, expected: "a \"findings\" list")
        }
        var entries: [Entry] = []
        for (index, finding) in findings.enumerated() {
            guard let fingerprint = finding["fingerprint"] as? String, let rule = finding["rule"] as? String else {
                throw ReadError.notABaseline(path, expected: "a fingerprint and a rule in finding \(index + 1)")
            }
            entries.append(Entry(fingerprint: fingerprint, rule: rule, subject: finding["subject"] as? String ?? "",
                                 message: finding["message"] as? String ?? ""))
        }
        self.entries = entries
    }

    public func json(asOf: CalendarDate) -> JSONValue {
        .object([
            (Self.formatKey, .int(1)),
            ("as_of", .string(asOf.description)),
            ("findings", .array(entries.map { entry in
                .object([("fingerprint", .string(entry.fingerprint)), ("rule", .string(entry.rule)),
                         ("subject", .string(entry.subject)), ("message", .string(entry.message))])
            })),
        ])
    }

    /// Writes the baseline (atomically: a reader never sees half of it) for `--baseline` to compare with later.
    public func write(to path: String, asOf: CalendarDate) throws {
        do {
            try Data(json(asOf: asOf).rendered().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WriteFailure(what: "the baseline", path: path, error: error)
        }
    }

    /// Findings not in the baseline, and baseline entries no longer found.
    public func compare(_ assessment: EstateAssessment) -> (new: [Finding], fixed: [Entry]) {
        let known = Set(entries.map(\.fingerprint))
        let findings = assessment.distinctFindings
        let current = Set(findings.map(\.fingerprint))
        return (findings.filter { !known.contains($0.fingerprint) }, entries.filter { !current.contains($0.fingerprint) })
    }
}
