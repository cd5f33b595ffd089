import KinoCore

/// Sixel output. Ours by default (`SixelEncoder`: exactly the terminal's colour registers,
/// Floyd–Steinberg dithering); libchafa's sixel canvas is kept as the measured alternative:
/// with its error diffusion it was about 3x slower at slightly lower PSNR on 640x360 frames,
/// and chafa 1.12 always emits 256 registers (see Docs/Terminals.md).
/// Public for kino-bench, which compares the two encoders.
public enum SixelRenderer {
    public enum Encoder: Sendable { case kino, chafa }

    public static func render(_ frame: Frame, layout: PreviewLayout, colorRegisters: Int, encoder: Encoder = .kino) -> String {
        switch encoder {
        case .kino:
            let scaled = frame.scaled(width: layout.pixelWidth, height: layout.pixelHeight)
            return SixelEncoder.encode(scaled, colors: colorRegisters)
        case .chafa:
            // One cell the size of the whole picture: chafa then scales to exact pixels instead
            // of rounding to whole cells. Chafa cuts the height down to whole sixel bands (6 px),
            // so take the width from that height to keep the aspect.
            let height = max(6, layout.pixelHeight / 6 * 6)
            let width = max(1, Int((Double(height) * Double(frame.width) / Double(frame.height)).rounded()))
            let canvas = ChafaCanvas(cols: 1, rows: 1, cellWidth: min(width, layout.pixelWidth), cellHeight: height,
                                     settings: ChafaCanvasSettings(output: .sixel, dithering: true))
            canvas.draw(frame)
            return canvas.printed()
        }
    }
}

/// Kitty graphics protocol output: raw RGBA (f=32) in base64 chunks, drawn by libchafa.
enum KittyRenderer {
    static func render(_ frame: Frame, layout: PreviewLayout) -> String {
        let canvas = ChafaCanvas(cols: layout.artCols, rows: layout.artRows,
                                 cellWidth: max(1, layout.pixelWidth / layout.artCols),
                                 cellHeight: max(1, layout.pixelHeight / layout.artRows),
                                 settings: ChafaCanvasSettings(output: .kitty))
        canvas.draw(frame)
        return canvas.printed()
    }
}

extension String {
    /// Wraps a graphics sequence in tmux's DCS passthrough (needs `set -g allow-passthrough on`):
    /// `ESC P tmux;` + the sequence with every ESC doubled + `ESC \`.
    func tmuxPassthrough() -> String {
        "\u{1B}Ptmux;" + replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
