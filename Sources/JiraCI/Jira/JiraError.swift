/// What Jira (or the way to it) did wrong. Each case carries the facts (the status, the URL or API, the entity,
/// the explanation of a refusal); the sentences are in `JiraError+Text.swift`, and what the user can do about
/// each (the exit status, whether the report waits) in `FailureClass`.
public enum JiraError: Error, Sendable, Equatable, CustomStringConvertible {
    // The credentials, or what they may do, were refused.

    /// Jira Server answered 401, with what its answer says of why.
    case serverAuthRefused(ServerAuthProblem)
    /// Jira Server did not take the verifier of `auth server-login` (the request token was not approved, or
    /// was used before): `problem` is its `oauth_problem`.
    case verifierRefused(problem: String)
    case serviceAccountRefused(ServiceAccountProblem)
    /// Atlassian's token endpoint refused the OAuth client ID or secret.
    case clientCredentialsRefused(status: Int, tokenURL: String)
    /// Jira Cloud answered 401 to a token fetched a moment before: for `api`, or for `auth check` when nil.
    case freshTokenRefused(api: String?)
    /// The OAuth credential was not granted `api` (HTTP 403).
    case apiForbidden(api: String)
    /// The OAuth credential may not read deployment gating status (HTTP 403).
    case gatingForbidden
    /// `auth check` found an API jira-ci reports to that the OAuth credential may not use.
    case someAPIsForbidden
    /// `--project auto`, and the Jira Server user sees no project.
    case noVisibleProject

    // Jira refused the data itself: sending it again would be refused again.

    /// A request of `api` refused for what it held (4xx); `detail` is what Jira said, nothing for a 413.
    case requestRejected(api: String, status: Int, detail: String?)
    /// Jira accepted nothing of a report: `outcome` holds what it rejected, nothing when it found no issue.
    case reportNotAccepted(noun: String, outcome: ReportOutcome)
    case reportPartlyAccepted(noun: String, outcome: ReportOutcome)
    /// Jira failed entities that a backfill sent.
    case backfillEntitiesFailed(ReportOutcome)

    // Jira may be fine, only out of reach or overloaded now.

    /// An answer worth waiting out ended the tries.
    case transientAnswer(LastAnswer)
    /// A token endpoint's success answer held no access token jira-ci can use.
    case noUsableToken(tokenURL: String)
    /// Jira's answer to a step of `auth server-login` (`request-token`, `access-token`) held no usable
    /// `oauth_token`.
    case noOAuthToken(step: String)
    /// Jira's gating status answer held no status jira-ci knows.
    case noGatingStatus
    /// A success answer that neither accepted nor rejected the report: nothing may leave the outbox on it.
    case unconfirmed(noun: String, status: Int)
    /// Jira Server answered a status that none of its documented answers has.
    case unexpectedStatus(url: String, status: Int)
    /// A fresh report failed as one that should wait, and could not be queued: `cause` is what the failure
    /// said, `reason` why it could not wait.
    case unqueued(cause: String, reason: String)
    /// A flush ends with reports still in the outbox; `cause` is what kept Jira out of reach, when that is known.
    case stillWaiting(count: Int, directory: String, cause: String?)

    // A setting points at the wrong place, found only by asking Jira.

    /// Nothing at the site answers as Jira's REST API does (HTTP 404), most often for a missing context path.
    case noRestAPI(site: String)
    /// The Jira Server site has no OAuth 2.0 token endpoint (HTTP 404): it is older than service accounts.
    case noTokenEndpoint(site: String)
    /// An OAuth 1.0a endpoint of `auth server-login` is not at the site (HTTP 404).
    case noOAuthEndpoint(url: String)
    /// Jira Cloud has no `api` at the site and cloudId given (HTTP 404).
    case noAPI(api: String)
    /// Jira Cloud answered `api` with a status its API never answers: the URL reaches something else.
    case foreignAnswer(api: String, status: Int)
    /// The token endpoint answered with a status Atlassian's never answers.
    case foreignTokenAnswer(tokenURL: String, status: Int)
    /// The site's tenant info told no cloudId: it is no Jira Cloud site.
    case noCloudId(site: String, status: Int)
    /// libcrypto could not sign with the OAuth 1.0a private key it had loaded.
    case signingFailed
}
