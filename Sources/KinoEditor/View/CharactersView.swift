import KinoCore

extension Painter {
    /// Characters (with colour swatches of their stored appearance) and lighting setups, and
    /// which shots use each.
    mutating func drawCharacters(_ state: EditorState, rect: Rect) {
        guard !rect.isEmpty else { return }
        let p = state.project
        let focused = state.focus == .characters
        let inner = box(rect, title: "Characters & lighting", focused: focused)
        guard inner.height >= 1, inner.width >= 10 else { return }
        var row = inner.y
        var item = 0
        let nameStyle = style("characters.name"), usage = style("characters.usage")
        func usageText(_ ids: [String]) -> String {
            if ids.isEmpty { return "unused" }
            return ids.count > 6 ? ids.prefix(6).joined(separator: " ") + " +\(ids.count - 6)" : ids.joined(separator: " ")
        }
        if p.characters.isEmpty && p.lightingSetups.isEmpty {
            grid.put("none yet — kino character add / kino lighting add", col: inner.x, row: row, style: style("ui.text.dim"), maxCol: inner.maxX)
            return
        }
        for c in p.characters where row < inner.maxY {
            let a = c.appearance
            var x = inner.x
            let marker = focused && item == state.listSelection ? "▸" : " "
            x = grid.put(marker, col: x, row: row, style: nameStyle)
            for color in [a.skin, a.hair, a.top, a.bottom] {
                grid[x, row] = Cell(theme.usesColor ? " " : "■", style: CellStyle(fg: .rgb(color), bg: .rgb(color)))
                x += 1
            }
            x = grid.put(" \(c.name)", col: x, row: row, style: nameStyle, maxCol: inner.maxX)
            if c.reference != nil { x = grid.put(" ⧉", col: x, row: row, style: usage, maxCol: inner.maxX) }
            grid.put("  " + usageText(p.shots(using: c.id).map(\.id.raw)), col: x, row: row, style: usage, maxCol: inner.maxX)
            row += 1; item += 1
        }
        for l in p.lightingSetups where row < inner.maxY {
            let marker = focused && item == state.listSelection ? "▸" : " "
            var x = grid.put(marker + "☀ ", col: inner.x, row: row, style: nameStyle)
            x = grid.put(l.name, col: x, row: row, style: nameStyle, maxCol: inner.maxX)
            let users = p.scenes.filter { $0.lightingID == l.id }.map(\.id.raw) + p.shots.filter { $0.lightingID == l.id }.map(\.id.raw)
            let detail = "  \(Int(l.colorTemperature)) K \(l.timeOfDay.rawValue) \(l.weather.rawValue) · " + usageText(users)
            grid.put(detail, col: x, row: row, style: usage, maxCol: inner.maxX)
            row += 1; item += 1
        }
    }
}
