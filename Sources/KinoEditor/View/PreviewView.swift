import KinoCore

extension Painter {
    /// The frame under the playhead as half-block character art (the front end paints sixel
    /// over it when the terminal can), with the frame counter and timecode below.
    mutating func drawPreview(_ state: EditorState, rect: Rect) {
        let inner = box(rect, title: "Preview", focused: state.focus == .preview)
        guard inner.height >= 2, inner.width >= 4 else { return }
        let picture = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        let rate = state.project.frameRate
        let hit = state.playheadShot
        let shot = hit.map { state.project.shots[$0.index] }
        if let p = state.preview, p.shot == shot?.id {
            if previewPicture { drawHalfBlocks(p.image, in: picture) }
        } else {
            var text = "no shots — :shot add"
            if let shot {
                if let job = state.jobs.last(where: { $0.shot == shot.id }) {
                    text = job.phase == .queued ? "\(job.label) queued" : "\(job.label) \(Int(job.progress * 100))%"
                } else {
                    switch state.shotStatus[shot.id]?.render ?? .notRendered {
                    case .notRendered: text = "not rendered — press r"
                    case .stale: text = "stale — press r to render again"
                    case .rendered: text = "loading frame…"
                    }
                }
            }
            let lines = wrap(text, width: picture.width)
            let top = picture.y + max(0, (picture.height - lines.count) / 2)
            for (i, l) in lines.enumerated() where top + i < picture.maxY {
                grid.put(l, col: picture.x + max(0, (picture.width - l.terminalWidth) / 2), row: top + i,
                         style: style("preview.empty"), maxCol: picture.maxX)
            }
        }
        var info = ""
        if let hit, let shot {
            info = "\(shot.id) f\(hit.local + 1)/\(shot.duration) \(rate.timecode(frame: state.playhead))"
            if let st = state.shotStatus[shot.id], st.takeCount > 0 { info += " take \(st.currentTake.map(String.init) ?? "–")/\(st.takeCount)" }
            if state.playing { info = "▶ " + info }
        }
        grid.put(info, col: inner.x, row: inner.maxY - 1, style: style("preview.info"), maxCol: inner.maxX)
    }

    /// Upper half block per cell: foreground is the top pixel, background the bottom one.
    /// The picture keeps its aspect ratio, centred in `rect`.
    mutating func drawHalfBlocks(_ frame: Frame, in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let aspect = Double(frame.width) / Double(frame.height)
        var w = rect.width, h = rect.height * 2
        if Double(w) / Double(h) > aspect { w = max(1, Int(Double(h) * aspect)) } else { h = max(2, Int(Double(w) / aspect)) }
        h -= h % 2
        guard h >= 2 else { return }
        let img = frame.resized(width: w, height: h)
        let x0 = rect.x + (rect.width - w) / 2
        let y0 = rect.y + (rect.height - h / 2) / 2
        let attributes: CellAttributes = []
        for row in 0..<(h / 2) {
            for col in 0..<w {
                let top = img.pixel(x: col, y: row * 2), bottom = img.pixel(x: col, y: row * 2 + 1)
                if theme.usesColor {
                    grid[x0 + col, y0 + row] = Cell("▀", style: CellStyle(fg: .rgb(top), bg: .rgb(bottom), attributes: attributes))
                } else {
                    // No colour: a luminance ramp in plain ASCII.
                    let luma = (Self.luma(top) + Self.luma(bottom)) / 2
                    let ramp = Array(" .:-=+*#%@")
                    grid[x0 + col, y0 + row] = Cell(String(ramp[min(ramp.count - 1, Int(luma * Double(ramp.count)))]))
                }
            }
        }
    }

    static func luma(_ c: RGB) -> Double { (0.2126 * Double(c.r) + 0.7152 * Double(c.g) + 0.0722 * Double(c.b)) / 255 }
}
