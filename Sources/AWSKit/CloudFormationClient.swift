import Foundation

/// One stack as DescribeStacks or ListStacks reports it.
public struct StackSummary: Sendable, Equatable {
    public var name: String
    public var status: String
    public var created: Date?
    public var lastUpdated: Date?
    public var deleted: Date?
    /// The keys of its `Outputs` (DescribeStacks only: ListStacks does not give them).
    public var outputs: [String] = []

    /// The time of the stack's last change: deletion, update or creation.
    public var lastChanged: Date? { deleted ?? lastUpdated ?? created }
}

/// CloudFormation over the Query protocol (form-encoded POST, XML answers), read-only.
struct CloudFormationClient: Sendable {
    var context: ClientContext
    static let version = "2010-05-15"

    /// One stack by name; nil when CloudFormation says it does not exist (never
    /// created, or deleted: DescribeStacks by name does not show deleted stacks).
    func describeStack(named name: String) async throws(AWSError) -> StackSummary? {
        let body: [UInt8]
        do {
            body = try await send("DescribeStacks", [("StackName", name)])
        } catch {
            if case .serviceError(_, "ValidationError", let message, _) = error, message.contains("does not exist") {
                return nil
            }
            throw error
        }
        guard let root = XMLElement.parse(body),
              let stacks = root.path("DescribeStacksResult", "Stacks") else {
            throw .malformedAnswer(service: "cloudformation", reason: "DescribeStacks: no DescribeStacksResult/Stacks element")
        }
        var summaries: [StackSummary] = []
        for member in stacks.children("member") { summaries.append(try Self.summary(member)) }
        return summaries.first { $0.name == name } ?? summaries.first
    }

    /// Every stack, following NextToken; `statuses` empty means all, DELETE_COMPLETE included.
    func listStacks(statuses: [String] = []) async throws(AWSError) -> [StackSummary] {
        var result: [StackSummary] = []
        var token: String?
        var pages = 0
        repeat {
            var parameters = statuses.enumerated().map { ("StackStatusFilter.member.\($0.offset + 1)", $0.element) }
            if let token { parameters.append(("NextToken", token)) }
            let body = try await send("ListStacks", parameters)
            guard let root = XMLElement.parse(body), let list = root.path("ListStacksResult") else {
                throw .malformedAnswer(service: "cloudformation", reason: "ListStacks: no ListStacksResult element")
            }
            for member in list.child("StackSummaries")?.children("member") ?? [] {
                result.append(try Self.summary(member))
            }
            let next = list.string("NextToken")
            if next != nil && next == token {
                throw .malformedAnswer(service: "cloudformation", reason: "ListStacks returned the same NextToken twice")
            }
            token = next
            pages += 1
        } while token != nil && pages < 10_000
        return result
    }

    private func send(_ action: String, _ parameters: [(String, String)]) async throws(AWSError) -> [UInt8] {
        let call = ServiceCall.query(.cloudFormation, endpoint: context.endpoint, region: context.region,
                                     action: action, version: Self.version, parameters: parameters)
        return try await context.send(call)
    }

    private static func summary(_ member: XMLElement) throws(AWSError) -> StackSummary {
        guard let name = member.string("StackName"), let status = member.string("StackStatus") else {
            throw .malformedAnswer(service: "cloudformation", reason: "a stack without StackName or StackStatus")
        }
        return StackSummary(name: name, status: status, created: ISODate.parse(member.string("CreationTime")),
                            lastUpdated: ISODate.parse(member.string("LastUpdatedTime")),
                            deleted: ISODate.parse(member.string("DeletionTime")),
                            outputs: member.child("Outputs")?.children("member").compactMap { $0.string("OutputKey") } ?? [])
    }
}
