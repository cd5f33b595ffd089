import Foundation
import KinoCore

/// Draws the whole editor for a state: a pure function from values to a CellGrid. The
/// front end only flushes the grid (and paints sixel over `previewImageRect`; it then passes
/// `previewPicture: false` so the pane's picture area is left blank under the sixel).
public func render(_ state: EditorState, theme: Theme, size: TerminalSize? = nil, previewPicture: Bool = true) -> CellGrid {
    let size = size ?? state.size
    var grid = CellGrid(width: size.cols, height: size.rows, fill: Cell(" ", style: theme.style("ui.background")))
    if size.isTooSmall {
        drawTooSmall(&grid, size: size, theme: theme)
        return grid
    }
    let layout = Layout(size: size, focus: state.focus)
    var painter = Painter(grid: grid, theme: theme, previewPicture: previewPicture)
    painter.drawPreview(state, rect: layout.preview)
    painter.drawInspector(state, rect: layout.inspector)
    painter.drawTimeline(state, rect: layout.timeline)
    painter.drawCurves(state, rect: layout.curves)
    painter.drawCharacters(state, rect: layout.characters)
    painter.drawStatus(state, rect: layout.status)
    painter.drawCommandLine(state, rect: layout.commandLine)
    if state.helpVisible { painter.drawHelp(state, size: size) }
    return painter.grid
}

/// Where the preview picture goes (inside the preview pane, above its info line): the front
/// end paints sixel here.
public func previewImageRect(size: TerminalSize, focus: Pane) -> Rect {
    let inner = Layout(size: size, focus: focus).preview.inset(1)
    return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
}

private func drawTooSmall(_ grid: inout CellGrid, size: TerminalSize, theme: Theme) {
    let need = TerminalSize.minimum
    let text = "terminal too small (need \(need.cols)x\(need.rows), have \(size.cols)x\(size.rows))"
    let lines = wrap(text, width: max(1, size.cols))
    let top = max(0, (size.rows - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let x = max(0, (size.cols - line.terminalWidth) / 2)
        grid.put(line, col: x, row: top + i, style: theme.style("message.error"))
    }
}

/// Greedy word wrap to `width` columns; long words are cut. Newlines start new lines.
func wrap(_ text: String, width: Int) -> [String] {
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            var w = String(word)
            var ww = w.terminalWidth
            if lineWidth > 0 && lineWidth + 1 + ww > width {
                out.append(line); line = ""; lineWidth = 0
            }
            while ww > width {
                let head = String(w.prefix(width))
                out.append(head); w = String(w.dropFirst(width)); ww = w.terminalWidth
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            line += w; lineWidth += ww
        }
        out.append(line)
    }
    return out
}

/// The grid being drawn and the theme it is drawn with; one method per pane.
struct Painter {
    var grid: CellGrid
    let theme: Theme
    var previewPicture = true

    func style(_ role: String) -> CellStyle { theme.style(role) }

