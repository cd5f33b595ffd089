import Foundation
import KinoCore
import KinoMedia
import Testing

/// Still images in and out: PNG both ways, JPEG and WebP in, and the files that are not images.
@Suite struct ImageCodecTests {
    @Test func pngDataRoundTripsBitForBitOpaqueAndTranslucent() throws {
        let opaque = movingSquare(width: 97, height: 55, index: 7)
        #expect(try decodePNG(data: encodePNGData(opaque)) == opaque)
        var translucent = opaque
        for i in stride(from: 3, to: translucent.pixels.count, by: 4) { translucent.pixels[i] = UInt8(i / 4 % 256) }
        #expect(try decodePNG(data: encodePNGData(translucent, compressionLevel: 9)) == translucent)
    }

    @Test func pngFileIsWrittenAtomicallyAndReadBack() throws {
        let dir = ScratchFolder(), path = dir.file("still.png")
        let frame = movingSquare(width: 120, height: 80, index: 3)
        try encodePNG(frame, to: path)
        #expect(dir.contents == ["still.png"])
        #expect(try decodeImage(at: path) == frame)
        let probe = try ffprobe(path)
        #expect(probe["codec_name"] == "png" && probe["pix_fmt"] == "rgb24" && probe["width"] == "120")
        #expect(throws: MediaError.folderMissing(dir.file("nope"))) { try encodePNG(frame, to: dir.file("nope/still.png")) }
    }

    @Test func jpegAndWebPMadeByFFmpegDecode() throws {
        let dir = ScratchFolder(), source = dir.file("source.png")
        let frame = movingSquare(width: 128, height: 72, index: 11)
        try encodePNG(frame, to: source)
        try run("/usr/bin/ffmpeg", ["-v", "error", "-i", source, "-q:v", "2", dir.file("photo.jpg")])
        try run("/usr/bin/ffmpeg", ["-v", "error", "-i", source, "-c:v", "libwebp", "-lossless", "1", dir.file("lossless.webp")])
        try run("/usr/bin/ffmpeg", ["-v", "error", "-i", source, "-c:v", "libwebp", "-quality", "90", dir.file("lossy.webp")])
        let jpeg = try decodeImage(at: dir.file("photo.jpg"))
        #expect(jpeg.width == 128 && jpeg.height == 72)
        #expect(psnr(jpeg, frame) >= 30)
        #expect(try decodeImage(at: dir.file("lossless.webp")) == frame)
        #expect(psnr(try decodeImage(at: dir.file("lossy.webp")), frame) >= 30)
    }

    @Test func palettedGreyAndSixteenBitPNGsDecodeToRGBA() throws {
        let dir = ScratchFolder(), source = dir.file("source.png")
        let frame = movingSquare(width: 64, height: 40, index: 2)
        try encodePNG(frame, to: source)
        for (name, format) in [("deep.png", "rgb48be"), ("grey.png", "gray"), ("palette.png", "pal8")] {
            try run("/usr/bin/ffmpeg", ["-v", "error", "-i", source, "-pix_fmt", format, dir.file(name)])
        }
        #expect(try decodeImage(at: dir.file("deep.png")) == frame)
        let grey = try decodeImage(at: dir.file("grey.png"))
        #expect(grey.width == 64 && grey.height == 40)
        #expect((0..<40).allSatisfy { y in (0..<64).allSatisfy { x in
            let p = grey.pixel(x: x, y: y); return p.r == p.g && p.g == p.b } })
        // The palette is lossy; ffmpeg's own reading of the file must match Kino's exactly.
        #expect(try [decodeImage(at: dir.file("palette.png"))] == ffmpegDecodeRGBA(dir.file("palette.png"), width: 64, height: 40))
    }

    @Test func missingFileSaysItDoesNotExist() throws {
        let path = ScratchFolder().file("ghost.png")
        let error = #expect(throws: MediaError.fileNotFound(path)) { try decodeImage(at: path) }
        #expect(error?.errorDescription == "\(path) does not exist; check the path.")
    }

    @Test func textFileNamedPNGIsNotAnImage() throws {
        let dir = ScratchFolder(), path = dir.file("notes.png")
        try Data("this is a shopping list\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: MediaError.notAnImage(path)) { try decodeImage(at: path) }
        #expect(error?.errorDescription == "\(path) is not a PNG, JPEG or WebP image.")
        let empty = dir.file("empty.jpg")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: MediaError.notAnImage(empty)) { try decodeImage(at: empty) }
    }

    @Test func truncatedOrScrambledImagesAreCorrupt() throws {
        let dir = ScratchFolder()
        let png = try encodePNGData(movingSquare(width: 64, height: 64, index: 1), compressionLevel: 9)
        let truncated = dir.file("truncated.png")
        try png.prefix(png.count / 2).write(to: URL(fileURLWithPath: truncated))
        #expect(throws: MediaError.corruptImage(truncated)) { try decodeImage(at: truncated) }

        var scrambled = png
        for i in 40..<scrambled.count { scrambled[i] = UInt8(truncatingIfNeeded: i &* 31) }
        let bad = dir.file("scrambled.png")
        try scrambled.write(to: URL(fileURLWithPath: bad))
        #expect(throws: MediaError.corruptImage(bad)) { try decodeImage(at: bad) }

        let jpeg = dir.file("broken.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0x42, count: 300)).write(to: URL(fileURLWithPath: jpeg))
        #expect(throws: MediaError.corruptImage(jpeg)) { try decodeImage(at: jpeg) }
        #expect(throws: MediaError.notAnImage("the PNG data")) { try decodePNG(data: Data("nope".utf8)) }
    }
}
