import Testing

@testable import JiraCI

/// The values flags and variables take: what is accepted, what is refused (never trapping), and the
/// suggestion a typo gets.
struct IntervalTests {
    @Test(arguments: [
        ("90", 90.0), ("90s", 90), (" 90S ", 90), ("0", 0), ("0.5", 0.5), ("500ms", 0.5), ("10m", 600), ("1h", 3600),
        ("1h30m", 5400), ("1H30M", 5400), ("1.5h", 5400), ("1m30s", 90), ("2h0m5s", 7205), ("250ms", 0.25),
        ("999999999999", 999_999_999_999), ("999999999999h", 999_999_999_999 * 3600.0),
    ] as [(String, Double)])
    func durationsAreSeconds(text: String, seconds: Double) {
        #expect(Interval.seconds(text) == seconds)
    }

    @Test(arguments: [
        "", " ", "-1", "+1", "-1s", "1e400", "1e3", "10m5", "1h30", "abc", "s", "ms", "h1", "1x", "1 s", "1.2.3s", ".",
        "1000000000000", "1234567890123s", "0.000000000001h", "nan", "inf", "1d", "١٢", "１０s", "10m-5s",
    ])
    func everythingElseIsRefused(text: String) {
        #expect(Interval.seconds(text) == nil)
    }

    /// `10m5` is refused because a number after a unit needs a unit of its own; a zero before the unit does
    /// not change that.
    @Test(arguments: ["0m5", "0h30", "0s5", "0ms7"])
    func aTrailingBareNumberIsRefusedAfterAZeroPartToo(text: String) {
        #expect(Interval.seconds(text) == nil)
    }

    @Test func randomTextNeverTrapsAndNeverGivesANegativeOrInfiniteDuration() {
        var random = SplitMix64(seed: 0x1A7E)
        let pieces = ["1", "0", "9", "999999999999", ".", "5", "h", "m", "s", "ms", "-", " ", "e", "é"]
        for round in 0..<5000 {
            let text = round % 2 == 0
                ? (0..<Int.random(in: 1...6, using: &random)).map { _ in random.pick(pieces) }.joined()
                : random.ascii(Int.random(in: 0...14, using: &random))
            if let seconds = Interval.seconds(text) {
                #expect(seconds.isFinite && seconds >= 0, "\(text)")
            }
        }
    }

    @Test(arguments: [(0.1, "100 ms"), (0.5, "500 ms"), (1, "1 s"), (90, "90 s"), (1.5, "1.5 s"), (60, "1 min"), (3600, "1 h"),
                      (86_400, "24 h"), (5400, "90 min")])
    func durationsAreShownInTheirUnit(seconds: Double, text: String) {
        #expect(Interval.format(seconds) == text)
    }
}

struct BoundedValueTests {
    static func accepts<T: SettingValue>(_ type: T.Type, _ text: String) -> Bool {
        (try? T.parse(text)) != nil
    }

    @Test func retryCountIsZeroToTen() throws {
        #expect(try RetryCount.parse("0").value == 0)
        #expect(try RetryCount.parse(" 10 ").value == 10)
        for refused in ["-1", "11", "", "3.0", "three", "99999999999999999999", "+"] {
            #expect(!Self.accepts(RetryCount.self, refused), "\(refused)")
        }
        #expect(throws: ValueError(expected: "a whole number from 0 to 10")) { try RetryCount.parse("11") }
    }

    @Test func commitLimitIsPositiveAndFitsInt32() throws {
        #expect(try CommitLimit.parse("1").value == 1)
        #expect(try CommitLimit.parse("2147483647").value == Int(Int32.max))
        #expect(!Self.accepts(CommitLimit.self, "0"))
        #expect(!Self.accepts(CommitLimit.self, "2147483648"))
        #expect(!Self.accepts(CommitLimit.self, "9223372036854775808"))
    }

