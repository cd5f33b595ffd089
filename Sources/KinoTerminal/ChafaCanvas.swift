import CChafa
import KinoCore
import Synchronization

/// How a chafa canvas draws: the pixel mode and, for symbols, the colours and glyphs it may use.
/// Public only for `ColorMatching`, which kino-bench compares.
public struct ChafaCanvasSettings: Sendable {
    enum Output: Sendable { case symbols, sixel, kitty }
    var output: Output
    var colorDepth: ColorDepth = .truecolor
    var symbols: SymbolSet = .blocks
    public enum ColorMatching: Sendable { case rgb, din99d }
    /// How palette colours are matched in the indexed modes.
    var colorMatching: ColorMatching = .din99d
    /// Ordered dithering for symbols, error diffusion for sixel.
    var dithering: Bool = false
    /// Work factor 0…1: how hard chafa searches for the best symbol per cell. At 1 it matches
    /// the chafa CLI's quality and is still several times faster than running it.
    var workFactor: Float = 1
}

/// Guards chafa's process-wide terminal database; canvases themselves are per-call and unshared.
private let chafaTermDatabase = Mutex<Void>(())

/// One chafa canvas and its configuration, owned by Swift: created, drawn, read and freed
/// within one rendering call (never shared between threads, so it is deliberately not Sendable).
final class ChafaCanvas {
    private let config: OpaquePointer
    private let symbolMap: OpaquePointer
    private let canvas: OpaquePointer
    let cols: Int
    let rows: Int

    /// A canvas of `cols` x `rows` cells, each `cellWidth` x `cellHeight` pixels.
    init(cols: Int, rows: Int, cellWidth: Int, cellHeight: Int, settings: ChafaCanvasSettings) {
        self.cols = cols
        self.rows = rows
        config = chafa_canvas_config_new()
        symbolMap = chafa_symbol_map_new()
        chafa_canvas_config_set_geometry(config, Int32(cols), Int32(rows))
        chafa_canvas_config_set_cell_geometry(config, Int32(cellWidth), Int32(cellHeight))
        chafa_canvas_config_set_work_factor(config, settings.workFactor)
        switch settings.output {
        case .symbols:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS)
            chafa_canvas_config_set_canvas_mode(config, settings.colorDepth.chafaMode)
            chafa_symbol_map_add_by_tags(symbolMap, settings.symbols.chafaTags)
            // Wide and ambiguous-width glyphs would break the one-glyph-per-cell contract.
            chafa_symbol_map_remove_by_tags(symbolMap, ChafaSymbolTags(rawValue: CHAFA_SYMBOL_TAG_WIDE.rawValue | CHAFA_SYMBOL_TAG_AMBIGUOUS.rawValue))
            chafa_canvas_config_set_symbol_map(config, symbolMap)
            // In 256 and 16 colours, matching in DIN99d keeps hues (an olive field stays green
            // instead of the nearest RGB grey) at a small PSNR cost; truecolor needs no matching.
            let din99d = settings.colorMatching == .din99d && settings.colorDepth != .truecolor
            chafa_canvas_config_set_color_space(config, din99d ? CHAFA_COLOR_SPACE_DIN99D : CHAFA_COLOR_SPACE_RGB)
            // Per-cell dithering adds noise that costs PSNR at every colour depth (measured);
            // the choice of fg/bg per cell already mixes colours.
            chafa_canvas_config_set_dither_mode(config, settings.dithering ? CHAFA_DITHER_MODE_ORDERED : CHAFA_DITHER_MODE_NONE)
        case .sixel:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SIXELS)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
            chafa_canvas_config_set_dither_mode(config, settings.dithering ? CHAFA_DITHER_MODE_DIFFUSION : CHAFA_DITHER_MODE_NONE)
        case .kitty:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_KITTY)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        }
        chafa_canvas_config_set_optimizations(config, CHAFA_OPTIMIZATION_NONE)
        canvas = chafa_canvas_new(config)
    }

    deinit {
        chafa_canvas_unref(canvas)
        chafa_symbol_map_unref(symbolMap)
        chafa_canvas_config_unref(config)
    }

    /// Draws the whole frame, scaled by chafa to the canvas.
    func draw(_ frame: Frame) {
        frame.pixels.withUnsafeBufferPointer { p in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, p.baseAddress,
                                         Int32(frame.width), Int32(frame.height), Int32(frame.width * 4))
        }
    }

    /// The canvas as terminal text: sixel or kitty sequences, or ANSI symbols.
    func printed() -> String {
        let termInfo = chafaTermDatabase.withLock { _ in
            chafa_term_db_get_fallback_info(chafa_term_db_get_default())
        }
        defer { chafa_term_info_unref(termInfo) }
        guard let gs = chafa_canvas_print(canvas, termInfo) else { return "" }
        let text = String(cString: gs.pointee.str)
        g_string_free(gs, 1)
        return text
    }

    /// The glyph in a cell (a space when chafa left it empty).
    func character(x: Int, y: Int) -> Unicode.Scalar {
        let c = chafa_canvas_get_char_at(canvas, Int32(x), Int32(y))
        return Unicode.Scalar(c) ?? " "
    }

    /// Foreground and background of a cell as packed 0xRRGGBB (-1 for transparent).
    func colors(x: Int, y: Int) -> (fg: Int32, bg: Int32) {
        var fg: Int32 = 0, bg: Int32 = 0
        chafa_canvas_get_colors_at(canvas, Int32(x), Int32(y), &fg, &bg)
        return (fg, bg)
    }

    /// Palette indices of a cell in the indexed modes (256 or 16 colours).
    func rawColors(x: Int, y: Int) -> (fg: Int32, bg: Int32) {
        var fg: Int32 = 0, bg: Int32 = 0
        chafa_canvas_get_raw_colors_at(canvas, Int32(x), Int32(y), &fg, &bg)
        return (fg, bg)
    }
}

extension ColorDepth {
    var chafaMode: ChafaCanvasMode {
        switch self {
        case .truecolor: CHAFA_CANVAS_MODE_TRUECOLOR
        case .color256: CHAFA_CANVAS_MODE_INDEXED_240
        case .color16: CHAFA_CANVAS_MODE_INDEXED_16
        case .none: CHAFA_CANVAS_MODE_FGBG
        }
    }
}

extension SymbolSet {
    var chafaTags: ChafaSymbolTags {
        var tags = CHAFA_SYMBOL_TAG_SPACE.rawValue | CHAFA_SYMBOL_TAG_SOLID.rawValue | CHAFA_SYMBOL_TAG_HALF.rawValue
        switch self {
        case .halfBlocks: break
        case .blocks: tags |= CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_QUAD.rawValue
        case .sextants: tags |= CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_QUAD.rawValue | CHAFA_SYMBOL_TAG_SEXTANT.rawValue
        }
        return ChafaSymbolTags(rawValue: tags)
    }
}
