import Foundation

/// JSON with its keys in the order written: CONTRACT §5's shapes read best as given,
/// and JSONEncoder cannot keep an order. The one JSON writer for every command's
/// `--json` (status, lint, probe, verify, history).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Int)
    /// A number with a fraction (a rate): written as Swift's shortest exact form, `2.5`.
    case decimal(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    public static func optional(_ number: Int?) -> JSONValue { number.map(JSONValue.number) ?? .null }

    /// Pretty output indents two spaces a level, up to `maxIndentLevels`: deeper values
    /// keep that indent, so a plan nested thousands deep gives output linear in its size.
    public static let maxIndentLevels = 32

    /// The text. Written with an explicit stack, not recursion: a 10 000-deep plan
    /// cannot overflow the call stack.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        var stack: [Frame] = [.value(self, depth: 0)]
        while let frame = stack.popLast() {
            switch frame {
            case .text(let text):
                out += text
            case .value(let value, let depth):
                value.writeOpening(into: &out, depth: depth, pretty: pretty, stack: &stack)
            }
        }
        return out
    }

    private enum Frame {
        case value(JSONValue, depth: Int)
        case text(String)
    }

    /// Writes a scalar, or an opening bracket and pushes the members (in reverse, since
    /// the stack pops last first) followed by the closing bracket.
    private func writeOpening(into out: inout String, depth: Int, pretty: Bool, stack: inout [Frame]) {
        let newline = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: min(depth + 1, Self.maxIndentLevels)) : ""
        let closePad = pretty ? String(repeating: "  ", count: min(depth, Self.maxIndentLevels)) : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += String(n)
        case .decimal(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null"
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            out += "[" + newline
            stack.append(.text(newline + closePad + "]"))
            for (i, value) in values.enumerated().reversed() {
                if i < values.count - 1 { stack.append(.text("," + newline)) }
                stack.append(.value(value, depth: depth + 1))
                stack.append(.text(pad))
            }
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + newline
            stack.append(.text(newline + closePad + "}"))
            for (i, (key, value)) in members.enumerated().reversed() {
                if i < members.count - 1 { stack.append(.text("," + newline)) }
                stack.append(.value(value, depth: depth + 1))
                var head = pad
                Self.writeString(key, into: &head)
                head += pretty ? ": " : ":"
                stack.append(.text(head))
            }
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.decimal(let a), .decimal(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}
