import Testing

@testable import JiraCI

/// The sentences users read (and scripts and the end-to-end tests match) come out of the facts word for word.
struct JiraErrorTextTests {
    @Test func cloudRefusalsNameTheAPIAndWhereToGrantIt() {
        #expect(
            JiraError.freshTokenRefused(api: "devinfo").description
                == "Jira Cloud refused a fresh access token for the devinfo API (HTTP 401): check that the OAuth "
                + "credential is active and that it was granted the Development information API "
                + "(Settings > Apps > OAuth credentials)")
        #expect(
            JiraError.freshTokenRefused(api: nil).description
                == "Jira Cloud refused a fresh access token (HTTP 401); check that the OAuth credential is still active"
        )
        #expect(
            JiraError.apiForbidden(api: "builds").description
                == "the OAuth credential may not use the builds API (HTTP 403): grant the Builds API to these credentials "
                + "in Jira's OAuth credentials page (Settings > Apps > OAuth credentials)")
    }

    @Test func aRefusedTimestampSaysHowFarTheClocksAreApart() {
        let response = HTTPResponse(
            status: 401,
            headers: [
                ("WWW-Authenticate", #"OAuth realm="jira", oauth_problem="timestamp_refused""#),
                ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),
            ])
        let refusal = ServerAuthProblem(response: response, credential: .oauth1, now: 784_111_777 + 400)
        #expect(refusal == ServerAuthProblem(credential: .oauth1, problem: "timestamp_refused", clockSkew: 400))
        #expect(
            JiraError.serverAuthRefused(refusal).description
                == "Jira refused the OAuth timestamp (timestamp_refused): clocks may differ by at most 5 minutes "
                + "(this machine's clock is 400 s ahead of Jira's); sync this machine's clock (NTP)")
        // Only a refused timestamp is explained by the clock.
        let signature = HTTPResponse(status: 401, headers: [("WWW-Authenticate", #"OAuth oauth_problem="nonce_used""#)])
        #expect(ServerAuthProblem(response: signature, credential: .oauth1, now: 784_111_777).clockSkew == nil)
    }

    @Test func serverCredentialsAreExplainedByTheirKind() {
        let basic = ServerAuthProblem(credential: .basic(user: "ci-bot"), problem: nil, clockSkew: nil)
        #expect(
            JiraError.serverAuthRefused(basic).description
                == "Jira refused the password of ci-bot (HTTP 401): check JIRA_USER and JIRA_PASSWORD (a CAPTCHA after "
                + "failed logins also blocks basic auth; Jira 11 turns basic authentication off by default: use JIRA_PAT "
                + "or a service account)")
        let account = ServiceAccountProblem(clientId: "ci", status: 400, error: "invalid_request")
        #expect(
            JiraError.serviceAccountRefused(account).description
                == "Jira refused the service account ci's token request (HTTP 400, invalid_request): check JIRA_CLIENT_ID, "
                + "JIRA_CLIENT_SECRET and the account's scopes under Administration > Service accounts")
    }

    @Test func aRejectionSaysWhatJiraRefused() {
        #expect(
            JiraError.requestRejected(api: "deployments", status: 413, detail: nil).description
                == "Jira rejected the deployments request as too large (HTTP 413)")
        #expect(
            JiraError.reportNotAccepted(noun: "build 7", outcome: ReportOutcome()).description
                == "Jira did not accept the build 7: none of its issues exist or are visible")
    }

    @Test func whatWaitsSaysWhereAndWhy() {
        #expect(
            JiraError.stillWaiting(count: 3, directory: "/outbox", cause: nil).description
                == "3 report(s) still wait in /outbox")
        #expect(
            JiraError.stillWaiting(count: 3, directory: "/outbox", cause: "Jira kept answering HTTP 503")
                .description == "Jira unreachable (Jira kept answering HTTP 503); 3 report(s) still wait in /outbox")
        #expect(
            JiraError.unqueued(cause: "timed out", reason: "there is no outbox").description
                == "Jira unreachable (timed out), and the report could not be queued: there is no outbox")
    }

    @Test func aMisdirectedSettingSaysWhichOneToFix() {
        #expect(
            JiraError.noRestAPI(site: "https://jira.example.com").description
                == "there is no Jira REST API at https://jira.example.com (HTTP 404): if Jira runs under a context path, "
                + "include it in --jira-url (or JIRA_URL), e.g. https://jira.example.com/jira")
        #expect(
            JiraError.noTokenEndpoint(site: "https://jira.example.com").description
                == "https://jira.example.com has no OAuth 2.0 token endpoint (HTTP 404 from /rest/oauth2/latest/token): "
                + "service accounts need a Jira Data Center that has them; otherwise use JIRA_PAT (or --flavor cloud for a "
                + "Jira Cloud site)")
    }
}
