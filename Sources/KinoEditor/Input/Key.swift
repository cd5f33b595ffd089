/// One key press as the editor sees it, independent of the terminal library.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Swift.Character)
    case ctrl(Swift.Character)
    case alt(Swift.Character)
    case up, down, left, right
    case ctrlLeft, ctrlRight
    case home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete
    case function(Int)
    /// Stands for "any printable character" in keymap entries of the text modes.
    case anyPrintable

    /// The name printed in help and Docs/Keymap.md.
    public var description: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .alt(let c): return "alt-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .ctrlLeft: return "ctrl-←"
        case .ctrlRight: return "ctrl-→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .tab: return "Tab"
        case .backTab: return "shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .function(let n): return "F\(n)"
        case .anyPrintable: return "any character"
        }
    }

    /// The character a text mode inserts for this key, if it is printable.
    public var printable: Swift.Character? {
        if case .char(let c) = self, c.terminalWidth > 0 { return c }
        return nil
    }
}

/// A mouse press at a cell.
public struct MouseClick: Hashable, Sendable {
    public var col: Int
    public var row: Int
    public init(col: Int, row: Int) { self.col = col; self.row = row }
}
