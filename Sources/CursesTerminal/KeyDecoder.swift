import CNcursesw
import Dashboard

/// Turns what `wget_wch` returns into a `Key`: function-key codes (KEY_UP…) and
/// characters (Enter, Tab, Esc, Backspace, Ctrl-letters, any printable character).
enum KeyDecoder {
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME, KEY_BEG: .home
        case KEY_END, KEY_LL: .end
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case pt_key_f0() + 1...pt_key_f0() + 63: .function(Int(code - pt_key_f0()))
        default: nil
        }
    }

    /// An SGR (1006) mouse report's body after `ESC [ <`: "0;250;5" with its final `M`
    /// (press) or `m` (release). Unlike X10 reports it has no column limit of 223.
    /// Nil for what the dashboard does not use (releases, drags, other buttons).
    static func sgrMouse(_ body: String, final: Character) -> MouseEvent? {
        let fields = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.count == 3, let button = fields[0], let x = fields[1], let y = fields[2], x > 0, y > 0,
              final == "M" else { return nil }
        let kind: MouseEvent.Kind
        switch button {
        case 0: kind = .press
        case 64: kind = .wheelUp
        case 65: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind: kind, row: y - 1, column: x - 1)
    }

    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))  // 1 is Ctrl-A
        case 28...31: return .control(Character(Unicode.Scalar(UInt8(code) + 64)))  // Ctrl-\ ] ^ _
        case 0x80..<0xA0: return nil  // C1 controls: never a character to act on
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}
