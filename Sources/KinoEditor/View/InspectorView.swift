import Foundation
import KinoCore

extension Painter {
    /// The selected shot: prompt (editable in insert mode), duration, seed, scene, cast,
    /// lighting, camera, takes, and the words the interpreter did not understand.
    mutating func drawInspector(_ state: EditorState, rect: Rect) {
        guard !rect.isEmpty else { return }
        let editing = state.mode == .insert
        let inner = box(rect, title: editing ? "Inspector · editing prompt" : "Inspector", focused: state.focus == .inspector,
                        right: editing ? "Esc keep · ctrl-c discard" : "")
        guard inner.height >= 3, inner.width >= 10 else { return }
        guard let shot = state.selected, let index = state.selectedIndex else {
            grid.put("no shot selected — :shot add", col: inner.x, row: inner.y, style: style("ui.text.dim"), maxCol: inner.maxX)
            return
        }
        let p = state.project
        let rate = p.frameRate
        let label = style("inspector.label"), value = style("inspector.value")
        var row = inner.y
        var nameStyle = value; nameStyle.attributes.insert(.bold)
        var x = grid.put("\(shot.id) · shot \(index + 1)/\(p.shots.count)  ", col: inner.x, row: row, style: nameStyle, maxCol: inner.maxX)
        x = grid.put(shot.name.isEmpty ? "(no name)" : shot.name, col: x, row: row, style: value, maxCol: inner.maxX)
        let scene = p.scene(shot.sceneID)?.name ?? shot.sceneID.raw
        let sceneText = "scene \(scene)"
        if inner.maxX - sceneText.terminalWidth > x + 1 {
            grid.put(sceneText, col: inner.maxX - sceneText.terminalWidth, row: row, style: label)
        }
        row += 1
        let status = state.shotStatus[shot.id]
        var fields: [(String, String)] = [
            ("duration", String(format: "%.2f s (%d f)", rate.seconds(frames: shot.duration), shot.duration)),
            ("seed", "\(shot.seed)"),
        ]
        if let st = status {
            fields.append(("take", st.takeCount == 0 ? "none" : "\(st.currentTake.map(String.init) ?? "–")/\(st.takeCount)"))
            fields.append(("state", st.render.rawValue))
        }
        row = putFields(fields, row: row, in: inner, label: label, value: value)
        let lighting = p.effectiveLighting(for: shot).map { $0.name + (shot.lightingID == nil ? " (scene)" : "") } ?? "none"
        let camera = shot.cameraPreset.map { $0.rawValue + (shot.cameraIsExplicit ? "" : " (prompt)") }
            ?? (shot.cameraIsExplicit ? "custom keys" : "from prompt")
        row = putFields([("lighting", lighting), ("camera", camera)], row: row, in: inner, label: label, value: value)
        let cast = shot.cast.map { m in
            let n = p.character(m.characterID)?.name ?? m.characterID.raw
            return m.blocking.isEmpty ? n : "\(n) (\(m.blocking))"
        }.joined(separator: ", ")
        row = putFields([("cast", cast.isEmpty ? "nobody" : cast)], row: row, in: inner, label: label, value: value)
        if let words = status?.segmentWords {
            row = putFields([("take's new part", "\u{201C}\(words)\u{201D}")], row: row, in: inner, label: label, value: value)
        }
        guard row < inner.maxY else { return }
        grid.put("prompt", col: inner.x, row: row, style: label)
        row += 1

        let ignored = status?.ignoredWords ?? []
        let reserved = ignored.isEmpty ? 0 : 1
        let promptArea = Rect(x: inner.x, y: row, width: inner.width, height: max(0, inner.maxY - row - reserved))
        if editing, let buffer = state.promptBuffer {
            drawEditablePrompt(buffer, in: promptArea)
        } else {
            let lines = wrap(shot.prompt.isEmpty ? "(empty — press i to write one)" : shot.prompt, width: promptArea.width)
            for (i, l) in lines.prefix(promptArea.height).enumerated() {
                grid.put(l, col: promptArea.x, row: promptArea.y + i, style: style(shot.prompt.isEmpty ? "ui.text.dim" : "inspector.prompt"))
            }
        }
        if !ignored.isEmpty {
            grid.put("not understood: " + ignored.joined(separator: ", "), col: inner.x, row: inner.maxY - 1,
                     style: style("inspector.ignored"), maxCol: inner.maxX)
        }
    }

    /// "label value   label value" on as many rows as needed.
    private mutating func putFields(_ fields: [(String, String)], row: Int, in inner: Rect, label: CellStyle, value: CellStyle) -> Int {
        var row = row, x = inner.x
        for (name, text) in fields {
            let w = name.terminalWidth + 1 + text.terminalWidth
            if x > inner.x && x + w > inner.maxX { row += 1; x = inner.x }
            guard row < inner.maxY else { return row }
            x = grid.put(name + " ", col: x, row: row, style: label, maxCol: inner.maxX)
            x = grid.put(text, col: x, row: row, style: value, maxCol: inner.maxX) + 3
        }
        return row + 1
    }

    /// The prompt being edited, wrapped, with the terminal cursor at the buffer's cursor.
    private mutating func drawEditablePrompt(_ buffer: TextBuffer, in area: Rect) {
        guard area.height > 0, area.width > 1 else { return }
        let editStyle = style("inspector.prompt.editing")
        grid.fill(area, with: Cell(" ", style: editStyle))
        let lines = wrapRanges(buffer.characters, width: area.width - 1)
        let cursorLine = lines.lastIndex { $0.lowerBound <= buffer.cursor } ?? 0
        let first = max(0, cursorLine - area.height + 1)
        for (i, r) in lines.enumerated() where i >= first && i - first < area.height {
            let text = String(buffer.characters[r])
            grid.put(text, col: area.x, row: area.y + i - first, style: editStyle, maxCol: area.maxX)
        }
        let r = lines[cursorLine]
        let col = String(buffer.characters[r.lowerBound..<min(buffer.cursor, r.upperBound)]).terminalWidth
        grid.cursor = (area.x + min(col, area.width - 1), area.y + cursorLine - first)
        let cursorStyle = style("ui.cursor")
        let cx = area.x + min(col, area.width - 1), cy = area.y + cursorLine - first
        grid.restyle(Rect(x: cx, y: cy, width: 1, height: 1)) { $0 = cursorStyle }
    }
}

/// Word-wrapped lines of `chars` as index ranges (newlines end a line and are not included),
/// so a cursor index maps to a line and column.
func wrapRanges(_ chars: [Swift.Character], width: Int) -> [Range<Int>] {
    let width = max(1, width)
    var out: [Range<Int>] = []
    var lineStart = 0
    var col = 0
    var lastSpace: Int?
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if c == "\n" {
            out.append(lineStart..<i)
            lineStart = i + 1; col = 0; lastSpace = nil; i += 1
            continue
        }
        let w = c.terminalWidth
        if col + w > width && i > lineStart {
            if let sp = lastSpace, sp > lineStart {
                out.append(lineStart..<(sp + 1))
                lineStart = sp + 1
            } else {
                out.append(lineStart..<i)
                lineStart = i
            }
            col = chars[lineStart..<i].reduce(0) { $0 + $1.terminalWidth }
            lastSpace = nil
            continue
        }
        if c == " " { lastSpace = i }
        col += w
        i += 1
    }
    out.append(lineStart..<chars.count)
    return out
}