    @Test(arguments: [
        // (type, accepted, refused)
        ("timeout", ["1", "1s", "1000ms", "1h", "3600"], ["0", "999ms", "3601", "1h1s", "-1"]),
        ("poll", ["1", "1s", "60", "1h"], ["0", "500ms", "999ms", "3601"]),
        ("hook budget", ["100ms", "0.1", "5", "60s", "1m"], ["99ms", "0", "60.5", "61", "1h"]),
        ("gate wait", ["0", "0s", "10m", "24h", "86400"], ["24h1s", "86401", "-1"]),
        ("flush", ["1", "1s", "24h"], ["999ms", "0", "24h1s"]),
    ])
    func intervalRangesIncludeTheirEdges(name: String, accepted: [String], refused: [String]) {
        func parses(_ text: String) -> Bool {
            switch name {
            case "timeout": Self.accepts(RequestTimeout.self, text)
            case "poll": Self.accepts(PollInterval.self, text)
            case "hook budget": Self.accepts(HookBudget.self, text)
            case "gate wait": Self.accepts(GateWait.self, text)
            default: Self.accepts(FlushTimeLimit.self, text)
            }
        }
        for text in accepted { #expect(parses(text), "\(name) should take \(text)") }
        for text in refused { #expect(!parses(text), "\(name) should refuse \(text)") }
    }

    /// The examples are values the setting accepts: `--poll 500ms` is not told to try 500ms.
    @Test func theRefusalNamesTheRange() {
        #expect(throws: ValueError(expected: "a duration from 1 s to 1 h, like 3s, 90s, 10m, 1h")) { try PollInterval.parse("500ms") }
        #expect(throws: ValueError(expected: "a duration from 100 ms to 1 min, like 500ms, 3s")) { try HookBudget.parse("2m") }
    }

    @Test func payloadNumbersAreNonNegativeInt64() throws {
        #expect(try PayloadNumber.parse("0").value == 0)
        #expect(try PayloadNumber.parse("9223372036854775807").value == .max)
        for refused in ["-1", "9223372036854775808", "1.0", "", "x"] {
            #expect(!Self.accepts(PayloadNumber.self, refused), "\(refused)")
        }
    }
}

struct TestInfoTests {
    @Test(arguments: [
        ("120,118,2", Build.TestInfo(totalNumber: 120, numberPassed: 118, numberFailed: 2, numberSkipped: nil)),
        (" 10 , 7 , 1 , 2 ", .init(totalNumber: 10, numberPassed: 7, numberFailed: 1, numberSkipped: 2)),
        ("0,0,0", .init(totalNumber: 0, numberPassed: 0, numberFailed: 0, numberSkipped: nil)),
        ("10,1,1", .init(totalNumber: 10, numberPassed: 1, numberFailed: 1, numberSkipped: nil)),
        ("9223372036854775807,9223372036854775807,0", .init(totalNumber: .max, numberPassed: .max, numberFailed: 0, numberSkipped: nil)),
    ])
    func parses(text: String, info: Build.TestInfo) throws {
        #expect(try Build.TestInfo.parse(text) == info)
    }

    @Test(arguments: [
        "", "1", "1,1", "1,1,1,1,1", "3,1,1,x", "-1,0,0", "3,-1,1", "1,,1", "3,2,2", "3,1,1,2", "1.0,1,0",
        "99999999999999999999,1,1",
        // The sums overflow: refused, not trapped.
        "9223372036854775807,9223372036854775807,1",
        "9223372036854775807,9223372036854775807,9223372036854775807,9223372036854775807",
    ])
    func refusesWhatDoesNotAddUp(text: String) {
        #expect(throws: ValueError.self) { try Build.TestInfo.parse(text) }
    }

    @Test func addingSumsEveryCountAndRefusesOverflow() {
        let a = Build.TestInfo(totalNumber: 10, numberPassed: 7, numberFailed: 1, numberSkipped: 2)
        let b = Build.TestInfo(totalNumber: 5, numberPassed: 5, numberFailed: 0, numberSkipped: nil)
        #expect(a.adding(b) == .init(totalNumber: 15, numberPassed: 12, numberFailed: 1, numberSkipped: 2))
        let huge = Build.TestInfo(totalNumber: .max, numberPassed: .max, numberFailed: 0, numberSkipped: nil)
        #expect(huge.adding(b) == nil)
        #expect(b.adding(huge) == nil)
        let manySkipped = Build.TestInfo(totalNumber: .max, numberPassed: 0, numberFailed: 0, numberSkipped: .max)
        #expect(Build.TestInfo(totalNumber: 0, numberPassed: 0, numberFailed: 0, numberSkipped: 1).adding(manySkipped) == nil)
    }

    @Test func randomFiguresParseOnlyWhenTheyAddUpAndNeverTrap() {
        var random = SplitMix64(seed: 0x7E57)
        let numbers = ["0", "1", "2", "100", "-1", "9223372036854775807", "9223372036854775806", "9223372036854775808", "x", ""]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(numbers) }.joined(separator: ",")
            if let info = try? Build.TestInfo.parse(text) {
                let counted = info.counted
                #expect(counted != nil && counted! <= info.totalNumber, "\(text)")
                #expect(info.numberPassed >= 0 && info.numberFailed >= 0 && (info.numberSkipped ?? 0) >= 0)
            }
        }
    }
}

