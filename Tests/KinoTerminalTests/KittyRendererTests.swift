import Foundation
import KinoCore
import Testing
@testable import KinoTerminal

@Suite struct KittyRendererTests {
    @Test func kittyOutputCarriesTheWholePictureAsRawRGBA() throws {
        let source = realisticFrame(width: 640, height: 360)
        let caps = TerminalCapabilities(graphics: .kitty, cellWidthPx: 10, cellHeightPx: 20)
        let text = try TerminalRenderer(capabilities: caps).render(source, cols: 30)
        // APC G <keys> ; <base64> ESC \ , chunked with m=1 … m=0.
        let commands = text.components(separatedBy: "\u{1B}\\").filter { $0.hasPrefix("\u{1B}_G") }
        #expect(commands.count >= 2)
        let header = commands[0].dropFirst(3).split(separator: ";", maxSplits: 1)[0]
        var keys: [String: String] = [:]
        for pair in header.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            keys[String(kv[0])] = String(kv[1])
        }
        #expect(keys["f"] == "32")
        #expect(keys["c"] == "30")
        let width = Int(keys["s"] ?? "") ?? 0, height = Int(keys["v"] ?? "") ?? 0
        #expect(abs(width - 300) <= 10)
        // libchafa encodes every chunk as complete base64 (padded), so decode chunk by chunk.
        var bytes = Data()
        var undecodable = 0
        for command in commands {
            let parts = command.dropFirst(3).split(separator: ";", maxSplits: 1)
            guard parts.count == 2 else { continue }
            #expect(parts[1].count <= 4096, "chunks are at most 4096 bytes")
            if let chunk = Data(base64Encoded: String(parts[1])) { bytes += chunk } else { undecodable += 1 }
        }
        #expect(undecodable == 0)
        #expect(commands.last!.contains("m=0"))
        #expect(bytes.count == width * height * 4)
        let image = Frame(width: width, height: height, pixels: [UInt8](bytes))
        #expect(psnr(image, source.scaled(width: width, height: height)) >= 30)
    }
}
