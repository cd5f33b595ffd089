import Foundation
import KinoCore
import Testing
@testable import KinoTerminal

/// glibc's wcwidth (the Glibc module does not export it).
@_silgen_name("wcwidth") func glibcWcwidth(_ c: Int32) -> Int32

/// Checks terminal text the way a terminal reads it: valid UTF-8, only complete `ESC [ … m`
/// sequences, and the display width of every line (wcwidth, escapes aside).
func lineWidths(_ text: String) throws -> [Int] {
    let bytes = Array(text.utf8)
    guard let decoded = String(bytes: bytes, encoding: .utf8) else { throw ToolFailure(description: "invalid UTF-8") }
    setlocale(LC_CTYPE, "C.UTF-8")
    var widths: [Int] = []
    var width = 0
    var scalars = Array(decoded.unicodeScalars)[...]
    while let s = scalars.popFirst() {
        switch s {
        case "\n":
            widths.append(width); width = 0
        case "\u{1B}":
            guard scalars.popFirst() == "[" else { throw ToolFailure(description: "ESC not followed by [") }
            var terminated = false
            while let c = scalars.popFirst() {
                if c == "m" { terminated = true; break }
                guard c == ";" || ("0"..."9").contains(c) else { throw ToolFailure(description: "bad SGR byte \(c)") }
            }
            guard terminated else { throw ToolFailure(description: "unterminated escape") }
        default:
            let w = glibcWcwidth(Int32(bitPattern: s.value))
            guard w >= 0 else { throw ToolFailure(description: "non-printable U+\(String(s.value, radix: 16))") }
            width += Int(w)
        }
    }
    guard width == 0 else { throw ToolFailure(description: "last line lacks a newline") }
    return widths
}

@Suite struct CellArtTests {
    let source = realisticFrame()

    static let combinations: [(ColorDepth, SymbolSet)] = [ColorDepth.truecolor, .color256, .color16].flatMap { d in
        SymbolSet.allCases.map { (d, $0) }
    }

    @Test(arguments: combinations)
    func everyLineIsExactlyColsWideWithWellFormedEscapes(depth: ColorDepth, symbols: SymbolSet) throws {
        let caps = TerminalCapabilities(graphics: .blocks, colorDepth: depth, symbols: symbols)
        for cols in [1, 7, 80] {
            let text = try TerminalRenderer(capabilities: caps).render(source, cols: cols)
            let widths = try lineWidths(text)
            #expect(!widths.isEmpty)
            #expect(widths.allSatisfy { $0 == cols }, "\(depth) \(symbols) cols \(cols): \(Set(widths))")
        }
    }

    @Test func rowsGivenMeansExactlyThatManyLinesWithThePictureLetterboxed() throws {
        let caps = TerminalCapabilities(graphics: .blocks, colorDepth: .truecolor)
        let art = try TerminalRenderer(capabilities: caps).cellArt(source, cols: 80, rows: 10)
        #expect(art.cols == 80 && art.rows == 10)
        #expect(try lineWidths(art.text()) == Array(repeating: 80, count: 10))
        // 10 rows of a 16:9 frame at 1:2 cells is about 36 columns: both sides are black.
        #expect(art[0, 5].character == " " && art[0, 5].bg == RGB(0, 0, 0))
        #expect(art[79, 5].character == " " && art[79, 5].bg == RGB(0, 0, 0))
        #expect(art[40, 5].bg != RGB(0, 0, 0) || art[40, 5].fg != RGB(0, 0, 0))
    }

    @Test func asciiModeIsPrintableASCIIOnly() throws {
        for caps in [TerminalCapabilities(graphics: .ascii), TerminalCapabilities.fromEnvironment(["TERM": "dumb"])] {
            let text = try TerminalRenderer(capabilities: caps).render(source, cols: 60)
            #expect(text.utf8.allSatisfy { $0 == 0x0A || (0x20...0x7E).contains($0) })
            #expect(try lineWidths(text).allSatisfy { $0 == 60 })
            #expect(Set(text).count > 4, "the ramp uses several densities")
        }
    }

    @Test(arguments: [ColorDepth.truecolor, .color256, .color16])
    func perCellArtRasterizesBackToThePicture(depth: ColorDepth) throws {
        let caps = TerminalCapabilities(graphics: .blocks, colorDepth: depth, cellWidthPx: 8, cellHeightPx: 16)
        let art = try TerminalRenderer(capabilities: caps).cellArt(source, cols: 80)
        let raster = art.rasterized(cellWidth: 8, cellHeight: 16)
        let db = psnr(raster, source.scaled(width: raster.width, height: raster.height))
        // 16 colours cannot follow a blue sky far; the bar still rules out a wrong picture.
        #expect(db >= [ColorDepth.truecolor: 27.0, .color256: 19, .color16: 9][depth]!)
        if depth != .truecolor { #expect(art.cells.allSatisfy { $0.fgIndex != nil && $0.bgIndex != nil }) }
    }

    @Test func textAndCellsAgreeWhenTheTextIsReadBack() throws {
        let caps = TerminalCapabilities(graphics: .blocks, colorDepth: .truecolor)
        let art = try TerminalRenderer(capabilities: caps).cellArt(source, cols: 30)
        let parsed = CellArt(parsingANSI: art.text())
        #expect(parsed.cols == art.cols && parsed.rows == art.rows)
        #expect(parsed.cells.map(\.character) == art.cells.map(\.character))
        #expect(parsed.cells.map(\.fg) == art.cells.map(\.fg))
        #expect(parsed.cells.map(\.bg) == art.cells.map(\.bg))
    }

    @Test func zeroColumnsIsAClearError() throws {
        let renderer = TerminalRenderer(capabilities: TerminalCapabilities())
        #expect(throws: TerminalRenderError.invalidColumns(0)) { try renderer.render(source, cols: 0) }
        #expect(throws: TerminalRenderError.invalidRows(-1)) { try renderer.render(source, cols: 10, rows: -1) }
        let message = TerminalRenderError.invalidColumns(0).errorDescription ?? ""
        #expect(message.contains("--cols"))
    }

    @Test func aOneColumnTerminalGetsOneColumnInEveryMode() throws {
        for mode in GraphicsMode.allCases {
            let caps = TerminalCapabilities(graphics: mode, colorDepth: .color256)
            let text = try TerminalRenderer(capabilities: caps).render(source, cols: 1)
            #expect(!text.isEmpty)
            if mode == .blocks || mode == .ascii { #expect(try lineWidths(text).allSatisfy { $0 == 1 }) }
            if mode == .sixel { #expect(try decodeSixel(text).width >= 1) }
        }
    }

    @Test func renderingFromManyTasksAtOnceGivesTheSameArt() async throws {
        let caps = TerminalCapabilities(graphics: .blocks, colorDepth: .color256)
        let frame = source
        let expected = try TerminalRenderer(capabilities: caps).render(frame, cols: 40)
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try TerminalRenderer(capabilities: caps).render(frame, cols: 40) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
