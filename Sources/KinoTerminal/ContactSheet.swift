import KinoCore

/// A grid of thumbnails, each labelled underneath (times, for `kino preview --strip`), at most
/// `cols` columns wide: one picture per row of thumbnails in sixel and kitty, character art
/// side by side otherwise. Thumbnails are `thumbnailCols` wide (fewer when `cols` is smaller)
/// with one blank column between them; labels longer than a thumbnail are cut.
public func contactSheet(frames: [(label: String, frame: Frame)], capabilities: TerminalCapabilities,
                         cols: Int, thumbnailCols: Int = 24) throws -> String {
    guard cols > 0 else { throw TerminalRenderError.invalidColumns(cols) }
    guard thumbnailCols > 0 else { throw TerminalRenderError.invalidColumns(thumbnailCols) }
    guard let first = frames.first else { throw TerminalRenderError.emptyContactSheet }
    let renderer = TerminalRenderer(capabilities: capabilities)
    // Whole rows of cells first, then the width that fills them, so thumbnails need no letterbox.
    let thumbRows = try renderer.layout(first.frame, cols: min(thumbnailCols, cols), rows: nil, maxPixels: nil).rows
    let thumb = try renderer.layout(first.frame, cols: min(thumbnailCols, cols), rows: thumbRows, maxPixels: nil).artCols
    let gap = 1
    let perRow = max(1, (cols + gap) / (thumb + gap))

    var out = ""
    for start in stride(from: 0, to: frames.count, by: perRow) {
        let group = Array(frames[start..<min(frames.count, start + perRow)])
        switch capabilities.graphics {
        case .sixel, .kitty:
            let strip = stripFrame(group.map(\.frame), thumbCols: thumb, thumbRows: thumbRows, gap: gap,
                                   cellWidth: capabilities.cellWidthPx, cellHeight: capabilities.cellHeightPx)
            let stripCols = group.count * thumb + (group.count - 1) * gap
            out += try capabilities.graphics == .sixel
                ? renderer.sixel(strip, cols: stripCols, rows: thumbRows)
                : renderer.kitty(strip, cols: stripCols, rows: thumbRows)
        case .blocks, .ascii:
            let arts = try group.map { try renderer.cellArt($0.frame, cols: thumb, rows: thumbRows) }
            for y in 0..<thumbRows {
                out += arts.map { $0.line(y) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
            }
        }
        out += group.map { label($0.label, width: thumb) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
    }
    return out
}

/// A label cut or padded to exactly `width` columns of printable ASCII.
private func label(_ text: String, width: Int) -> String {
    let printable = text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Swift.Character($0) : "?" }
    let cut = String(printable.prefix(width))
    return cut + String(repeating: " ", count: width - cut.count)
}

/// One picture holding a row of thumbnails on black, placed on the cell grid the labels use.
private func stripFrame(_ frames: [Frame], thumbCols: Int, thumbRows: Int, gap: Int, cellWidth: Int, cellHeight: Int) -> Frame {
    let cw = max(1, cellWidth), ch = max(1, cellHeight)
    let slotW = thumbCols * cw, slotH = thumbRows * ch
    let width = (frames.count * thumbCols + (frames.count - 1) * gap) * cw
    var strip = Frame(width: width, height: slotH)
    for (i, frame) in frames.enumerated() {
        let scale = min(Double(slotW) / Double(frame.width), Double(slotH) / Double(frame.height))
        let w = max(1, min(slotW, Int((Double(frame.width) * scale).rounded())))
        let h = max(1, min(slotH, Int((Double(frame.height) * scale).rounded())))
        let thumb = frame.scaled(width: w, height: h)
        let x0 = i * (thumbCols + gap) * cw + (slotW - w) / 2, y0 = (slotH - h) / 2
        for y in 0..<h {
            let src = y * w * 4, dst = ((y0 + y) * width + x0) * 4
            strip.pixels.replaceSubrange(dst..<(dst + w * 4), with: thumb.pixels[src..<(src + w * 4)])
        }
    }
    return strip
}
