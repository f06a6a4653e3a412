import Synchronization

/// A value that must never be shown: its description is `***`, so interpolating one by mistake leaks nothing.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "***" }
    public var debugDescription: String { "***" }
}

/// Replaces secrets in trace text: every known secret value, the values of sensitive headers, and the
/// values of sensitive JSON fields and form or query parameters (tokens the server hands back included).
public final class Redactor: Sendable {
    static let sensitiveHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    static let sensitiveFields = [
        "client_secret", "access_token", "refresh_token", "id_token", "oauth_token", "oauth_token_secret",
        "oauth_verifier", "oauth_signature", "password", "token", "private_key",
    ]

    private let secrets: Mutex<[String]>

    public init(secrets: [String] = []) {
        self.secrets = Mutex(secrets.filter { $0.count >= 4 })
    }

    /// Secrets learned during the run (an access token just received) are hidden from then on.
    public func add(_ secret: String) {
        guard secret.count >= 4 else { return }
        secrets.withLock { $0.append(secret) }
    }

    public func header(name: String, value: String) -> String {
        Self.sensitiveHeaders.contains(name.lowercased()) ? "***" : redact(value)
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets.withLock({ $0 }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingAll(secret, with: "***")
            // A secret inside a JSON string or a URL appears escaped.
            let encoded = PercentEncoding.encode(secret)
            if encoded != secret { result = result.replacingAll(encoded, with: "***") }
        }
        for field in Self.sensitiveFields {
            result = Self.maskJSONField(field, in: result)
            result = Self.maskParameter(field, in: result)
        }
        return result
    }

    /// `"field" : "value"` → `"field" : "***"`.
    static func maskJSONField(_ field: String, in text: String) -> String {
        var output = ""
        var rest = Substring(text)
        let needle = "\"\(field)\""
        while let range = rest.firstRange(of: needle) {
            output += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let afterColon = rest.drop(while: { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" })
            guard afterColon.first == "\"" else { continue }
            output += rest[..<afterColon.startIndex]
            var index = afterColon.index(after: afterColon.startIndex)
            var escaped = false
            while index < afterColon.endIndex {
                let character = afterColon[index]
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break }
                index = afterColon.index(after: index)
            }
            output += "\"***\""
            rest = index < afterColon.endIndex ? afterColon[afterColon.index(after: index)...] : ""
        }
        return output + rest
    }

    /// `field=value` in a query string, form body or OAuth header → `field=***`.
    static func maskParameter(_ field: String, in text: String) -> String {
        var output = ""
        var rest = Substring(text)
        let needle = "\(field)="
        while let range = rest.firstRange(of: needle) {
            let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
            output += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard before == nil || !(before!.isLetter || before!.isNumber || before! == "_") else { continue }
            let end = rest.firstIndex(where: { $0 == "&" || $0 == "," || $0 == " " || $0 == "\n" }) ?? rest.endIndex
            output += "***"
            rest = rest[end...]
        }
        return output + rest
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var output = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        return output + rest
    }
}
