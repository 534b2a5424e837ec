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
