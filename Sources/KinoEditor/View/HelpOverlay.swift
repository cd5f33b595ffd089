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

extension Painter {
    mutating func drawHelp(_ state: EditorState, size: TerminalSize) {
        let lines = standardHelpLines
        let width = min(size.cols - 4, 100)
        let height = size.rows - 4
        let rect = Rect(x: (size.cols - width) / 2, y: 2, width: width, height: height)
        let inner = box(rect, title: "Help · j/k scroll · Esc close", focused: true)
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
