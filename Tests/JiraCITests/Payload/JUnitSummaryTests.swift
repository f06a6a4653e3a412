import Testing

@testable import JiraCI

struct JUnitSummaryTests {
    @Test func countsCasesAcrossSuitesIgnoringCDATAAndComments() throws {
        let xml = """
            <?xml version="1.0"?>
            <testsuites tests="999">
              <!-- <testcase name="commented"/> -->
              <testsuite name="a">
                <testcase name="ok"/>
                <testcase name="bad"><failure message="x &lt; y">trace</failure></testcase>
                <testcase name="err"><error/></testcase>
                <testcase name="skip"><skipped/></testcase>
                <testcase name="out"><system-out><![CDATA[<testcase name="fake"/>]]></system-out></testcase>
              </testsuite>
              <testsuite name="b"><testcase name="attr" classname="a>b"/></testsuite>
            </testsuites>
            """
        let info = try JUnitSummary.testInfo(xml: Array(xml.utf8))
        #expect(info == .init(totalNumber: 6, numberPassed: 3, numberFailed: 2, numberSkipped: 1))
    }

    @Test func rejectsNonJUnit() {
        #expect(throws: JUnitSummary.ParseError.notJUnit) {
            try JUnitSummary.testInfo(xml: Array("<html></html>".utf8))
        }
    }

    /// A report cut off while it was written would under-count; it gives no figures rather than wrong ones.
    @Test func rejectsAReportCutOffAnywhere() {
        let xml =
            #"<testsuite tests="3"><testcase name="a"/><testcase name="b"><failure message="x"/></testcase><!-- c --><testcase name="d"><system-out><![CDATA[<x>]]></system-out></testcase></testsuite>"#
        let bytes = Array(xml.utf8)
        #expect((try? JUnitSummary.testInfo(xml: bytes))?.totalNumber == 3)
        for length in 1..<bytes.count {
            let cut = Array(bytes.prefix(length))
            #expect(throws: JUnitSummary.ParseError.self, "cut at \(length)") { try JUnitSummary.testInfo(xml: cut) }
        }
    }
}
