import Foundation
import KinoCore

/// A canvas of braille dots (2x4 per cell) for drawing curves in a terminal.
struct BrailleCanvas {
    let cols: Int, rows: Int
    private(set) var bits: [UInt8]
    init(cols: Int, rows: Int) { self.cols = cols; self.rows = rows; bits = Array(repeating: 0, count: max(0, cols * rows)) }
    var dotWidth: Int { cols * 2 }
    var dotHeight: Int { rows * 4 }
    mutating func set(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let masks: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        bits[(y / 4) * cols + x / 2] |= masks[x % 2][y % 4]
    }
    func character(col: Int, row: Int) -> String? {
        let b = bits[row * cols + col]
        guard b != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(b)) else { return nil }
        return String(Swift.Character(scalar))
    }
}

extension Painter {
    /// One channel of the selected shot's camera path in braille, keys marked, the selected
    /// key highlighted with its handles, the playhead as a dotted line.
    mutating func drawCurves(_ state: EditorState, rect: Rect) {
        guard !rect.isEmpty else { return }
        let channel = state.curve.channel
        let inner = box(rect, title: "Curve · \(channel.rawValue)", focused: state.focus == .curves,
                        right: "c channel · n/p key · ? keys")
        guard inner.height >= 4, inner.width >= 16 else { return }
        guard let shot = state.selected else {
            grid.put("no shot selected", col: inner.x, row: inner.y, style: style("ui.text.dim"))
            return
        }
        let curve = shot.camera[channel]
        let keys = curve.keys
        let k = min(state.curve.key, max(0, keys.count - 1))
        var info = "\(keys.count) key\(keys.count == 1 ? "" : "s")"
        if k < keys.count {
            let key = keys[k]
            info = "key \(k + 1)/\(keys.count) · frame \(Int(key.frame)) · \(formatValue(key.value))\(channel.unit) · \(key.interpolation.rawValue)"
            if ![.constant, .linear, .bezier].contains(key.interpolation) { info += " \(key.easing.rawValue)" }
            info += " · handles \(key.handleType.rawValue)"
        }
        grid.put(info, col: inner.x, row: inner.y, style: style("curve.label"), maxCol: inner.maxX)

        let gutter = 8
        let plot = Rect(x: inner.x + gutter, y: inner.y + 1, width: inner.width - gutter, height: inner.height - 1)
        guard plot.width >= 4, plot.height >= 2 else { return }
        var canvas = BrailleCanvas(cols: plot.width, rows: plot.height)
        let lastFrame = Double(max(1, shot.duration - 1, Int(keys.last?.frame ?? 0)))
        var samples: [Double] = []
        samples.reserveCapacity(canvas.dotWidth)
        for px in 0..<canvas.dotWidth {
            samples.append(curve.value(at: Double(px) / Double(canvas.dotWidth - 1) * lastFrame))
        }
        var lo = (samples + keys.map(\.value)).min() ?? 0, hi = (samples + keys.map(\.value)).max() ?? 1
        if k < keys.count && keys[k].interpolation == .bezier {
            let key = keys[k]
            lo = min(lo, key.value + key.leftHandle.dv, key.value + key.rightHandle.dv)
            hi = max(hi, key.value + key.leftHandle.dv, key.value + key.rightHandle.dv)
        }
        if hi - lo < 1e-9 { lo -= channel.fineStep * 10; hi += channel.fineStep * 10 }
        let pad = (hi - lo) * 0.08
        lo -= pad; hi += pad
        func dotY(_ v: Double) -> Int { Int(((hi - v) / (hi - lo) * Double(canvas.dotHeight - 1)).rounded()) }
        func dotX(_ f: Double) -> Int { Int((f / lastFrame * Double(canvas.dotWidth - 1)).rounded()) }
        var previous: Int?
        for (px, v) in samples.enumerated() {
            let y = dotY(v)
            if let p = previous {
                for yy in min(p, y)...max(p, y) { canvas.set(px, yy) }
            } else { canvas.set(px, y) }
            previous = y
        }
        let lineStyle = style("curve.line")
        for r in 0..<plot.height {
            for c in 0..<plot.width {
                if let ch = canvas.character(col: c, row: r) { grid[plot.x + c, plot.y + r] = Cell(ch, style: lineStyle) }
            }
        }
        // Axis labels.
        let axis = style("curve.label")
        grid.put(formatValue(hi - pad), col: inner.x, row: plot.y, style: axis, maxCol: plot.x - 1)
        grid.put(formatValue(lo + pad), col: inner.x, row: plot.maxY - 1, style: axis, maxCol: plot.x - 1)
        let axisStyle = style("curve.axis")
        for r in plot.y..<plot.maxY { grid[plot.x - 1, r] = Cell("│", style: axisStyle) }
        // Playhead.
        let phCol = plot.x + dotX(Double(state.localPlayhead)) / 2
        let ph = style("curve.playhead")
        for r in plot.y..<plot.maxY where grid[phCol, r].text == " " { grid[phCol, r] = Cell("┊", style: ph) }
        // Keys and the selected key's handles.
        func cell(_ f: Double, _ v: Double) -> (Int, Int) {
            (plot.x + min(plot.width - 1, max(0, dotX(f) / 2)), plot.y + min(plot.height - 1, max(0, dotY(v) / 4)))
        }
        if k < keys.count, keys[k].interpolation == .bezier || (k > 0 && keys[k - 1].interpolation == .bezier) {
            let key = keys[k]
            for h in [key.leftHandle, key.rightHandle] {
                let (hx, hy) = cell(key.frame + h.dt, key.value + h.dv)
                grid[hx, hy] = Cell("○", style: style("curve.handle"))
            }
        }
        for (i, key) in keys.enumerated() {
            let (x, y) = cell(key.frame, key.value)
            grid[x, y] = Cell("◆", style: style(i == k ? "curve.key.selected" : "curve.key"))
        }
    }
}
