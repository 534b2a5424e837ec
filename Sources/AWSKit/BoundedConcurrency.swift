/// Runs `body` over `items` with at most `limit` at once, keeping the results in order.
/// CloudFormation throttles DescribeStacks at a few calls a second, so the limit is small.
func boundedMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    guard !items.isEmpty else { return [] }
    return await withTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<min(max(limit, 1), items.count) {
            let index = next, item = items[index]
            group.addTask { (index, await body(item)) }
            next += 1
        }
        while let (index, result) = await group.next() {
            results[index] = result
            if next < items.count {
                let index = next, item = items[index]
                group.addTask { (index, await body(item)) }
                next += 1
            }
        }
        return results.map { $0! }
    }
}

/// At most `limit` calls in flight across every probe that shares it: the stages of a
/// matrix probe at once, but together ask no more at a time than the bound allows.
public actor CallGate {
    public let limit: Int
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) {
        self.limit = max(limit, 1)
    }

    func enter() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the next waiting call, if any, else frees it.
    func leave() {
        if waiting.isEmpty {
            inFlight -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
