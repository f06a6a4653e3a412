/// What an HTTP status means to jira-ci, decided in one place: whether to try again, and what a final answer
/// of that kind says.
public enum HTTPStatusClass: Sendable, Equatable {
    case success
    /// 408, 429 and 5xx: Jira is busy, overloaded or down; the same request may well succeed later.
    case transient
    /// 401: the credentials (or the token) were refused.
    case unauthorized
    /// 403: the credentials are fine but may not do this.
    case forbidden
    case notFound
    /// Any other 4xx: refused for what was sent.
    case refused
    /// 1xx and 3xx as a final answer (redirects are never followed): no answer of Jira's API.
    case unexpected

    public init(_ status: Int) {
        switch status {
        case 200..<300: self = .success
        case 408, 429, 500..<600: self = .transient
        case 401: self = .unauthorized
        case 403: self = .forbidden
        case 404: self = .notFound
        case 400..<500: self = .refused
        default: self = .unexpected
        }
    }
}

extension HTTPResponse {
    public var statusClass: HTTPStatusClass { HTTPStatusClass(status) }
}
