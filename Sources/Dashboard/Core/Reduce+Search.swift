import PlanKit

extension DashboardState {
    mutating func handleSearch(_ key: Key, query: String) {
        switch key {
        case .escape:
            mode = .normal
        case .enter:
            mode = .normal
            runSearch(query)
        case .backspace, .delete:
            mode = .search(String(query.dropLast()))
        case .control("u"):
            mode = .search("")
        case .character(let character) where !character.isNewline:
            mode = .search(query + String(character))
        default:
            break
        }
    }

    /// Finds items by id first ("2.5", "TODO 2.5"), then by words in their text.
    mutating func runSearch(_ raw: String) {
        let query = raw.trimmingCharacters(in: .whitespaces)
        searchQuery = query
        guard !query.isEmpty else { searchMatches = []; return }
        var matches = outline.items(matching: query).map(\.index)
        let needle = query.lowercased()
        // An exact id is what the user meant: "2.5" must not also find the "3.2.5" in a text.
        if matches.isEmpty {
            matches = outline.items.filter { InlineMarkdown.plain($0.text).lowercased().contains(needle) }.map(\.index)
        }
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
}

import Foundation
