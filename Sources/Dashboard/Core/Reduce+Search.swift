import PlanKit

extension DashboardState {
    /// `/` opens the prompt: the list takes the focus, and Esc will come back here.
    mutating func openSearch() {
        search.origin = selectedItem
        search.originPhase = selectedPhase
        search.historyPosition = nil
        search.index = outline.items.map { Array(InlineMarkdown.plain($0.text).lowercased().utf8) }
        focus = .items
        mode = .search("")
    }

    /// Keys in the prompt. The search runs as the user types (incremental); Enter keeps
    /// it and remembers the query, Esc puts the selection back where it was.
    mutating func handleSearch(_ key: Key, query: String) {
        switch key {
        case .escape:
            mode = .normal
            searchMatches = []
            searchQuery = ""
            if let origin = search.origin { select(item: origin) } else { selectedPhase = search.originPhase; rebuildRows() }
            return
        case .enter:
            mode = .normal
            search.remember(query.trimmingCharacters(in: .whitespaces))
            runSearch(query)
            return
        case .up, .down:
            recall(key == .up ? -1 : 1)
            return
        case .backspace, .delete:
            mode = .search(String(query.dropLast()))
        case .control("u"):
            mode = .search("")
        case .control("w"):
            mode = .search(Self.droppingLastWord(query))
        case .character(let character) where !character.isNewline:
            mode = .search(query + String(character))
        default:
            return
        }
        if case .search(let typed) = mode { preview(typed) }
    }

    /// "deploy infra st" → "deploy infra ": Ctrl-W as in a shell.
    static func droppingLastWord(_ query: String) -> String {
        var text = Substring(query)
        while text.last == " " { text.removeLast() }
        while let last = text.last, last != " " { text.removeLast() }
        return String(text)
    }

    /// ↑ / ↓ in the prompt: the older / newer queries of this session.
    private mutating func recall(_ step: Int) {
        guard !search.history.isEmpty else { return }
        let last = search.history.count - 1
        let current = search.historyPosition ?? search.history.count
        let next = current + step
        if next > last {
            search.historyPosition = nil
            mode = .search("")
        } else {
            search.historyPosition = max(0, next)
            mode = .search(search.history[max(0, next)])
        }
        if case .search(let typed) = mode { preview(typed) }
    }

    /// The search as typed so far: the first match is selected, no message yet.
    private mutating func preview(_ typed: String) {
        let matches = findMatches(typed.trimmingCharacters(in: .whitespaces))
        searchQuery = typed.trimmingCharacters(in: .whitespaces)
        searchMatches = matches
        searchPosition = 0
        if let first = matches.first { select(item: first) }
    }

    /// Items an id names ("2.5", "TODO 2.5"), else items holding every word, in any order.
    func findMatches(_ query: String) -> [Int] {
        guard !query.isEmpty else { return [] }
        let named = outline.items(matching: query).map(\.index)
        // An exact id is what the user meant: "2.5" must not also find the "3.2.5" in a text.
        if !named.isEmpty { return named }
        let words = SearchQuery(query)
        if search.index.count == outline.items.count {
            return search.index.indices.filter { words.matches(lowercased: search.index[$0]) }
        }
        return outline.items.filter { words.matches(InlineMarkdown.plain($0.text)) }.map(\.index)
    }

    /// Runs a search to its end: selects the first match and says how many there are.
    mutating func runSearch(_ raw: String) {
        let query = raw.trimmingCharacters(in: .whitespaces)
        searchQuery = query
        guard !query.isEmpty else { searchMatches = []; return }
        let matches = findMatches(query)
        searchMatches = matches
        searchPosition = 0
        if let first = matches.first {
            select(item: first)
            say(matches.count == 1 ? "1 match for “\(query)”." : "\(matches.count) matches for “\(query)”; n/N for the next.")
        } else {
            say("No item matches “\(query)”.", kind: .warning)
        }
    }

    mutating func stepSearch(by delta: Int) {
        guard !searchMatches.isEmpty else {
            say("No search yet: press / and type an id or words.")
            return
        }
        searchPosition = (searchPosition + delta + searchMatches.count) % searchMatches.count
        select(item: searchMatches[searchPosition])
        say("Match \(searchPosition + 1) of \(searchMatches.count) for “\(searchQuery)”.")
    }

    /// Whether the search names items by their id (then the id is what is marked), not by words.
    var searchIsByID: Bool { !searchQuery.isEmpty && !outline.items(matching: searchQuery).isEmpty }
}
