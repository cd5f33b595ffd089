import Foundation
import KinoCore
import Testing
@testable import KinoTerminal

@Suite struct SixelRendererTests {
    let source = realisticFrame(width: 640, height: 360)

    func decoded(cols: Int, registers: Int) throws -> (Frame, Frame) {
        var caps = TerminalCapabilities(graphics: .sixel, colorRegisters: registers, cellWidthPx: 10, cellHeightPx: 20)
        caps.colorRegisters = registers
        let text = try TerminalRenderer(capabilities: caps).sixel(source, cols: cols)
        let image = try decodeSixel(text)
        return (image, source.scaled(width: image.width, height: image.height))
    }

    @Test func sixelWith256RegistersDecodesByLibsixelAbove24dB() throws {
        let (image, reference) = try decoded(cols: 40, registers: 256)
        // 40 columns of 10 px, the height from the 16:9 aspect.
        #expect(image.width == 400)
        #expect(image.height == 225)
        #expect(psnr(image, reference) >= 24)
    }

    @Test func libchafaSixelAlsoDecodesAbove24dBWithTheAspectKept() throws {
        let layout = try PreviewLayout(frameWidth: 640, frameHeight: 360, cols: 40, rows: nil, cellWidth: 10, cellHeight: 20)
        let text = SixelRenderer.render(source, layout: layout, colorRegisters: 256, encoder: .chafa)
        let image = try decodeSixel(text)
        #expect(image.height % 6 == 0 && image.width <= 400)
        #expect(abs(Double(image.width) / Double(image.height) - 16.0 / 9.0) < 0.01)
        #expect(psnr(image, source.scaled(width: image.width, height: image.height)) >= 24)
    }

    @Test func sixelWith16RegistersUsesAtMost16ColoursAndStillResemblesTheFrame() throws {
        var caps = TerminalCapabilities(graphics: .sixel, colorRegisters: 16)
        caps.colorRegisters = 16
        let text = try TerminalRenderer(capabilities: caps).sixel(source, cols: 32)
        let registers = Set(text.split(separator: "#").compactMap { part in Int(part.prefix { $0.isNumber }) })
        #expect(registers.count <= 16)
        #expect(registers.max()! < 16)
        let image = try decodeSixel(text)
        let db = psnr(image, source.scaled(width: image.width, height: image.height))
        #expect(db >= 20)
    }

    @Test func sixelRespectsTheTerminalsMaximumGeometry() throws {
        var caps = TerminalCapabilities(graphics: .sixel)
        caps.maxSixelGeometry = PixelSize(width: 200, height: 100)
        let image = try decodeSixel(try TerminalRenderer(capabilities: caps).sixel(source, cols: 80))
        #expect(image.width <= 200)
        #expect(image.height <= 114)
    }

    @Test func aHugeColumnCountIsCappedWhenTheTerminalGaveNoLimit() throws {
        let caps = TerminalCapabilities(graphics: .sixel)
        // A tall, thin frame keeps the capped picture small: 100 000 columns of 10 px would be
        // a picture 10^6 px wide and 10^8 px high; capped, it is 41 x 4096.
        let text = try TerminalRenderer(capabilities: caps).sixel(realisticFrame(width: 2, height: 200), cols: 100_000)
        #expect(text.hasPrefix("\u{1B}P0;1;0q\"1;1;41;4096"))
    }

    @Test func sixelInsideTmuxIsWrappedInDCSPassthrough() throws {
        var caps = TerminalCapabilities(graphics: .sixel)
        caps.inTmux = true
        let text = try TerminalRenderer(capabilities: caps).sixel(source, cols: 10)
        #expect(text.hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}P"))
        #expect(text.hasSuffix("\u{1B}\u{1B}\\\u{1B}\\\n"))
    }
}