    /// A bordered pane with a title; returns the inside.
    @discardableResult
    mutating func box(_ rect: Rect, title: String, focused: Bool, right: String = "") -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let b = style(focused ? "ui.border.focused" : "ui.border")
        let (h, v, tl, tr, bl, br) = focused ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "┌", "┐", "└", "┘")
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(h, style: b))
        grid.fill(Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), with: Cell(h, style: b))
        grid.fill(Rect(x: rect.x, y: rect.y, width: 1, height: rect.height), with: Cell(v, style: b))
        grid.fill(Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height), with: Cell(v, style: b))
        grid[rect.x, rect.y] = Cell(tl, style: b)
        grid[rect.maxX - 1, rect.y] = Cell(tr, style: b)
        grid[rect.x, rect.maxY - 1] = Cell(bl, style: b)
        grid[rect.maxX - 1, rect.maxY - 1] = Cell(br, style: b)
        let t = style(focused ? "ui.title.focused" : "ui.title")
        let end = grid.put(" \(title) ", col: rect.x + 2, row: rect.y, style: t, maxCol: rect.maxX - 2)
        if !right.isEmpty {
            let w = right.terminalWidth + 2
            let x = rect.maxX - 2 - w
            if x > end { grid.put(" \(right) ", col: x, row: rect.y, style: t, maxCol: rect.maxX - 1) }
        }
        let inner = rect.inset(1)
        grid.fill(inner, with: Cell(" ", style: style("ui.background")))
        return inner
    }

    /// The status line: mode, selection, playhead, jobs with progress bars, the last message.
    mutating func drawStatus(_ state: EditorState, rect: Rect) {
        let base = style("status")
        grid.fill(rect, with: Cell(" ", style: base))
        let modeRole = state.mode == .normal ? "status.mode" : "status.mode.\(state.mode.rawValue)"
        var x = grid.put(" \(state.mode.rawValue.uppercased()) ", col: rect.x, row: rect.y, style: style(modeRole))
        let rate = state.project.frameRate
        var sel = " "
        if let i = state.selectedIndex {
            sel += "\(state.project.shots[i].id) \(i + 1)/\(state.project.shots.count)"
        } else {
            sel += "no shots"
        }
        sel += " · \(rate.timecode(frame: state.playhead)) · f\(state.playhead)"
        if state.playing { sel += " ▶" }
        x = grid.put(sel + " ", col: x, row: rect.y, style: base, maxCol: rect.maxX)
        for job in state.jobs {
            guard x < rect.maxX - 12 else { break }
            x = grid.put("│ ", col: x, row: rect.y, style: base, maxCol: rect.maxX)
            let jobStyle = style("status.job")
            if job.phase == .queued {
                x = grid.put("\(job.label) queued ", col: x, row: rect.y, style: jobStyle, maxCol: rect.maxX)
            } else {
                x = grid.put("\(job.label) ", col: x, row: rect.y, style: jobStyle, maxCol: rect.maxX)
                x = grid.put(progressBar(job.progress, width: 10) + " \(Int(job.progress * 100))% ", col: x, row: rect.y,
                             style: style("status.job.bar"), maxCol: rect.maxX)
            }
        }
        let right = " \(state.project.settings.name) · \(rate) fps · \(state.themeName) "
        let rx = rect.maxX - right.terminalWidth
        if rx > x + 1 { grid.put(right, col: rx, row: rect.y, style: base) }
    }

    /// The bottom line: the command being typed (with completions above it), else the last message.
    mutating func drawCommandLine(_ state: EditorState, rect: Rect) {
        grid.fill(rect, with: Cell(" ", style: style("ui.background")))
        if state.mode == .command {
            let buffer = state.commandLine.buffer
            let x0 = grid.put(":", col: rect.x, row: rect.y, style: style("command"))
            grid.put(buffer.text, col: x0, row: rect.y, style: style("command"), maxCol: rect.maxX)
            let cursorCol = x0 + String(buffer.characters.prefix(buffer.cursor)).terminalWidth
            grid.cursor = (min(cursorCol, rect.maxX - 1), rect.y)
            let list = state.commandLine.completions
            if list.count > 1 {
                // Completions overlay the status line.
                let row = rect.y - 1
                grid.fill(Rect(x: rect.x, y: row, width: rect.width, height: 1), with: Cell(" ", style: style("command.completion")))
                var x = rect.x + 1
                for (i, c) in list.enumerated() {
                    let word = String(c.split(separator: " ").last ?? Substring(c))
                    let role = i == state.commandLine.completionIndex ? "command.completion.selected" : "command.completion"
                    x = grid.put(" \(word) ", col: x, row: row, style: style(role), maxCol: rect.maxX)
                    if x >= rect.maxX - 1 { break }
                }
            }
        } else if let m = state.message {
            grid.put(m.text, col: rect.x, row: rect.y, style: style(m.isError ? "message.error" : "message.info"), maxCol: rect.maxX)
        } else {
            grid.put("? help  : command  Tab panes  h/l shots  ,/. frames  i edit prompt  r render  u undo  q quit",
                     col: rect.x, row: rect.y, style: style("ui.text.dim"), maxCol: rect.maxX)
        }
    }
}

/// "████▌     " for 0…1 over `width` cells.
func progressBar(_ fraction: Double, width: Int) -> String {
    let eighths = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded())
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var s = String(repeating: "█", count: eighths / 8)
    if eighths % 8 > 0 { s += partials[eighths % 8] }
    return s + String(repeating: "░", count: max(0, width - s.count))
}
