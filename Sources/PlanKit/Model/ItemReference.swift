/// How a user, a config key or a sentence names one task item: by its TODO id
/// (`2.5`, `2.5a`), else by the 1-based line its first line stands on (`L48`).
/// The one place that formats, parses and names items, so `mark`, `checks:` keys,
/// lint, verify and the dashboard agree.
public enum ItemReference: Hashable, Sendable, CustomStringConvertible {
    case id(String)
    case line(Int)

    /// Reads what a user types: `2.5`, `2.5a`, `TODO 2.5`, `L48` or `l48`.
    /// Nil when the text is none of these.
    public init?(parsing text: String) {
        var text = Substring(text.trimmingSpaces)
        if let first = text.first, first == "L" || first == "l", let line = Int(text.dropFirst()), line > 0,
           text.dropFirst().allSatisfy(\.isASCIIDigitCharacter) {
            self = .line(line)
            return
        }
        if text.count > 5, text.prefix(5).uppercased() == "TODO " { text = text.dropFirst(5) }
        guard TaskID.isValid(String(text)) else { return nil }
        self = .id(String(text))
    }

    /// `2.5` or `L48`: what `plantrack mark` and `checks:` keys take.
    public var description: String {
        switch self {
        case .id(let id): id
        case .line(let line): "L\(line)"
        }
    }

    /// `TODO 2.5` or `line 48`: how sentences and headings name the item.
    public var name: String {
        switch self {
        case .id(let id): "TODO \(id)"
        case .line(let line): "line \(line)"
        }
    }

    /// The same name at the start of a sentence: `TODO 2.5`, `Line 48`.
    public var capitalizedName: String {
        switch self {
        case .id: name
        case .line(let line): "Line \(line)"
        }
    }

    public var id: String? {
        if case .id(let id) = self { return id }
        return nil
    }

    /// Whether `item` is the item this reference names (an id names every item that carries it).
    public func names(_ item: PlanItem) -> Bool { names(id: item.id, line: item.line) }

    /// The same test for an item known by its id and first line.
    public func names(id itemID: String?, line itemLine: Int) -> Bool {
        switch self {
        case .id(let id): itemID == id
        case .line(let line): itemLine == line
        }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
