/// Counts test cases in JUnit XML: every `<testcase>`, failed when it holds `<failure>` or `<error>`,
/// skipped when it holds `<skipped>`. Counting cases, not the `tests=` attributes, gives the same answer
/// whether a tool nests suites, repeats totals on `<testsuites>`, or omits them.
public enum JUnitSummary {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case notJUnit
        /// Cut off (a test run killed while writing it): counting what is there would report too few tests.
        case incomplete

        public var description: String {
            switch self {
            case .notJUnit: "not a JUnit XML report (no <testsuite> or <testcase>)"
            case .incomplete: "an incomplete JUnit XML report (it ends inside an element)"
            }
        }
    }

    public static func testInfo(xml bytes: [UInt8]) throws(ParseError) -> Build.TestInfo {
        var total = 0
        var failed = 0
        var skipped = 0
        var inCase = false
        var caseFailed = false
        var caseSkipped = false
        var sawSuite = false
        var depth = 0
        var tags = XMLTagScanner(bytes)
        while let tag = tags.next() {
            switch tag.kind {
            case .open: depth += 1
            case .close: depth -= 1
            case .selfClosing: break
            }
            switch (tag.name, tag.kind) {
            case ("testsuite", _), ("testsuites", _):
                sawSuite = true
            case ("testcase", .open):
                inCase = true
                caseFailed = false
                caseSkipped = false
            case ("testcase", .selfClosing):
                total += 1
            case ("testcase", .close) where inCase:
                total += 1
                if caseFailed { failed += 1 } else if caseSkipped { skipped += 1 }
                inCase = false
            case ("failure", _) where inCase, ("error", _) where inCase:
                caseFailed = true
            case ("skipped", _) where inCase:
                caseSkipped = true
            default:
                break
            }
        }
        guard sawSuite || total > 0 else { throw .notJUnit }
        guard depth == 0, !tags.endedInsideMarkup else { throw .incomplete }
        return Build.TestInfo(
            totalNumber: Int64(total), numberPassed: Int64(total - failed - skipped), numberFailed: Int64(failed),
            numberSkipped: Int64(skipped))
    }
}