struct StateWordTests {
    @Test(arguments: [
        // Azure Pipelines
        ("Succeeded", BuildState.successful), ("SucceededWithIssues", .failed), ("Failed", .failed), ("Canceled", .cancelled),
        // GitHub Actions
        ("success", .successful), ("failure", .failed), ("cancelled", .cancelled),
        // GitLab CI
        ("failed", .failed), ("canceled", .cancelled), ("running", .inProgress), ("pending", .pending),
        // Bitbucket Pipelines
        ("SUCCESSFUL", .successful), ("FAILED", .failed), ("STOPPED", .cancelled),
        // Jenkins
        ("SUCCESS", .successful), ("UNSTABLE", .failed), ("FAILURE", .failed), ("ABORTED", .cancelled), ("NOT_BUILT", .unknown),
        // Others and spellings
        ("passed", .successful), ("error", .failed), ("succeeded_with_issues", .failed), ("started", .inProgress),
        ("in_progress", .inProgress), ("in-progress", .inProgress), ("In-Progress", .inProgress), ("inprogress", .inProgress),
        ("queued", .pending), ("waiting", .pending), ("not-built", .unknown), ("skipped", .unknown), ("unknown", .unknown),
        ("  success\n", .successful),
        // Buildkite step outcomes and build states
        ("hard_failed", .failed), ("soft_failed", .failed), ("errored", .failed), ("waiting_failed", .failed),
        ("canceling", .cancelled), ("blocked", .pending), ("scheduled", .pending), ("neutral", .unknown), ("not_run", .unknown),
        ("failing", .inProgress),
        // An exit status handed over as the state ($BITBUCKET_EXIT_CODE, $?)
        ("0", .successful), ("000", .successful), ("1", .failed), ("255", .failed), ("-1", .failed), ("4294967295", .failed),
        (" 2 ", .failed), ("99999999999999999999999", .failed),
    ])
    func everyCIsWordMapsToJirasState(word: String, state: BuildState) throws {
        #expect(BuildState(word: word) == state)
        #expect(try BuildState.parse(word) == state)
        #expect(DeploymentState(word: word)?.rawValue == state.rawValue)
    }

    @Test func unknownWordsAreRejectedWithTheNearestSuggestion() {
        #expect(BuildState(word: "green") == nil)
        #expect(BuildState(word: "rolled_back") == nil)
        #expect(BuildState(word: "") == nil)
        #expect(BuildState(word: "-") == nil)
        #expect(BuildState(word: "1.0") == nil)
        #expect(BuildState(word: "0x1") == nil)
        #expect(throws: ValueError.self) { try BuildState.parse("sucess") }
        #expect((Self.refusal { try BuildState.parse("sucess") })?.suggestion == "success")
        #expect((Self.refusal { try BuildState.parse("faild") })?.suggestion == "failed")
        #expect((Self.refusal { try BuildState.parse("zzzzzzzz") })?.suggestion == nil)
        #expect((Self.refusal { try DeploymentState.parse("rollbak") })?.suggestion == "rollback")
    }

