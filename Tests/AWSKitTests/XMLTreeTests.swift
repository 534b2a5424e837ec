import Testing
@testable import AWSKit

/// The Query protocol's answers as XMLElement reads them, without libxml2.
@Suite struct XMLTreeTests {
    private func parse(_ text: String) -> XMLElement? { XMLElement.parse(Array(text.utf8)) }

    @Test func listStacksAnswer() throws {
        let answer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- moto writes a comment here sometimes -->
            <ListStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <ListStacksResult>
                <StackSummaries>
                  <member>
                    <StackName>orders-dev</StackName>
                    <StackStatus>UPDATE_COMPLETE</StackStatus>
                    <TemplateDescription>Tom &amp; Jerry&apos;s &lt;stack&gt; &#233;t&#xE9; &quot;q&quot;</TemplateDescription>
                  </member>
                  <member><StackName>billing-dev</StackName><StackStatus>DELETE_COMPLETE</StackStatus></member>
                </StackSummaries>
                <NextToken><![CDATA[a<b&c]]></NextToken>
                <Empty/>
                <Spaces>   </Spaces>
              </ListStacksResult>
              <ResponseMetadata><RequestId id='x' other="y">42</RequestId></ResponseMetadata>
            </ListStacksResponse>
            """
        let root = try #require(parse(answer))
        #expect(root.name == "ListStacksResponse")
        let result = try #require(root.path("ListStacksResult"))
        let members = result.child("StackSummaries")?.children("member") ?? []
        #expect(members.map { $0.string("StackName") } == ["orders-dev", "billing-dev"])
        #expect(members.map { $0.string("StackStatus") } == ["UPDATE_COMPLETE", "DELETE_COMPLETE"])
        #expect(members[0].string("TemplateDescription") == "Tom & Jerry's <stack> été \"q\"")
        #expect(result.string("NextToken") == "a<b&c")
        #expect(result.child("Empty") != nil && result.string("Empty") == nil)
        #expect(result.string("Spaces") == nil)
        #expect(result.string("Missing") == nil)
        #expect(root.path("ResponseMetadata")?.string("RequestId") == "42")
    }

    @Test func unicodeTextAndByteOrderMark() throws {
        let root = try #require(XMLElement.parse([0xEF, 0xBB, 0xBF] + Array("<a><b>Zürich → 東京</b></a>".utf8)))
        #expect(root.string("b") == "Zürich → 東京")
    }

    @Test func notWellFormedIsNil() {
        let broken = [
            "", "   ", "not xml", "<a>", "<a></b>", "<a><b></a></b>", "<a/><b/>", "<a></a>trailing",
            "<a>&bogus;</a>", "<a>& </a>", "<a>&#xZZ;</a>", "<a x=1></a>", "<a x=\"1></a>", "<a x=\"<\"></a>",
            "<a><!-- never closed</a>", "<a><![CDATA[open</a>", "<?xml version=\"1.0\"", "< a></a>",
            "<!DOCTYPE a [<!ENTITY e \"boom\">]><a>&e;</a>", "<ErrorResponse><Error><Code>Throttling</Code></Error>",
        ]
        for text in broken {
            #expect(parse(text) == nil, "\(text)")
        }
    }

    @Test func errorAnswerReadsCodeAndMessage() {
        let body = Array("""
            <ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>
            <Message>Stack with id x does not exist</Message></Error><RequestId>1</RequestId></ErrorResponse>
            """.utf8)
        let answer = ErrorAnswer.parse(body, wire: .query, status: 400)
        #expect(answer.code == "ValidationError")
        #expect(answer.message == "Stack with id x does not exist")
    }
}
