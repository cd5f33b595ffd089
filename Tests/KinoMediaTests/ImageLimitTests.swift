import Foundation
import KinoCore
import KinoMedia
import Testing

/// Pictures too large to decode are refused from their header, with the limit; large ones are
/// scaled down while decoding.
@Suite struct ImageLimitTests {
    /// A PNG whose header claims `width`x`height` (its pixel data is a stub: it is never read).
    func claimedPNG(width: UInt32, height: UInt32) -> Data {
        func be(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        var d = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        d.append(contentsOf: Array("IHDR".utf8) + be(width) + be(height) + [8, 2, 0, 0, 0, 0, 0, 0, 0])
        d.append(contentsOf: [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
        return d
    }

    @Test(arguments: [(UInt32(20000), UInt32(20000)), (12000, 12000), (100_000, 1001), (0x7FFF_FFFF, 0x7FFF_FFFF)])
    func testAPictureOverTheLimitIsTooLargeNotDamaged(width: UInt32, height: UInt32) throws {
        let dir = ScratchFolder()
        let path = dir.file("huge.png")
        try claimedPNG(width: width, height: height).write(to: URL(fileURLWithPath: path))
        #expect(throws: MediaError.imageTooLarge(path, size: "\(width)x\(height)")) { try decodeImage(at: path) }
        let text = MediaError.imageTooLarge(path, size: "\(width)x\(height)").errorDescription ?? ""
        #expect(text.contains("too large") && text.contains("100 megapixels"))
    }

    @Test func testMaxSideScalesALargerPictureWhileDecoding() throws {
        let dir = ScratchFolder()
        let path = dir.file("wide.png")
        try encodePNG(movingSquare(width: 96, height: 48, index: 1), to: path)
        let small = try decodeImage(at: path, maxSide: 24)
        #expect(small.width == 24 && small.height == 12)
        let whole = try decodeImage(at: path, maxSide: 200)
        #expect(whole.width == 96 && whole.height == 48)
    }
}