    /// The ValueError `body` throws, or nil when it succeeds.
    static func refusal<T>(_ body: () throws -> T) -> ValueError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ValueError
        }
    }

    @Test func deploymentsAlsoRollBack() {
        for word in ["rolled_back", "ROLLED-BACK", "rollback", "RolledBack"] {
            #expect(DeploymentState(word: word) == .rolledBack, "\(word)")
        }
        #expect(DeploymentState(word: "Success") == .successful)
        #expect(DeploymentState.rolledBack.isFinal)
    }

    @Test func finalStatesEndARun() {
        #expect(BuildState.allCases.filter(\.isFinal) == [.successful, .failed, .cancelled])
        #expect(DeploymentState.allCases.filter(\.isFinal) == [.successful, .failed, .cancelled, .rolledBack])
        // Every state's own API word is accepted as is.
        for state in BuildState.allCases { #expect(BuildState(word: state.rawValue) == state) }
        for state in DeploymentState.allCases { #expect(DeploymentState(word: state.rawValue) == state) }
    }
}

struct EnvironmentWordTests {
    @Test func typesAreTheAPIsWordsWithASuggestion() throws {
        #expect(try EnvironmentType.parse(" Production ") == .production)
        #expect(StateWordTests.refusal { try EnvironmentType.parse("prod") }?.suggestion == "production")
        #expect(StateWordTests.refusal { try EnvironmentType.parse("stagng") }?.suggestion == "staging")
        #expect(StateWordTests.refusal { try EnvironmentType.parse("qa") }?.suggestion == nil)
    }

    @Test(arguments: [
        ("prodution", "prodution", "production"),
        ("eu-prodution-2", "prodution", "production"),
        ("Stagingg", "stagingg", "staging"),
        ("developement", "developement", "development"),
    ])
    func likelyTyposAreFound(name: String, word: String, suggestion: String) throws {
        let typo = try #require(EnvironmentType.likelyTypo(inName: name))
        #expect(typo.word == word && typo.suggestion == suggestion)
    }

    @Test(arguments: ["production", "prod-eu", "eu-1", "qa", "dev", "sandbox", "products-x", "", "日本"])
    func realWordsAndShortOnesAreNoTypos(name: String) {
        #expect(EnvironmentType.likelyTypo(inName: name) == nil)
    }

    @Test(arguments: [
        ("prodution", ["production", "staging"], "production" as String?),
        ("PRODUTION", ["production"], "production"),
        ("se", ["server", "cloud"], "server"),
        ("clo", ["server", "cloud"], "cloud"),
        ("x", ["x", "xy"], nil),
        ("zz", ["ab"], nil),
        ("abc", ["xyz"], nil),
        ("sucess", ["success", "successful"], "success"),
        ("", ["a"], nil),
    ])
    func nearestIsAPrefixOrWithinTwoEdits(word: String, words: [String], expected: String?) {
        #expect(Suggestion.nearest(to: word, in: words) == expected)
    }

    @Test func editDistanceIsLevenshtein() {
        #expect(Suggestion.editDistance("", "") == 0)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("flaw", "lawn") == 2)
        #expect(Suggestion.editDistance("é", "e") == 1)
        var random = SplitMix64(seed: 0xED17)
        for _ in 0..<300 {
            let a = random.ascii(Int.random(in: 0...8, using: &random)), b = random.ascii(Int.random(in: 0...8, using: &random))
            let distance = Suggestion.editDistance(a, b)
            #expect(distance == Suggestion.editDistance(b, a))
            #expect(distance <= max(a.count, b.count) && distance >= abs(a.count - b.count))
            #expect((distance == 0) == (a == b))
        }
    }
}

struct URLValueTests {
    @Test func siteURLsRefuseCredentialsWithoutEchoingThem() {
        for text in ["https://bob:pw@jira.example.com", "https://bob:pw@jira.example.com/jira/", "http://bob:pw@127.0.0.1:8080"] {
            let error = StateWordTests.refusal { try SiteURL.parse(text) }
            #expect(error != nil, "\(text)")
            #expect(error?.shownInput?.contains("pw") == false, "\(text)")
            #expect(error?.shownInput?.contains("***@") == true, "\(text)")
            #expect(error.map { "\($0)".contains("pw") } == false)
        }
        #expect(StateWordTests.refusal { try SiteURL.parse("https://token@jira.example.com") }?.shownInput == "https://***@jira.example.com")
    }

    /// What `JIRA_URL=…` with a bad value prints (a CI log anyone may read).
    static func message(forJiraURL text: String) -> String {
        do {
            _ = try SettingsSource(environment: [:]).parse(text, .jiraURL, as: SiteURL.self)
            return ""
        } catch {
            return error.description
        }
    }

    @Test func theMessageForAURLWithCredentialsHidesThem() {
        let message = Self.message(forJiraURL: "https://bob:s3cr3t@jira.example.com")
        #expect(message.contains("https://***@jira.example.com") && !message.contains("s3cr3t"))
    }

    /// A password with a character that ends the authority (`/`, `?`, `#`) makes the URL unparseable; the
    /// message must still not show it.
    @Test(arguments: ["https://bob:s3cr/t@jira.example.com", "https://bob:s3cr#t@jira.example.com", "https://bob:s3cr?t@jira.example.com"])
    func aPasswordThatBreaksTheURLIsNotEchoedEither(text: String) {
        let error = StateWordTests.refusal { try SiteURL.parse(text) }
        #expect(error != nil)
        #expect(error?.shownInput?.contains("s3cr") == false, "shown: \(error?.shownInput ?? "-")")
        let message = Self.message(forJiraURL: text)
        #expect(!message.isEmpty && !message.contains("s3cr"), "\(message)")
    }

    @Test func siteURLsLoseTrailingSlashesAndKeepTheirPath() throws {
        let site = try SiteURL.parse(" https://jira.example.com/jira/// ")
        #expect(site.text == "https://jira.example.com/jira")
        #expect(site.parsed.host == "jira.example.com")
    }

    @Test(arguments: ["", "jira.example.com", "/job/1", "job/1", "ftp://ci.example.com/x", "file:///etc/passwd", "mailto:a@b.c",
                      "javascript:alert(1)", "https://", "http:// spaces .com/"])
    func webURLsMustBeAbsoluteHTTP(text: String) {
        #expect(throws: ValueError.self) { try WebURL.parse(text) }
        #expect(throws: ValueError.self) { try SiteURL.parse(text) }
    }

    @Test func webURLsAreKeptAsGivenWithoutCredentials() throws {
        #expect(try WebURL.parse(" https://ci.example.com/job/shop/42/?x=1#y ").text == "https://ci.example.com/job/shop/42/?x=1#y")
        let refused = StateWordTests.refusal { try WebURL.parse("https://ci:tok@ci.example.com/job/1") }
        #expect(refused?.shownInput == "https://***@ci.example.com/job/1")
    }

    @Test(arguments: [
        ("https://acme.atlassian.net/jira/software/projects/X/boards/1", "https://acme.atlassian.net"),
        ("https://acme.atlassian.net", "https://acme.atlassian.net"),
        ("https://ACME.atlassian.net/", "https://acme.atlassian.net"),
        ("https://legacy.jira.com/browse/X-1", "https://legacy.jira.com"),
        // Jira Server keeps its context path.
        ("https://jira.example.com/jira", "https://jira.example.com/jira"),
        ("https://atlassian.net.evil.example.com/x", "https://atlassian.net.evil.example.com/x"),
    ])
    func aCloudSiteIsItsRoot(url: String, root: String) throws {
        #expect(JiraTarget.siteRoot(try SiteURL.parse(url)) == root)
    }

    @Test func targetsDropTrailingSlashes() {
        let target = JiraTarget(flavor: .server, siteURL: "https://jira.example.com/jira//", apiURL: "https://api.example.com/")
        #expect(target.siteURL == "https://jira.example.com/jira" && target.apiURL == "https://api.example.com")
        #expect(JiraTarget.isCloudHost("acme.atlassian.net") && !JiraTarget.isCloudHost("atlassian.net") && !JiraTarget.isCloudHost("evilatlassian.net"))
        // The root's trailing dot and capitals name the same host: a PAT must not be sent there as to a Server.
        #expect(JiraTarget.isCloudHost("ACME.Atlassian.NET.") && JiraTarget.isCloudHost("acme.jira.com.") && !JiraTarget.isCloudHost("atlassian.net."))
    }

    @Test func flavorsAreCloudOrServer() throws {
        #expect(try JiraFlavor.parse(" Cloud ") == .cloud)
        #expect(StateWordTests.refusal { try JiraFlavor.parse("sever") }?.suggestion == "server")
    }

    /// Everything before the last `@` is masked: a password may hold `/`, `?`, `#` or `@`, so no cheaper rule is
    /// safe. An `@` in a path costs some of the URL in the message, never a password.
    @Test func maskingCredentialsInMessages() {
        #expect(URLCredentials.masked("https://bob:pw@host/x") == "https://***@host/x")
        #expect(URLCredentials.masked("https://bob:p@ss@host/x") == "https://***@host/x")
        #expect(URLCredentials.masked("https://bob:s3cr/t#?@host/x") == "https://***@host/x")
        #expect(URLCredentials.masked("https://host/x@y") == "https://***@y")
        #expect(URLCredentials.masked("https://host/x") == "https://host/x")
        #expect(URLCredentials.masked("no scheme bob:pw@host") == "***@host")
    }
}
