/// The lines of the help overlay, generated from the Keymap and the command table, so the
/// overlay always says what the keys do.
public func helpLines(keymap: Keymap = .standard) -> [String] {
    var lines: [String] = []
    for mode in KeymapMode.allCases {
        lines.append("# " + mode.title)
        for e in keymap.entries(in: mode) {
            lines.append("  " + pad(Keymap.keyList(e.keys), 22) + " " + e.help)
        }
        lines.append("")
    }
    lines.append("# Commands (type : then the command; Tab completes, ↑/↓ history)")
    for c in EditorCommands.specs {
        lines.append("  " + pad(c.usage, 22) + " " + c.help)
    }
    return lines
}

func pad(_ s: String, _ width: Int) -> String {
    let w = s.terminalWidth
    return w >= width ? s : s + String(repeating: " ", count: width - w)
}

/// The standard table's help, built once.
let standardHelpLines = helpLines()

extension EditorState {
    /// Where the help overlay sits: drawing and paging both use it.
    var helpRect: Rect {
        let width = min(size.cols - 4, 100)
        return Rect(x: (size.cols - width) / 2, y: 2, width: width, height: size.rows - 4)
    }

    /// Lines of help one page shows (inside the box).
    var helpPageHeight: Int { max(1, helpRect.height - 2) }

    /// Scrolls the help by `lines`, kept between the top and the last full page.
    mutating func scrollHelp(by lines: Int) {
        helpScroll = min(max(0, helpScroll + lines), max(0, standardHelpLines.count - helpPageHeight))
    }
}

extension Painter {
    mutating func drawHelp(_ state: EditorState, size: TerminalSize) {
        let lines = standardHelpLines
        let inner = box(state.helpRect, title: "Help · j/k scroll · PgUp/PgDn page · Esc close", focused: true)
        let bg = style("help")
        grid.fill(inner, with: Cell(" ", style: bg))
        let scroll = min(state.helpScroll, max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            let row = inner.y + i
            if line.hasPrefix("# ") {
                grid.put(String(line.dropFirst(2)), col: inner.x + 1, row: row, style: style("help.title"), maxCol: inner.maxX)
            } else {
                let keyPart = String(line.prefix(24))
                let x = grid.put(keyPart, col: inner.x + 1, row: row, style: style("help.key"), maxCol: inner.maxX)
                grid.put(String(line.dropFirst(24)), col: x, row: row, style: bg, maxCol: inner.maxX)
            }
        }
    }
}
