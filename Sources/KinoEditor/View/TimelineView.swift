import Foundation
import KinoCore

extension Painter {
    /// The timeline: ruler, scene bands, shot blocks (name; state and take), keyframe ticks and
    /// the playhead, at the viewport's zoom and scroll.
    mutating func drawTimeline(_ state: EditorState, rect: Rect) {
        let project = state.project
        let rate = project.frameRate
        let vp = state.timeline
        let visibleFrames = Int((Double(max(1, rect.width - 2)) * vp.framesPerCell).rounded(.up))
        let lastShown = min(project.duration, vp.firstFrame + visibleFrames)
        let range = "\(rate.timecode(frame: vp.firstFrame))–\(rate.timecode(frame: lastShown))"
        let zoom = vp.fitted ? "fit" : String(format: "%.1f f/cell", vp.framesPerCell)
        let inner = box(rect, title: "Timeline · \(project.shots.count) shots · \(rate.timecode(frame: project.duration))",
                        focused: state.focus == .timeline, right: "\(range) · \(zoom)")
        guard inner.height >= 5, inner.width >= 4 else { return }
        let fpc = vp.framesPerCell
        func column(_ frame: Int) -> Int { inner.x + Int((Double(frame - vp.firstFrame) / fpc).rounded(.down)) }
        let rowRuler = inner.y, rowScene = inner.y + 1, rowName = inner.y + 2, rowState = inner.y + 3
        let thumbRows = max(0, inner.height - 5)
        let rowKeys = inner.y + 4 + thumbRows

        // Ruler: a labelled tick every `step` seconds, dots on the seconds between when there is room.
        let fps = rate.doubleValue
        let cellsPerSecond = fps / fpc
        let steps = [1.0, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600]
        let step = steps.first { $0 * cellsPerSecond >= 10 } ?? 3600
        let firstSecond = Int((Double(vp.firstFrame) / fps).rounded(.down))
        let lastSecond = Int((Double(vp.firstFrame + visibleFrames) / fps).rounded(.up))
        let rulerStyle = style("timeline.ruler")
        if cellsPerSecond >= 3 {
            for s in firstSecond...max(firstSecond, lastSecond) {
                guard let f = try? rate.frames(seconds: Double(s)) else { break }
                let c = column(f)
                if c >= inner.x && c < inner.maxX { grid[c, rowRuler] = Cell("·", style: rulerStyle) }
            }
        }
        var t = (Double(firstSecond) / step).rounded(.down) * step
        while t <= Double(lastSecond) {
            guard let f = try? rate.frames(seconds: t) else { break }
            let c = column(f)
            if c >= inner.x && c < inner.maxX {
                grid[c, rowRuler] = Cell("╵", style: rulerStyle)
                grid.put(shortTime(t), col: c + 1, row: rowRuler, style: style("timeline.ruler.label"), maxCol: inner.maxX)
            }
            t += step
        }

        // Shots and scene bands.
        let starts = project.shotStarts
        var sceneRunStart = inner.x
        var sceneRunIndex = 0
        var coveredUntil = inner.x
        let selectedStyle = style("timeline.shot.selected"), staleStyle = style("timeline.shot.stale")
        let shotStyle = style("timeline.shot"), altStyle = style("timeline.shot.alt"), keyStyle = style("timeline.keyframe")
        for (i, shot) in project.shots.enumerated() {
            let s = starts[i], e = s + shot.duration
            if e <= vp.firstFrame { continue }
            if s >= vp.firstFrame + visibleFrames { break }
            let c0 = max(inner.x, column(s))
            let c1 = min(inner.maxX, max(column(e), column(s) + 1))
            guard c1 > c0 else { continue }
            // Scene band: a new run starts when the scene changes.
            let nextScene = i + 1 < project.shots.count ? project.shots[i + 1].sceneID : nil
            if i == 0 || project.shots[i - 1].sceneID != shot.sceneID { sceneRunStart = c0 }
            if nextScene != shot.sceneID || e >= vp.firstFrame + visibleFrames {
                let band = Rect(x: sceneRunStart, y: rowScene, width: c1 - sceneRunStart, height: 1)
                let sstyle = style(sceneRunIndex % 2 == 0 ? "timeline.scene" : "timeline.scene.alt")
                grid.fill(band, with: Cell(" ", style: sstyle))
                let name = project.scene(shot.sceneID)?.name ?? shot.sceneID.raw
                grid.put(" " + name, col: band.x, row: rowScene, style: sstyle, maxCol: band.maxX)
                sceneRunIndex += 1
            }
            // Where many shots share a cell (a long sequence zoomed out), the first one drawn
            // keeps it; the selected shot and shots with jobs always draw.
            let selected = shot.id == state.selectedShot
            let job = state.jobs.isEmpty ? nil : state.jobs.last { $0.shot == shot.id }
            if c1 <= coveredUntil && !selected && job == nil { continue }
            coveredUntil = max(coveredUntil, c1)
            let cells = Rect(x: c0, y: rowName, width: c1 - c0, height: 2 + thumbRows)
            let status = state.shotStatus[shot.id]
            let blockStyle = selected ? selectedStyle : (status?.render == .stale ? staleStyle : (i % 2 == 0 ? shotStyle : altStyle))
            grid.fill(cells, with: Cell(" ", style: blockStyle))
            if c1 - c0 >= 2 {
                grid[c0, rowName] = Cell("▏", style: blockStyle)
                grid.put("\(i + 1) \(shot.title)", col: c0 + 1, row: rowName, style: blockStyle, maxCol: c1)
            } else {
                grid[c0, rowName] = Cell(selected ? "█" : "▏", style: blockStyle)
            }
            // State row: what the file holds and what is running, with the take badge.
            var label: String
            var stateRole: String
            if let job {
                if job.phase == .queued { label = "… queued"; stateRole = "timeline.state.queued" } else {
                    label = "⟳ \(Int(job.progress * 100))%"; stateRole = "timeline.state.rendering"
                }
            } else {
                switch status?.render ?? .notRendered {
                case .rendered: label = "● rendered"; stateRole = "timeline.state.rendered"
                case .stale: label = "◐ stale"; stateRole = "timeline.state.stale"
                case .notRendered: label = "○ not rendered"; stateRole = "timeline.state"
                }
            }
            if let st = status, st.takeCount > 0 { label += " \(st.currentTake.map(String.init) ?? "–")/\(st.takeCount)" }
            var ss = style(stateRole)
            ss.bg = blockStyle.bg
            if selected { ss.fg = blockStyle.fg; ss.attributes.insert(.bold) }
            if c1 - c0 >= 3 {
                grid.put(" " + label, col: c0, row: rowState, style: ss, maxCol: c1)
            }
            if let job, job.phase == .running {
                let filled = Int(Double(c1 - c0) * job.progress)
                let rs = style("timeline.shot.rendering")
                grid.restyle(Rect(x: c0, y: rowState, width: filled, height: 1)) { $0.fg = rs.fg; $0.bg = rs.bg }
            }
            // A thumbnail of the current take when the block is wide enough.
            if thumbRows > 0, let thumb = status?.thumbnail, c1 - c0 >= 6 {
                drawThumbnail(thumb, in: Rect(x: c0 + 1, y: rowState + 1, width: c1 - c0 - 1, height: thumbRows))
            }
            // Camera keyframe ticks.
            for curve in shot.camera.channels.values where curve.keys.count > 1 {
                for k in curve.keys {
                    let c = column(s + Int(k.frame.rounded()))
                    if c >= c0 && c < c1 { grid[c, rowKeys] = Cell("◆", style: keyStyle) }
                }
            }
        }

        // Playhead.
        let pc = column(state.playhead)
        if pc >= inner.x && pc < inner.maxX {
            let ph = style("timeline.playhead")
            grid[pc, rowRuler] = Cell("▼", style: ph)
            grid[pc, rowKeys] = Cell("▲", style: ph)
            grid.restyle(Rect(x: pc, y: rowScene, width: 1, height: 3 + thumbRows)) { $0.fg = ph.fg; $0.attributes.insert(.bold) }
            for r in [rowName, rowState] where grid[pc, r].text == " " { grid[pc, r].text = "│" }
        }
    }
}

extension Painter {
    /// A thumbnail in half blocks at the left of `rect`, its aspect kept (mono: nothing).
    mutating func drawThumbnail(_ frame: Frame, in rect: Rect) {
        guard theme.usesColor, rect.width > 0, rect.height > 0 else { return }
        let h = rect.height * 2
        let w = min(rect.width, max(1, Int(Double(h) * Double(frame.width) / Double(frame.height) * 1.0)))
        let img = frame.resized(width: w, height: h)
        for row in 0..<rect.height {
            for col in 0..<w {
                grid[rect.x + col, rect.y + row] = Cell("▀", style: CellStyle(fg: .rgb(img.pixel(x: col, y: row * 2)),
                                                                              bg: .rgb(img.pixel(x: col, y: row * 2 + 1))))
            }
        }
    }
}

/// "0:05", "1:30", "1:00:00" for ruler labels.
func shortTime(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) }
    return String(format: "%d:%02d", s / 60, s % 60)
}
