import Foundation
import KinoCore
import Testing
@testable import KinoTerminal

@Suite struct ContactSheetTests {
    /// Five frames that differ visibly: the realistic frame tinted a little more each second.
    let frames: [(label: String, frame: Frame)] = (0..<5).map { i in
        var f = realisticFrame(width: 160, height: 90)
        for p in stride(from: 0, to: f.pixels.count, by: 4) { f.pixels[p] = UInt8(min(255, Int(f.pixels[p]) + i * 30)) }
        return (label: String(format: "%.1fs", Double(i)), frame: f)
    }

    @Test func characterArtSheetLaysThumbnailsInRowsWithTimesUnderneath() throws {
        let caps = TerminalCapabilities(graphics: .blocks, colorDepth: .color256)
        let sheet = try contactSheet(frames: frames, capabilities: caps, cols: 80, thumbnailCols: 24)
        let widths = try lineWidths(sheet)
        #expect(widths.allSatisfy { $0 <= 80 })
        // 3 thumbnails of 24 (+1 gap) per row: two rows of pictures, each followed by labels.
        let lines = sheet.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let labelLines = lines.filter { $0.contains("s") && !$0.contains("\u{1B}") }
        #expect(labelLines.count == 2)
        #expect(labelLines[0].hasPrefix("0.0s"))
        #expect(labelLines[0].contains("1.0s") && labelLines[0].contains("2.0s"))
        #expect(labelLines[1].hasPrefix("3.0s") && labelLines[1].contains("4.0s"))
        #expect(labelLines[0].range(of: "1.0s")!.lowerBound == labelLines[0].index(labelLines[0].startIndex, offsetBy: 25))
    }

    @Test func asciiSheetIsPrintableASCII() throws {
        let sheet = try contactSheet(frames: frames, capabilities: TerminalCapabilities(graphics: .ascii), cols: 50, thumbnailCols: 16)
        #expect(sheet.utf8.allSatisfy { $0 == 0x0A || (0x20...0x7E).contains($0) })
        #expect(try lineWidths(sheet).allSatisfy { $0 <= 50 })
    }

    @Test func sixelSheetDecodesToARowOfThumbnails() throws {
        let caps = TerminalCapabilities(graphics: .sixel, cellWidthPx: 10, cellHeightPx: 20)
        let sheet = try contactSheet(frames: Array(frames.prefix(3)), capabilities: caps, cols: 80, thumbnailCols: 20)
        let parts = sheet.components(separatedBy: "\u{1B}\\")
        #expect(parts.count == 2, "one sixel image for the one row")
        let image = try decodeSixel(parts[0] + "\u{1B}\\")
        // 3 thumbnails of 20 columns plus 2 gaps, 10 px a column.
        #expect(abs(image.width - 620) <= 6)
        #expect(parts[1].contains("0.0s") && parts[1].contains("2.0s"))
        // The gap column between the first two thumbnails is letterbox black.
        let gapPixel = image.pixel(x: 205, y: image.height / 2)
        #expect(Int(gapPixel.r) + Int(gapPixel.g) + Int(gapPixel.b) < 40)
    }

    @Test func emptySheetAndZeroColumnsAreClearErrors() {
        #expect(throws: TerminalRenderError.emptyContactSheet) {
            try contactSheet(frames: [], capabilities: TerminalCapabilities(), cols: 80)
        }
        #expect(throws: TerminalRenderError.invalidColumns(0)) {
            try contactSheet(frames: frames, capabilities: TerminalCapabilities(), cols: 0)
        }
    }

    @Test func aOneColumnSheetStillShowsEveryFrame() throws {
        let sheet = try contactSheet(frames: frames, capabilities: TerminalCapabilities(graphics: .blocks), cols: 1)
        #expect(try lineWidths(sheet).allSatisfy { $0 == 1 })
    }
}
